#include "server/http/corspolicy.h"

namespace Kinora::Server::Http {

CorsPolicy::CorsPolicy(const HttpServerSettings &settings)
    : m_origins(settings.corsAllowedOrigins)
    , m_allowHeaders(settings.corsAllowHeaders)
    , m_exposeHeaders(settings.corsExposeHeaders)
    , m_maxAgeSeconds(settings.corsMaxAgeSeconds)
{
}

QByteArray CorsPolicy::joinMethods(const QList<QByteArray> &methods)
{
    QByteArray out;
    for (const QByteArray &m : methods) {
        if (!out.isEmpty())
            out += ", ";
        out += m;
    }
    return out;
}

bool CorsPolicy::isPreflight(const HttpRequest &request) const
{
    return enabled() && request.method == "OPTIONS" && request.hasHeader("origin")
           && request.hasHeader("access-control-request-method");
}

QByteArray CorsPolicy::allowedOrigin(const HttpRequest &request) const
{
    if (m_origins.isEmpty())
        return {};
    const QByteArray origin = request.header("origin");
    if (origin.isEmpty())
        return {};
    if (m_origins.contains(QStringLiteral("*")))
        return "*";
    if (m_origins.contains(QString::fromUtf8(origin)))
        return origin;
    return {};
}

void CorsPolicy::decorate(const HttpRequest &request, HttpResponse &response) const
{
    if (!enabled() || !response.header("access-control-allow-origin").isEmpty())
        return;
    const QByteArray origin = allowedOrigin(request);
    if (origin.isEmpty())
        return;
    response.setHeader("Access-Control-Allow-Origin", origin);
    if (origin != "*")
        response.addHeader("Vary", "Origin");
    if (!m_exposeHeaders.isEmpty() && response.header("access-control-expose-headers").isEmpty())
        response.setHeader("Access-Control-Expose-Headers", m_exposeHeaders);
}

HttpResponse CorsPolicy::optionsResponse(const HttpRequest &request, const QList<QByteArray> &allowedMethods) const
{
    HttpResponse r = HttpResponse::noContent();
    const QByteArray allow = joinMethods(allowedMethods);
    r.setHeader("Allow", allow);
    const QByteArray origin = allowedOrigin(request);
    if (!origin.isEmpty() && request.hasHeader("access-control-request-method")) {
        r.setHeader("Access-Control-Allow-Origin", origin);
        r.setHeader("Access-Control-Allow-Methods", allow);
        const QByteArray requested = request.header("access-control-request-headers");
        r.setHeader("Access-Control-Allow-Headers", requested.isEmpty() ? m_allowHeaders : requested);
        r.setHeader("Access-Control-Max-Age", QByteArray::number(m_maxAgeSeconds));
        r.setHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    }
    return r;
}

} // namespace Kinora::Server::Http
