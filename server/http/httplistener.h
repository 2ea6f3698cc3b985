#pragma once

#include <QTcpServer>

#include <functional>

namespace Kinora::Server::Http {

// The listening socket: hands every accepted descriptor to a callback instead
// of wrapping it in a QTcpSocket, so connections can be served on raw fds in
// worker threads.
class HttpListener : public QTcpServer
{
    Q_OBJECT

public:
    using Acceptor = std::function<void(qintptr descriptor)>;

    explicit HttpListener(Acceptor acceptor, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    Acceptor m_acceptor;
};

} // namespace Kinora::Server::Http
