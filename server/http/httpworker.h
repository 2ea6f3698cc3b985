#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSet>

#include <vector>

class QTimer;
class QWebSocketServer;

namespace Kinora::Server::Http {

class HttpConnection;
struct HttpServerShared;

// The event loop side of one worker thread: owns its connections, a sweep
// timer that enforces every timeout, a read buffer shared by its connections
// and the QWebSocketServer that takes over upgraded sockets.
class HttpWorker : public QObject
{
    Q_OBJECT

public:
    explicit HttpWorker(HttpServerShared &shared, QObject *parent = nullptr);
    ~HttpWorker() override;

    void start();                        // in the worker thread
    void addConnection(int fd);          // in the worker thread; takes ownership of fd
    void removeConnection(HttpConnection *connection);
    void handOffWebSocket(int fd, HttpConnection *connection);
    void closeAll();

    char *scratch() { return m_scratch.data(); }
    qsizetype scratchSize() const { return qsizetype(m_scratch.size()); }

private:
    void sweep();
    void onWebSocketConnection();

    HttpServerShared &m_shared;
    QSet<HttpConnection *> m_connections;
    QTimer *m_sweepTimer = nullptr;
    QWebSocketServer *m_webSocketServer = nullptr;
    std::vector<char> m_scratch;
};

} // namespace Kinora::Server::Http
