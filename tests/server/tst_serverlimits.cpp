#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

using namespace Kinora::Tests;

namespace {
QJsonObject credentials(const QString &name, const QString &password)
{
    return QJsonObject{{QStringLiteral("username"), name}, {QStringLiteral("password"), password}};
}
}

// Lockout, rate limits and racing registrations against the real binary.
class tst_ServerLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lockoutAfterFailedLogins()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_AUTH_LOCKOUT_SECONDS"), QStringLiteral("120"));
        ServerProcess server({}, env);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        TestHttpClient http;
        const QUrl login = server.url(QStringLiteral("/api/v1/auth/login"));
        QCOMPARE(http.postJson(server.url(QStringLiteral("/api/v1/auth/register")), credentials(QStringLiteral("mallory"), QStringLiteral("password1"))).status, 201);
        for (int i = 0; i < 5; ++i) {
            const auto reply = http.postJson(login, credentials(QStringLiteral("mallory"), QStringLiteral("guess%1xx").arg(i)));
            QCOMPARE(reply.status, 401);
            QCOMPARE(reply.errorCode(), QByteArray("invalid_credentials"));
        }
        // Locked: even the right password is refused, with a Retry-After.
        const auto locked = http.postJson(login, credentials(QStringLiteral("mallory"), QStringLiteral("password1")));
        QCOMPARE(locked.status, 429);
        QCOMPARE(locked.errorCode(), QByteArray("account_locked"));
        const int retryAfter = locked.header("Retry-After").toInt();
        QVERIFY2(retryAfter > 100 && retryAfter <= 120, locked.header("Retry-After").constData());
        QVERIFY(server.output().contains("locked after"));
        // Other accounts are not affected.
        QCOMPARE(http.postJson(server.url(QStringLiteral("/api/v1/auth/register")), credentials(QStringLiteral("trent"), QStringLiteral("password1"))).status, 201);
        QCOMPARE(http.postJson(login, credentials(QStringLiteral("trent"), QStringLiteral("password1"))).status, 200);
        server.stop();
    }

    void rateLimitOnAuthRoutes()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_AUTH_RATE_IP_BURST"), QStringLiteral("5"));
        env.insert(QStringLiteral("KINORA_AUTH_RATE_IP_PER_MINUTE"), QStringLiteral("6"));
        ServerProcess server({}, env);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        TestHttpClient http;
        const QUrl login = server.url(QStringLiteral("/api/v1/auth/login"));
        int limitedAt = -1;
        TestHttpClient::Reply limited;
        for (int i = 0; i < 8 && limitedAt < 0; ++i) {
            const auto reply = http.postJson(login, credentials(QStringLiteral("nobody%1").arg(i), QStringLiteral("password1")));
            if (reply.status == 429) {
                limitedAt = i;
                limited = reply;
            } else {
                QCOMPARE(reply.status, 401);
            }
        }
        QCOMPARE(limitedAt, 5);
        QCOMPARE(limited.errorCode(), QByteArray("rate_limited"));
        const int retryAfter = limited.header("Retry-After").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 10, limited.header("Retry-After").constData());
        // Without auth.trustForwardedFor a forged X-Forwarded-For does not escape the limit.
        const auto forged = http.request("POST", login, R"({"username":"x1x","password":"password1"})",
                                         {{"Content-Type", "application/json"}, {"X-Forwarded-For", "10.9.9.9"}});
        QCOMPARE(forged.status, 429);
        // Health is not an auth route and stays reachable.
        QCOMPARE(http.get(server.url(QStringLiteral("/api/v1/health"))).status, 200);
        server.stop();
    }

    void rateLimitPerForwardedClientBehindProxy()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_AUTH_RATE_IP_BURST"), QStringLiteral("2"));
        env.insert(QStringLiteral("KINORA_AUTH_RATE_IP_PER_MINUTE"), QStringLiteral("1"));
        env.insert(QStringLiteral("KINORA_AUTH_TRUST_FORWARDED_FOR"), QStringLiteral("true"));
        ServerProcess server({}, env);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        TestHttpClient http;
        const QUrl login = server.url(QStringLiteral("/api/v1/auth/login"));
        auto attempt = [&](const QByteArray &forwardedFor) {
            return http.request("POST", login, R"({"username":"nobody","password":"password1"})",
                                {{"Content-Type", "application/json"}, {"X-Forwarded-For", forwardedFor}}).status;
        };
        QCOMPARE(attempt("203.0.113.7, 10.0.0.1"), 401);
        QCOMPARE(attempt("198.51.100.1, 10.0.0.1"), 401); // the proxy's own entry (last) is the client
        QCOMPARE(attempt("10.0.0.1"), 429);
        QCOMPARE(attempt("10.0.0.2"), 401);
        QCOMPARE(attempt("10.0.0.2"), 401);
        QCOMPARE(attempt("10.0.0.2"), 429);
        server.stop();
    }

    void concurrentRegistrationsOfOneName()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QUrl url = server.url(QStringLiteral("/api/v1/auth/register"));
        const QByteArray body = QJsonDocument(credentials(QStringLiteral("racer"), QStringLiteral("password1"))).toJson(QJsonDocument::Compact);

        // 20 managers: one connection each, so all 20 requests are in flight together.
        constexpr int kCount = 20;
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        std::vector<QNetworkReply *> replies;
        QEventLoop loop;
        int finished = 0;
        for (int i = 0; i < kCount; ++i) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            QNetworkReply *reply = managers.back()->post(request, body);
            connect(reply, &QNetworkReply::finished, &loop, [&] {
                if (++finished == kCount)
                    loop.quit();
            });
            replies.push_back(reply);
        }
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(finished, kCount);
        int created = 0;
        int conflicts = 0;
        for (QNetworkReply *reply : replies) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 201)
                ++created;
            else if (status == 409 && QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString() == QLatin1String("username_taken"))
                ++conflicts;
            else
                qWarning() << "unexpected status" << status;
            reply->deleteLater();
        }
        QCOMPARE(created, 1);
        QCOMPARE(conflicts, kCount - 1);

        QByteArray output;
        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("list-users")}, {}, &output), 0);
        QCOMPARE(output.count("racer"), 1);
        server.stop();
        QCOMPARE(server.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_ServerLimits)
#include "tst_serverlimits.moc"
