#pragma once

#include <QObject>

class QWebSocket;

namespace Kinora::Server {

// One client on GET /ws: greets with {"type":"hello","version":...}, answers
// {"type":"ping"} with {"type":"pong"} and unknown messages with an error
// message. Lives on the socket's worker thread and deletes itself (and the
// socket) when the client goes away.
class WebSocketSession : public QObject
{
    Q_OBJECT

public:
    explicit WebSocketSession(QWebSocket *socket);

    static void accept(QWebSocket *socket);

private:
    void handleText(const QString &message);

    QWebSocket *m_socket;
};

} // namespace Kinora::Server
