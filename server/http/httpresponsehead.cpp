#include "server/http/httpresponsehead.h"

#include "server/http/httpdate.h"

namespace Kinora::Server::Http {

namespace {

bool isHopHeader(const QByteArray &name)
{
    static constexpr QByteArrayView names[] = {"content-length", "transfer-encoding", "connection", "keep-alive"};
    for (QByteArrayView n : names) {
        if (name.size() == n.size() && QByteArrayView(name).compare(n, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

QByteArray HttpResponseHead::reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Content";
    case 423: return "Locked";
    case 426: return "Upgrade Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 460: return "Checksum Mismatch";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    case 507: return "Insufficient Storage";
    default: return "Status";
    }
}

QByteArray HttpResponseHead::serialize(const HttpResponse &response, qint64 contentLength, bool close, bool http10KeepAlive)
{
    QByteArray h;
    h.reserve(256 + response.headers.size() * 48);
    h += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    bool haveDate = false, haveServer = false;
    for (const auto &header : response.headers) {
        if (isHopHeader(header.first))
            continue;
        if (header.first.compare("date", Qt::CaseInsensitive) == 0)
            haveDate = true;
        else if (header.first.compare("server", Qt::CaseInsensitive) == 0)
            haveServer = true;
        h += header.first + ": " + header.second + "\r\n";
    }
    if (!haveDate)
        h += "Date: " + HttpDate::now() + "\r\n";
    if (!haveServer)
        h += "Server: kinora\r\n";
    if (!isBodyless(response.status))
        h += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
    if (close)
        h += "Connection: close\r\n";
    else if (http10KeepAlive)
        h += "Connection: keep-alive\r\n";
    h += "\r\n";
    return h;
}

} // namespace Kinora::Server::Http
