#pragma once

#include "server/http/bodysink.h"
#include "server/http/httprequest.h"
#include "server/http/httpresponse.h"

#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <vector>

namespace Kinora::Server::Http {

using Handler = std::function<HttpResponse(HttpRequest &)>;
// Called once the head of a request with a body is parsed; a null result
// falls back to the route's BodyMode (for example to answer an error after the body).
using BodySinkFactory = std::function<std::shared_ptr<BodySink>(const HttpRequest &)>;

enum class BodyMode {
    Memory, // buffered up to maxBodyBytes
    File,   // streamed to a temporary file, up to maxBodyBytes
};

struct RouteOptions
{
    qint64 maxBodyBytes = 1 << 20; // larger Content-Length is refused with 413 before reading
    BodyMode bodyMode = BodyMode::Memory;
};

struct RouteInfo
{
    QByteArray method;
    QString pattern;
};

// Maps (method, path) to handlers. Patterns are literal segments, "{name}"
// segments captured into HttpRequest::pathParams, and an optional trailing
// "{*name}" that captures the rest of the path. Thread-safe for lookups once
// the server runs; routes are added before listening.
class Router
{
public:
    struct Route
    {
        QByteArray method;
        QString pattern;
        QStringList segments;
        Handler handler;
        RouteOptions options;
        BodySinkFactory bodySink; // optional; the sink it returns is in HttpRequest::bodySink
    };

    struct Match
    {
        enum class Kind { Found, NotFound, MethodNotAllowed } kind = Kind::NotFound;
        const Route *route = nullptr;
        QHash<QString, QString> params;
        QList<QByteArray> allowedMethods; // for 405 and OPTIONS
    };

    void addRoute(const QByteArray &method, const QString &pattern, Handler handler, RouteOptions options = {},
                  BodySinkFactory bodySink = {});
    Match match(QByteArrayView method, QStringView path) const;
    QList<RouteInfo> routes() const;

private:
    std::vector<std::unique_ptr<Route>> m_routes;
};

} // namespace Kinora::Server::Http
