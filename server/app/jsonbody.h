#pragma once

#include "server/http/httprequest.h"
#include "server/http/httpresponse.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Kinora::Server {

// Reads a JSON request body for a route: 415 unsupported_media_type unless
// Content-Type is application/json, 400 invalid_json unless the body is a JSON
// object, 422 validation_failed naming the field that is missing or mistyped.
class JsonBody
{
    Q_DECLARE_TR_FUNCTIONS(JsonBody)

public:
    // Empty optional: *error holds the response to send.
    static std::optional<JsonBody> parse(const Http::HttpRequest &request, Http::HttpResponse *error);

    // A string field; required fields that are missing give 422.
    bool string(const QString &field, QString *value, Http::HttpResponse *error, bool required = true) const;

    const QJsonObject &object() const { return m_object; }

private:
    explicit JsonBody(QJsonObject object) : m_object(std::move(object)) {}
    QJsonObject m_object;
};

} // namespace Kinora::Server
