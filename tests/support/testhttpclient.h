#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QUrl>

#include <utility>

namespace Kinora::Tests {

// Synchronous HTTP client for tests: runs a local event loop until the reply
// finishes (or times out) and returns everything a test asserts on.
class TestHttpClient
{
public:
    struct Reply
    {
        int status = 0;                // 0: no HTTP response (connection error, timeout)
        QByteArray body;
        QList<std::pair<QByteArray, QByteArray>> headers;
        QString networkError;
        QByteArray header(const QByteArray &name) const;
        QJsonObject json() const;
        QByteArray errorCode() const;  // body's error.code
    };

    Reply request(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                  const QList<std::pair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 30000);
    Reply get(const QUrl &url, const QByteArray &bearer = {});
    Reply postJson(const QUrl &url, const QJsonObject &body, const QByteArray &bearer = {});

private:
    QNetworkAccessManager m_nam;
};

} // namespace Kinora::Tests
