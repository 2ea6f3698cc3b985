#include "server/http/httpresponse.h"

#include <QJsonDocument>

namespace Kinora::Server::Http {

namespace {

bool sameName(const QByteArray &a, QByteArrayView b)
{
    return a.size() == b.size() && QByteArrayView(a).compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    bool replaced = false;
    for (auto it = headers.begin(); it != headers.end();) {
        if (sameName(it->first, name)) {
            if (!replaced) {
                it->second = value;
                replaced = true;
                ++it;
            } else {
                it = headers.erase(it);
            }
        } else {
            ++it;
        }
    }
    if (!replaced)
        headers.append({name, value});
}

void HttpResponse::addHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (sameName(h.first, name))
            return h.second;
    }
    return {};
}

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    return bytes(QJsonDocument(object).toJson(QJsonDocument::Compact), "application/json", status);
}

HttpResponse HttpResponse::json(const QJsonArray &array, int status)
{
    return bytes(QJsonDocument(array).toJson(QJsonDocument::Compact), "application/json", status);
}

HttpResponse HttpResponse::error(int status, const QByteArray &code, const QString &message)
{
    QJsonObject inner;
    inner.insert(QStringLiteral("code"), QString::fromLatin1(code));
    inner.insert(QStringLiteral("message"), message);
    QJsonObject outer;
    outer.insert(QStringLiteral("error"), inner);
    return json(outer, status);
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse r;
    r.status = 204;
    return r;
}

HttpResponse HttpResponse::bytes(const QByteArray &data, const QByteArray &contentType, int status)
{
    HttpResponse r;
    r.status = status;
    r.body = data;
    if (!contentType.isEmpty())
        r.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    return r;
}

} // namespace Kinora::Server::Http
