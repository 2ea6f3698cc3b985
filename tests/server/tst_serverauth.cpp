#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QJsonArray>
#include <QTest>
#include <QThread>

using namespace Kinora::Tests;

namespace {
constexpr auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
using Headers = QList<std::pair<QByteArray, QByteArray>>;

QJsonObject credentials(const QString &name, const QString &password)
{
    return QJsonObject{{QStringLiteral("username"), name}, {QStringLiteral("password"), password}};
}

QByteArray str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString().toUtf8();
}
}

// Accounts over HTTP against the real kinora-server binary.
class tst_ServerAuth : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ServerProcess> m_server;
    TestHttpClient m_http;

    TestHttpClient::Reply post(const QString &path, const QJsonObject &body, const QByteArray &bearer = {})
    {
        return m_http.postJson(m_server->url(path), body, bearer);
    }

    QJsonObject registerUser(const QString &name, const QString &password = QStringLiteral("password1"))
    {
        const auto reply = post(QStringLiteral("/api/v1/auth/register"), credentials(name, password));
        if (reply.status != 201)
            qWarning() << "register" << name << reply.status << reply.body;
        return reply.json();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_AUTH_ACCESS_TOKEN_TTL"), QStringLiteral("2"));
        m_server = std::make_unique<ServerProcess>(QStringList{}, env);
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_server->stop();
        QCOMPARE(m_server->exitCode(), 0);
    }

    void registerLoginMe()
    {
        const auto reg = post(QStringLiteral("/api/v1/auth/register"),
                              QJsonObject{{QStringLiteral("username"), QStringLiteral("Alice")},
                                          {QStringLiteral("password"), QStringLiteral("password1")},
                                          {QStringLiteral("displayName"), QStringLiteral("Alice A.")}});
        QCOMPARE(reg.status, 201);
        const QJsonObject user = reg.json().value(QStringLiteral("user")).toObject();
        QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("Alice"));
        QCOMPARE(user.value(QStringLiteral("displayName")).toString(), QStringLiteral("Alice A."));
        QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("creator"));
        QVERIFY(!user.value(QStringLiteral("id")).toString().isEmpty());
        QVERIFY(user.value(QStringLiteral("createdAt")).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(reg.json().value(QStringLiteral("expiresIn")).toInt(), 2);
        QCOMPARE(str(reg.json(), "accessToken").count('.'), 2);
        QCOMPARE(str(reg.json(), "refreshToken").size(), 43); // 32 bytes, base64url

        const auto login = post(QStringLiteral("/api/v1/auth/login"), credentials(QStringLiteral("alice"), QStringLiteral("password1")));
        QCOMPARE(login.status, 200);
        const auto me = m_http.get(m_server->url(QStringLiteral("/api/v1/users/me")), str(login.json(), "accessToken"));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("id")), user.value(QStringLiteral("id")));

        const auto wrong = post(QStringLiteral("/api/v1/auth/login"), credentials(QStringLiteral("alice"), QStringLiteral("password2")));
        QCOMPARE(wrong.status, 401);
        QCOMPARE(wrong.errorCode(), QByteArray("invalid_credentials"));
        const auto unknown = post(QStringLiteral("/api/v1/auth/login"), credentials(QStringLiteral("nobody"), QStringLiteral("password1")));
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.errorCode(), QByteArray("invalid_credentials"));
        const auto dup = post(QStringLiteral("/api/v1/auth/register"), credentials(QStringLiteral("ALICE"), QStringLiteral("password1")));
        QCOMPARE(dup.status, 409);
        QCOMPARE(dup.errorCode(), QByteArray("username_taken"));
    }

    void refreshRotatesAndReuseRevokesFamily()
    {
        const QJsonObject first = registerUser(QStringLiteral("bob"));
        const auto r1 = post(QStringLiteral("/api/v1/auth/refresh"), QJsonObject{{QStringLiteral("refreshToken"), first.value(QStringLiteral("refreshToken"))}});
        QCOMPARE(r1.status, 200);
        QVERIFY(str(r1.json(), "refreshToken") != str(first, "refreshToken"));
        QCOMPARE(r1.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("username")).toString(), QStringLiteral("bob"));
        // The old token no longer works...
        const auto old = post(QStringLiteral("/api/v1/auth/refresh"), QJsonObject{{QStringLiteral("refreshToken"), first.value(QStringLiteral("refreshToken"))}});
        QCOMPARE(old.status, 401);
        QCOMPARE(old.errorCode(), QByteArray("invalid_token"));
        // ...and its reuse revoked the family: the newest token is dead too.
        const auto newest = post(QStringLiteral("/api/v1/auth/refresh"), QJsonObject{{QStringLiteral("refreshToken"), r1.json().value(QStringLiteral("refreshToken"))}});
        QCOMPARE(newest.status, 401);
        QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/users/me")), str(r1.json(), "accessToken")).status, 401);
        QVERIFY(m_server->output().contains("refresh token reuse"));

        // Another session of the same user is untouched.
        const auto other = post(QStringLiteral("/api/v1/auth/login"), credentials(QStringLiteral("bob"), QStringLiteral("password1")));
        QCOMPARE(post(QStringLiteral("/api/v1/auth/refresh"), QJsonObject{{QStringLiteral("refreshToken"), other.json().value(QStringLiteral("refreshToken"))}}).status, 200);

        const auto garbage = post(QStringLiteral("/api/v1/auth/refresh"), QJsonObject{{QStringLiteral("refreshToken"), QStringLiteral("not-a-token")}});
        QCOMPARE(garbage.status, 401);
    }

    void logoutAndLogoutAll()
    {
        const QJsonObject a = registerUser(QStringLiteral("carol"));
        const auto b = post(QStringLiteral("/api/v1/auth/login"), credentials(QStringLiteral("carol"), QStringLiteral("password1"))).json();
        const auto c = post(QStringLiteral("/api/v1/auth/login"), credentials(QStringLiteral("carol"), QStringLiteral("password1"))).json();

        const auto out = post(QStringLiteral("/api/v1/auth/logout"), QJsonObject{{QStringLiteral("refreshToken"), a.value(QStringLiteral("refreshToken"))}});
        QCOMPARE(out.status, 204);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/refresh"), QJsonObject{{QStringLiteral("refreshToken"), a.value(QStringLiteral("refreshToken"))}}).status, 401);
        QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/users/me")), str(a, "accessToken")).status, 401);
        QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/users/me")), str(b, "accessToken")).status, 200);

        QCOMPARE(post(QStringLiteral("/api/v1/auth/logout-all"), {}, {}).status, 401);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/logout-all"), {}, str(b, "accessToken")).status, 204);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/refresh"), QJsonObject{{QStringLiteral("refreshToken"), b.value(QStringLiteral("refreshToken"))}}).status, 401);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/refresh"), QJsonObject{{QStringLiteral("refreshToken"), c.value(QStringLiteral("refreshToken"))}}).status, 401);
        QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/users/me")), str(c, "accessToken")).status, 401);
    }

    void changePassword()
    {
        const QJsonObject a = registerUser(QStringLiteral("dora"));
        const auto other = post(QStringLiteral("/api/v1/auth/login"), credentials(QStringLiteral("dora"), QStringLiteral("password1"))).json();
        const QString path = QStringLiteral("/api/v1/users/me/password");
        auto reply = post(path, QJsonObject{{QStringLiteral("currentPassword"), QStringLiteral("wrongpass")}, {QStringLiteral("newPassword"), QStringLiteral("password2")}}, str(a, "accessToken"));
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorCode(), QByteArray("wrong_password"));
        reply = post(path, QJsonObject{{QStringLiteral("currentPassword"), QStringLiteral("password1")}}, str(a, "accessToken"));
        QCOMPARE(reply.status, 422);
        QVERIFY(reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("newPassword")));
        reply = post(path, QJsonObject{{QStringLiteral("currentPassword"), QStringLiteral("password1")}, {QStringLiteral("newPassword"), QStringLiteral("password2")}}, str(a, "accessToken"));
        QCOMPARE(reply.status, 204);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/refresh"), QJsonObject{{QStringLiteral("refreshToken"), other.value(QStringLiteral("refreshToken"))}}).status, 401);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/refresh"), QJsonObject{{QStringLiteral("refreshToken"), a.value(QStringLiteral("refreshToken"))}}).status, 200);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/login"), credentials(QStringLiteral("dora"), QStringLiteral("password1"))).status, 401);
        QCOMPARE(post(QStringLiteral("/api/v1/auth/login"), credentials(QStringLiteral("dora"), QStringLiteral("password2"))).status, 200);
    }

    void forgedAndExpiredTokens()
    {
        const QJsonObject a = registerUser(QStringLiteral("eve"));
        const QByteArray token = str(a, "accessToken");
        const QUrl me = m_server->url(QStringLiteral("/api/v1/users/me"));
        QCOMPARE(m_http.get(me, token).status, 200);

        const QList<QByteArray> parts = token.split('.');
        QJsonObject payload = QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), b64)).object();
        payload.insert(QStringLiteral("role"), QStringLiteral("admin"));
        const QByteArray tamperedPayload = QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(b64);

        QByteArray badSignature = token;
        badSignature[badSignature.size() - 2] = badSignature.at(badSignature.size() - 2) == 'A' ? 'B' : 'A';
        const QByteArray tampered = parts.at(0) + '.' + tamperedPayload + '.' + parts.at(2);
        const QByteArray algNone = QByteArray(R"({"alg":"none","typ":"JWT"})").toBase64(b64) + '.' + tamperedPayload + '.';
        const QByteArray algNoneSigned = QByteArray(R"({"alg":"none","typ":"JWT"})").toBase64(b64) + '.' + parts.at(1) + '.' + parts.at(2);
        for (const QByteArray &forged : {badSignature, tampered, algNone, algNoneSigned, QByteArray("garbage"), QByteArray("a.b.c")}) {
            const auto reply = m_http.get(me, forged);
            QCOMPARE(reply.status, 401);
            QCOMPARE(reply.errorCode(), QByteArray("unauthorized"));
            QVERIFY(reply.header("WWW-Authenticate").startsWith("Bearer"));
        }
        const auto none = m_http.get(me);
        QCOMPARE(none.status, 401);
        QVERIFY(none.header("WWW-Authenticate").startsWith("Bearer"));

        // The server runs with a 2-second access-token lifetime.
        QThread::msleep(3100);
        QCOMPARE(m_http.get(me, token).status, 401);
        const auto refreshed = post(QStringLiteral("/api/v1/auth/refresh"), QJsonObject{{QStringLiteral("refreshToken"), a.value(QStringLiteral("refreshToken"))}});
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(m_http.get(me, str(refreshed.json(), "accessToken")).status, 200);
    }

    void rolesAndAdminRoutes()
    {
        const QJsonObject viewer = registerUser(QStringLiteral("victor"));
        const QUrl users = m_server->url(QStringLiteral("/api/v1/admin/users"));
        const auto forbidden = m_http.get(users, str(viewer, "accessToken"));
        QCOMPARE(forbidden.status, 403);
        QCOMPARE(forbidden.errorCode(), QByteArray("forbidden"));
        QCOMPARE(m_http.get(users).status, 401);

        QByteArray output;
        QCOMPARE(m_server->runCommand({QStringLiteral("admin"), QStringLiteral("create-user"), QStringLiteral("root"),
                                       QStringLiteral("--role"), QStringLiteral("admin")},
                                      "rootpassword\n", &output),
                 0);
        const auto admin = post(QStringLiteral("/api/v1/auth/login"), credentials(QStringLiteral("root"), QStringLiteral("rootpassword")));
        QCOMPARE(admin.status, 200);
        QCOMPARE(admin.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        const QByteArray adminToken = str(admin.json(), "accessToken");

        // Page through every user two at a time.
        QStringList names;
        QString cursor;
        for (int guard = 0; guard < 50; ++guard) {
            QUrl url = m_server->url(QStringLiteral("/api/v1/admin/users?limit=2") + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            const auto page = m_http.get(url, adminToken);
            QCOMPARE(page.status, 200);
            const QJsonArray items = page.json().value(QStringLiteral("items")).toArray();
            QVERIFY(items.size() <= 2);
            for (const QJsonValue &item : items)
                names << item.toObject().value(QStringLiteral("username")).toString();
            if (page.json().value(QStringLiteral("nextCursor")).isNull())
                break;
            cursor = page.json().value(QStringLiteral("nextCursor")).toString();
        }
        QVERIFY(names.contains(QStringLiteral("victor")));
        QVERIFY(names.contains(QStringLiteral("root")));
        QCOMPARE(names.size(), QSet<QString>(names.begin(), names.end()).size());
        QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/admin/users?limit=0")), adminToken).status, 422);

        const QString victorId = viewer.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        const QUrl patchUrl = m_server->url(QStringLiteral("/api/v1/admin/users/") + victorId);
        const Headers json{{"Content-Type", "application/json"}, {"Authorization", "Bearer " + adminToken}};
        auto patched = m_http.request("PATCH", patchUrl, R"({"role":"admin"})", json);
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        // The new role applies at once to the existing token.
        QCOMPARE(m_http.get(users, str(viewer, "accessToken")).status, 200);
        QCOMPARE(m_http.request("PATCH", patchUrl, R"({"role":"king"})", json).status, 422);
        QCOMPARE(m_http.request("PATCH", m_server->url(QStringLiteral("/api/v1/admin/users/999999")), R"({"role":"viewer"})", json).status, 404);
        const Headers viewerJson{{"Content-Type", "application/json"}, {"Authorization", "Bearer " + str(registerUser(QStringLiteral("walter")), "accessToken")}};
        QCOMPARE(m_http.request("PATCH", patchUrl, R"({"role":"viewer"})", viewerJson).status, 403);
    }

    void badRequests()
    {
        const QUrl login = m_server->url(QStringLiteral("/api/v1/auth/login"));
        const Headers json{{"Content-Type", "application/json"}};
        auto reply = m_http.request("POST", login, "{\"username\": ", json);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QByteArray("invalid_json"));
        reply = m_http.request("POST", login, "[1,2]", json);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.errorCode(), QByteArray("invalid_json"));
        reply = m_http.request("POST", login, R"({"username":"alice"})", json);
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.errorCode(), QByteArray("validation_failed"));
        QVERIFY(reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("password")));
        reply = m_http.request("POST", login, R"({"username":5,"password":"x"})", json);
        QCOMPARE(reply.status, 422);
        QVERIFY(reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("username")));
        reply = m_http.request("POST", login, R"({"username":"alice","password":"password1"})", {{"Content-Type", "text/plain"}});
        QCOMPARE(reply.status, 415);
        QCOMPARE(reply.errorCode(), QByteArray("unsupported_media_type"));
        reply = post(QStringLiteral("/api/v1/auth/register"), credentials(QStringLiteral("x y"), QStringLiteral("password1")));
        QCOMPARE(reply.status, 422);
        reply = post(QStringLiteral("/api/v1/auth/register"), credentials(QStringLiteral("shorty"), QStringLiteral("short")));
        QCOMPARE(reply.status, 422);
        QVERIFY(reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("password")));

        reply = m_http.get(m_server->url(QStringLiteral("/api/v1/no/such/route")));
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), QByteArray("not_found"));
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
        reply = m_http.request("DELETE", m_server->url(QStringLiteral("/api/v1/auth/login")));
        QCOMPARE(reply.status, 405);
        QCOMPARE(reply.errorCode(), QByteArray("method_not_allowed"));
        QVERIFY(reply.header("Allow").contains("POST"));
        reply = m_http.request("POST", login, QByteArray(200 * 1024, 'x'), json);
        QCOMPARE(reply.status, 413);
    }
};

QTEST_GUILESS_MAIN(tst_ServerAuth)
#include "tst_serverauth.moc"
