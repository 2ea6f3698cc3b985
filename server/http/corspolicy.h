#pragma once

#include "server/http/httprequest.h"
#include "server/http/httpresponse.h"
#include "server/http/httpserversettings.h"

#include <QByteArray>
#include <QList>

namespace Kinora::Server::Http {

// Cross-origin rules from the server settings: which origins may read
// responses, the preflight answer to OPTIONS, and the headers added to
// ordinary responses. With no allowed origins, no CORS header is ever sent.
class CorsPolicy
{
public:
    explicit CorsPolicy(const HttpServerSettings &settings);

    bool enabled() const { return !m_origins.isEmpty(); }
    bool isPreflight(const HttpRequest &request) const;
    // The Access-Control-Allow-Origin value for this request, or empty when not allowed.
    QByteArray allowedOrigin(const HttpRequest &request) const;
    void decorate(const HttpRequest &request, HttpResponse &response) const;
    // 204 with Allow, plus the preflight headers when the origin is allowed.
    HttpResponse optionsResponse(const HttpRequest &request, const QList<QByteArray> &allowedMethods) const;

    static QByteArray joinMethods(const QList<QByteArray> &methods);

private:
    QStringList m_origins;
    QByteArray m_allowHeaders;
    QByteArray m_exposeHeaders;
    int m_maxAgeSeconds;
};

} // namespace Kinora::Server::Http
