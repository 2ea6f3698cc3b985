#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <memory>
#include <optional>
#include <utility>

namespace Kinora::Server::Http {

class BodySink;

// One parsed HTTP request as a route handler sees it. Header names are
// lower-cased; the body is either in memory or in a file, as the route asked.
class HttpRequest
{
public:
    QByteArray method;  // upper-case token as sent ("GET")
    QByteArray target;  // raw request-target ("/api/v1/x?y=1")
    QString path;       // percent-decoded path without the query
    QUrlQuery query;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QHash<QString, QString> pathParams;  // values of {name} segments in the route pattern
    QByteArray body;                     // BodyMode::Memory
    QString bodyFilePath;                // BodyMode::File: a temporary file the handler may move away
    qint64 bodySize = 0;
    std::shared_ptr<BodySink> bodySink; // the route's sink that took the body, if any
    QHostAddress peer;
    QString routePattern;  // the pattern that matched, for metrics and logs

    // Request-scoped values set by earlier stages (for example the authenticated user id).
    QHash<QByteArray, QVariant> attributes;

    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    QByteArray bearerToken() const;  // token of "Authorization: Bearer <token>", or empty

    // The body as a JSON object; on failure returns nullopt and a readable reason.
    std::optional<QJsonObject> jsonObject(QString *error) const;
};

} // namespace Kinora::Server::Http
