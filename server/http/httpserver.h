#pragma once

#include "server/http/httpserversettings.h"

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QWebSocket;

namespace Kinora::Server::Http {

class Router;
class HttpMetrics;

// HTTP/1.1 server: accepts on one socket, serves connections on worker
// threads (one event loop each), streams bodies with hard caps, sends files
// with sendfile(2), and upgrades "GET /ws" to WebSocket on the same port.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    // Called on the worker thread that owns the socket; the receiver takes ownership.
    using WebSocketHandler = std::function<void(QWebSocket *socket)>;

    HttpServer(const Router &router, HttpMetrics &metrics, HttpServerSettings settings, QObject *parent = nullptr);
    ~HttpServer() override;

    bool listen(QString *errorMessage);
    quint16 serverPort() const;
    QString serverUrl() const; // "http://127.0.0.1:PORT"
    void setWebSocketHandler(WebSocketHandler handler);
    void close(); // stops accepting and closes every connection

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace Kinora::Server::Http
