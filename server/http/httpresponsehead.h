#pragma once

#include "server/http/httpresponse.h"

#include <QByteArray>

namespace Kinora::Server::Http {

// Serializes the status line and header block of a response: the handler's
// headers minus hop-by-hop ones, then Date, Server, Content-Length (not for
// 1xx/204/304) and Connection as the connection decided.
class HttpResponseHead
{
public:
    static QByteArray reasonPhrase(int status);
    static bool isBodyless(int status) { return status < 200 || status == 204 || status == 304; }
    static QByteArray serialize(const HttpResponse &response, qint64 contentLength, bool close, bool http10KeepAlive);
};

} // namespace Kinora::Server::Http
