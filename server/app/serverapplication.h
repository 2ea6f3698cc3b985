#pragma once

#include "server/app/serverconfig.h"

#include <QCoreApplication>
#include <QObject>

#include <memory>

namespace Kinora::Server::Http {
class HttpServer;
class Router;
}

namespace Kinora::Server {

class ServerContext;
class SignalWatcher;

// `kinora-server serve`: opens the context, builds the route table, listens,
// prints "kinora-server: listening on http://HOST:PORT", and on SIGTERM or
// SIGINT closes the listener, lets the workers finish and closes the database.
class ServerApplication : public QObject
{
    Q_OBJECT

public:
    explicit ServerApplication(ServerConfig config, QObject *parent = nullptr);
    ~ServerApplication() override;

    bool start(QString *error);
    // Runs the event loop until a termination signal; returns the exit code.
    int exec();

private:
    void shutdown(int signalNumber);

    // First, so destroyed last: a second SIGTERM while the context closes
    // (database, worker threads) is caught, not fatal.
    std::unique_ptr<SignalWatcher> m_signals;
    std::unique_ptr<ServerContext> m_context;
    std::unique_ptr<Http::Router> m_router;
    std::unique_ptr<Http::HttpServer> m_server;
};

} // namespace Kinora::Server
