#include "server/http/httpworker.h"

#include "server/http/httpconnection.h"
#include "server/http/httpservershared.h"

#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <ctime>
#include <unistd.h>

namespace Kinora::Server::Http {

namespace {

qint64 monotonicMs()
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000;
}

} // namespace

HttpWorker::HttpWorker(HttpServerShared &shared, QObject *parent)
    : QObject(parent)
    , m_shared(shared)
    , m_scratch(size_t(qMax(1024 * 1024, shared.settings.maxHeaderBytes)))
{
}

HttpWorker::~HttpWorker()
{
    closeAll();
}

void HttpWorker::start()
{
    m_sweepTimer = new QTimer(this);
    // Fine enough for the smallest timeouts in use (seconds), cheap for many connections.
    m_sweepTimer->setInterval(200);
    connect(m_sweepTimer, &QTimer::timeout, this, &HttpWorker::sweep);
    m_sweepTimer->start();
}

void HttpWorker::addConnection(int fd)
{
    auto *connection = new HttpConnection(fd, *this, m_shared, this);
    m_connections.insert(connection);
}

void HttpWorker::removeConnection(HttpConnection *connection)
{
    if (m_connections.remove(connection))
        connection->deleteLater();
}

void HttpWorker::handOffWebSocket(int fd, HttpConnection *connection)
{
    removeConnection(connection);
    if (!m_webSocketServer) {
        m_webSocketServer = new QWebSocketServer(QStringLiteral("kinora"), QWebSocketServer::NonSecureMode, this);
        connect(m_webSocketServer, &QWebSocketServer::newConnection, this, &HttpWorker::onWebSocketConnection);
    }
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(qintptr(fd))) {
        qWarning("HTTP: cannot adopt a WebSocket connection: %s", qPrintable(socket->errorString()));
        delete socket;
        ::close(fd);
        return;
    }
    // QWebSocketServer reads the handshake and takes ownership of the socket.
    m_webSocketServer->handleConnection(socket);
}

void HttpWorker::onWebSocketConnection()
{
    while (m_webSocketServer->hasPendingConnections()) {
        QWebSocket *socket = m_webSocketServer->nextPendingConnection();
        if (!socket)
            break;
        const auto handler = m_shared.currentWebSocketHandler();
        if (handler) {
            handler(socket);
        } else {
            socket->close(QWebSocketProtocol::CloseCodeGoingAway);
            socket->deleteLater();
        }
    }
}

void HttpWorker::sweep()
{
    const qint64 now = monotonicMs();
    const QList<HttpConnection *> connections = m_connections.values();
    for (HttpConnection *c : connections) {
        if (m_connections.contains(c))
            c->checkTimeouts(now);
    }
}

void HttpWorker::closeAll()
{
    if (m_sweepTimer)
        m_sweepTimer->stop();
    const QList<HttpConnection *> connections = m_connections.values();
    for (HttpConnection *c : connections)
        c->closeNow();
    for (HttpConnection *c : connections)
        delete c;
    m_connections.clear();
    if (m_webSocketServer)
        m_webSocketServer->close();
}

} // namespace Kinora::Server::Http
