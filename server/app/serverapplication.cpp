#include "server/app/serverapplication.h"

#include "server/app/routetable.h"
#include "server/app/servercontext.h"
#include "server/app/signalwatcher.h"
#include "server/app/websocketsession.h"
#include "server/http/httpserver.h"
#include "server/http/router.h"

#include <QTextStream>

#include <csignal>
#include <cstdio>

namespace Kinora::Server {

ServerApplication::ServerApplication(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_context(std::make_unique<ServerContext>(std::move(config)))
    , m_router(std::make_unique<Http::Router>())
{
}

ServerApplication::~ServerApplication()
{
    // The server (and its worker threads, each closing its database
    // connection) goes before the context that owns the database.
    m_server.reset();
}

bool ServerApplication::start(QString *error)
{
    m_signals = std::make_unique<SignalWatcher>(QList<int>{SIGTERM, SIGINT});
    connect(m_signals.get(), &SignalWatcher::signalReceived, this, &ServerApplication::shutdown);

    if (!m_context->open(error))
        return false;
    registerRoutes(*m_router, *m_context);
    m_server = std::make_unique<Http::HttpServer>(*m_router, m_context->metrics(), m_context->config().http);
    m_server->setWebSocketHandler(&WebSocketSession::accept);
    if (!m_server->listen(error))
        return false;

    QTextStream out(stdout);
    out << "kinora-server: listening on " << m_server->serverUrl() << '\n'
        << "kinora-server: data directory " << m_context->config().dataDir << '\n';
    out.flush();
    std::fflush(stdout);
    return true;
}

int ServerApplication::exec()
{
    return QCoreApplication::exec();
}

void ServerApplication::shutdown(int signalNumber)
{
    QTextStream(stdout) << "kinora-server: signal " << signalNumber << " received, shutting down\n";
    std::fflush(stdout);
    if (m_server)
        m_server->close();
    QCoreApplication::exit(0);
}

} // namespace Kinora::Server
