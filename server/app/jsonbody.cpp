#include "server/app/jsonbody.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace Kinora::Server {

std::optional<JsonBody> JsonBody::parse(const Http::HttpRequest &request, Http::HttpResponse *error)
{
    const QByteArray contentType = request.header("content-type");
    const QByteArray mediaType = contentType.split(';').constFirst().trimmed().toLower();
    if (mediaType != "application/json") {
        *error = Http::HttpResponse::error(415, QByteArrayLiteral("unsupported_media_type"),
                                           tr("the body must be JSON (Content-Type: application/json)"));
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = Http::HttpResponse::error(400, QByteArrayLiteral("invalid_json"),
                                           tr("the body is not valid JSON: %1 at offset %2")
                                               .arg(parseError.errorString())
                                               .arg(parseError.offset));
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = Http::HttpResponse::error(400, QByteArrayLiteral("invalid_json"), tr("the body must be a JSON object"));
        return std::nullopt;
    }
    return JsonBody(document.object());
}

bool JsonBody::string(const QString &field, QString *value, Http::HttpResponse *error, bool required) const
{
    const QJsonValue v = m_object.value(field);
    if (v.isUndefined() || v.isNull()) {
        if (!required) {
            value->clear();
            return true;
        }
        *error = Http::HttpResponse::error(422, QByteArrayLiteral("validation_failed"), tr("%1 is required").arg(field));
        return false;
    }
    if (!v.isString()) {
        *error = Http::HttpResponse::error(422, QByteArrayLiteral("validation_failed"), tr("%1 must be a string").arg(field));
        return false;
    }
    *value = v.toString();
    return true;
}

} // namespace Kinora::Server
