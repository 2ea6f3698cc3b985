#include "server/http/httprequest.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

namespace Kinora::Server::Http {

namespace {

bool sameHeaderName(const QByteArray &stored, QByteArrayView name)
{
    // Stored names are lower-case; the caller may ask in any case.
    return stored.size() == name.size() && QByteArrayView(stored).compare(name, Qt::CaseInsensitive) == 0;
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (sameHeaderName(h.first, name))
            return h.second;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (sameHeaderName(h.first, name))
            return true;
    }
    return false;
}

QByteArray HttpRequest::bearerToken() const
{
    const QByteArray value = header("authorization").trimmed();
    static constexpr QByteArrayView scheme("bearer ");
    if (value.size() <= scheme.size() || QByteArrayView(value).first(scheme.size()).compare(scheme, Qt::CaseInsensitive) != 0)
        return {};
    return value.mid(scheme.size()).trimmed();
}

std::optional<QJsonObject> HttpRequest::jsonObject(QString *error) const
{
    QByteArray data = body;
    if (data.isEmpty() && !bodyFilePath.isEmpty()) {
        QFile file(bodyFilePath);
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QCoreApplication::translate("Kinora::Server::Http::HttpRequest", "The request body could not be read.");
            return std::nullopt;
        }
        data = file.readAll();
    }
    if (data.trimmed().isEmpty()) {
        if (error)
            *error = QCoreApplication::translate("Kinora::Server::Http::HttpRequest", "The request body is empty; a JSON object was expected.");
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = QCoreApplication::translate("Kinora::Server::Http::HttpRequest", "The request body is not valid JSON: %1 at offset %2.")
                         .arg(parseError.errorString())
                         .arg(parseError.offset);
        return std::nullopt;
    }
    if (!doc.isObject()) {
        if (error)
            *error = QCoreApplication::translate("Kinora::Server::Http::HttpRequest", "The request body must be a JSON object.");
        return std::nullopt;
    }
    return doc.object();
}

} // namespace Kinora::Server::Http
