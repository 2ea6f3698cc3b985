#include "server/http/httplistener.h"

namespace Kinora::Server::Http {

HttpListener::HttpListener(Acceptor acceptor, QObject *parent)
    : QTcpServer(parent)
    , m_acceptor(std::move(acceptor))
{
}

void HttpListener::incomingConnection(qintptr descriptor)
{
    m_acceptor(descriptor);
}

} // namespace Kinora::Server::Http
