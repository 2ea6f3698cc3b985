#include "tests/support/testhttpclient.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace Kinora::Tests {

QByteArray TestHttpClient::Reply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QJsonObject TestHttpClient::Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray TestHttpClient::Reply::errorCode() const
{
    return json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString().toUtf8();
}

TestHttpClient::Reply TestHttpClient::request(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                              const QList<std::pair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);

    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    Reply result;
    if (!reply->isFinished()) {
        reply->abort();
        result.networkError = QStringLiteral("timed out after %1 ms").arg(timeoutMs);
        delete reply;
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    if (result.status == 0)
        result.networkError = reply->errorString();
    delete reply;
    return result;
}

TestHttpClient::Reply TestHttpClient::get(const QUrl &url, const QByteArray &bearer)
{
    QList<std::pair<QByteArray, QByteArray>> headers;
    if (!bearer.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + bearer});
    return request(QByteArrayLiteral("GET"), url, {}, headers);
}

TestHttpClient::Reply TestHttpClient::postJson(const QUrl &url, const QJsonObject &body, const QByteArray &bearer)
{
    QList<std::pair<QByteArray, QByteArray>> headers{{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    if (!bearer.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + bearer});
    return request(QByteArrayLiteral("POST"), url, QJsonDocument(body).toJson(QJsonDocument::Compact), headers);
}

} // namespace Kinora::Tests
