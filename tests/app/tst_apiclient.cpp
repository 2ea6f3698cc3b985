// ApiClient and AuthService against the real kinora-server: registration,
// sign-in, silent refresh of an expired access token, error mapping, the
// credential store, and what happens without a server.
#include "core/net/apiclient.h"
#include "core/net/apireply.h"
#include "core/net/authservice.h"
#include "core/net/memorycredentialstore.h"
#include "tests/support/serverprocess.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace Kinora;

namespace {

struct Outcome
{
    bool finished = false;
    int status = 0;
    QJsonObject json;
    Core::ApiError error;
};

// Replies delete themselves once finished: watch them as soon as they exist.
std::shared_ptr<Outcome> watch(Core::ApiReply *reply)
{
    auto outcome = std::make_shared<Outcome>();
    QObject::connect(reply, &Core::ApiReply::finished, reply, [reply, outcome] {
        outcome->finished = true;
        outcome->status = reply->httpStatus();
        outcome->json = reply->json();
        outcome->error = reply->error();
    });
    return outcome;
}

Outcome waitFor(const std::shared_ptr<Outcome> &outcome, int timeoutMs = 20000)
{
    if (!QTest::qWaitFor([outcome] { return outcome->finished; }, timeoutMs))
        qWarning("no answer within %d ms", timeoutMs);
    return *outcome;
}

Outcome await(Core::ApiReply *reply, int timeoutMs = 20000)
{
    return waitFor(watch(reply), timeoutMs);
}

QJsonObject credentials(const QString &username, const QString &password)
{
    return QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void registerAndReadProfile();
    void signInWithPassword();
    void wrongPasswordIsInvalidCredentials();
    void silentRefreshAfterAccessTokenExpires();
    void refusedRefreshExpiresSession();
    void authServiceKeepsRotatedTokenInStore();
    void authServiceRestoresStoredSession();
    void unavailableStoreIsReportedOnce();
    void unreachableServerIsNetworkError();
    void silentServerTimesOut();

private:
    std::unique_ptr<Tests::ServerProcess> m_server;
    const QString m_password = QStringLiteral("correct horse battery staple");
};

void TestApiClient::initTestCase()
{
    QProcessEnvironment env;
    // Two-second access tokens, so that the refresh path runs within the test.
    env.insert(QStringLiteral("KINORA_AUTH_ACCESS_TOKEN_TTL"), QStringLiteral("2"));
    m_server = std::make_unique<Tests::ServerProcess>(QStringList(), env);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestApiClient::registerAndReadProfile()
{
    Core::ApiClient client;
    client.setBaseUrl(m_server->baseUrl());
    QJsonObject body = credentials(QStringLiteral("ada"), m_password);
    body.insert(QStringLiteral("displayName"), QStringLiteral("Ada Lovelace"));
    const Outcome registered = await(client.post(QStringLiteral("/api/v1/auth/register"), body));
    QVERIFY(registered.finished);
    QCOMPARE(registered.status, 201);
    QVERIFY(!registered.json.value(QLatin1String("accessToken")).toString().isEmpty());
    QVERIFY(!registered.json.value(QLatin1String("refreshToken")).toString().isEmpty());
    QCOMPARE(registered.json.value(QLatin1String("user")).toObject().value(QLatin1String("username")).toString(),
             QStringLiteral("ada"));

    client.setTokens(registered.json.value(QLatin1String("accessToken")).toString(),
                     registered.json.value(QLatin1String("refreshToken")).toString());
    const Outcome me = await(client.get(QStringLiteral("/api/v1/users/me"), Core::ApiClient::Auth::Bearer));
    QCOMPARE(me.status, 200);
    const Core::UserInfo user = Core::UserInfo::fromJson(me.json.value(QLatin1String("user")).toObject());
    QCOMPARE(user.username, QStringLiteral("ada"));
    QCOMPARE(user.displayName, QStringLiteral("Ada Lovelace"));
    QVERIFY(!user.role.isEmpty());

    // The same name again is a conflict, reported with the API's code.
    const Outcome again = await(client.post(QStringLiteral("/api/v1/auth/register"), body));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.error.code, QStringLiteral("username_taken"));
    QVERIFY(!again.error.isNetworkError());

    // Without a token the profile is refused.
    Core::ApiClient anonymous;
    anonymous.setBaseUrl(m_server->baseUrl());
    const Outcome refused = await(anonymous.get(QStringLiteral("/api/v1/users/me"), Core::ApiClient::Auth::Bearer));
    QCOMPARE(refused.status, 401);
}

void TestApiClient::signInWithPassword()
{
    Core::ApiClient client;
    client.setBaseUrl(m_server->baseUrl());
    const Outcome login = await(client.post(QStringLiteral("/api/v1/auth/login"), credentials(QStringLiteral("ada"), m_password)));
    QCOMPARE(login.status, 200);
    QVERIFY(!login.json.value(QLatin1String("accessToken")).toString().isEmpty());
    QVERIFY(login.json.value(QLatin1String("expiresIn")).toInt() > 0);
}

void TestApiClient::wrongPasswordIsInvalidCredentials()
{
    Core::ApiClient client;
    client.setBaseUrl(m_server->baseUrl());
    const Outcome login = await(client.post(QStringLiteral("/api/v1/auth/login"),
                                            credentials(QStringLiteral("ada"), QStringLiteral("not the password"))));
    QCOMPARE(login.status, 401);
    QCOMPARE(login.error.httpStatus, 401);
    QCOMPARE(login.error.code, QStringLiteral("invalid_credentials"));
    QVERIFY(!login.error.message.isEmpty());
}

void TestApiClient::silentRefreshAfterAccessTokenExpires()
{
    Core::ApiClient client;
    client.setBaseUrl(m_server->baseUrl());
    const Outcome login = await(client.post(QStringLiteral("/api/v1/auth/login"), credentials(QStringLiteral("ada"), m_password)));
    QCOMPARE(login.status, 200);
    const QString firstAccess = login.json.value(QLatin1String("accessToken")).toString();
    const QString firstRefresh = login.json.value(QLatin1String("refreshToken")).toString();
    client.setTokens(firstAccess, firstRefresh);
    QSignalSpy refreshed(&client, &Core::ApiClient::tokensRefreshed);
    QSignalSpy expired(&client, &Core::ApiClient::sessionExpired);

    // Still valid: no refresh.
    QCOMPARE(await(client.get(QStringLiteral("/api/v1/users/me"), Core::ApiClient::Auth::Bearer)).status, 200);
    QCOMPARE(refreshed.count(), 0);

    QTest::qWait(3500);   // past the two-second lifetime
    // Two requests at once share a single refresh.
    const auto first = watch(client.get(QStringLiteral("/api/v1/users/me"), Core::ApiClient::Auth::Bearer));
    const auto second = watch(client.get(QStringLiteral("/api/v1/users/me"), Core::ApiClient::Auth::Bearer));
    QCOMPARE(waitFor(first).status, 200);
    const Outcome secondOutcome = waitFor(second);
    QCOMPARE(secondOutcome.status, 200);
    QCOMPARE(secondOutcome.json.value(QLatin1String("user")).toObject().value(QLatin1String("username")).toString(),
             QStringLiteral("ada"));
    QCOMPARE(refreshed.count(), 1);
    QCOMPARE(expired.count(), 0);
    QVERIFY(client.accessToken() != firstAccess);
    QVERIFY(!client.refreshToken().isEmpty());
    QVERIFY(client.refreshToken() != firstRefresh);   // rotated

    // The spent refresh token is refused by the server.
    Core::ApiClient other;
    other.setBaseUrl(m_server->baseUrl());
    const Outcome reuse = await(other.post(QStringLiteral("/api/v1/auth/refresh"),
                                           QJsonObject{{QStringLiteral("refreshToken"), firstRefresh}}));
    QCOMPARE(reuse.status, 401);
}

void TestApiClient::refusedRefreshExpiresSession()
{
    Core::ApiClient client;
    client.setBaseUrl(m_server->baseUrl());
    client.setTokens(QStringLiteral("not-a-token"), QStringLiteral("not-a-refresh-token"));
    QSignalSpy expired(&client, &Core::ApiClient::sessionExpired);
    const Outcome me = await(client.get(QStringLiteral("/api/v1/users/me"), Core::ApiClient::Auth::Bearer));
    QCOMPARE(me.status, 401);
    QCOMPARE(me.error.code, QStringLiteral("invalid_token"));
    QCOMPARE(expired.count(), 1);
    QVERIFY(client.accessToken().isEmpty());
    QVERIFY(client.refreshToken().isEmpty());
}

void TestApiClient::authServiceKeepsRotatedTokenInStore()
{
    Core::ApiClient client;
    client.setBaseUrl(m_server->baseUrl());
    Core::MemoryCredentialStore store;
    Core::AuthService auth(&client, &store);
    QSignalSpy signedIn(&auth, &Core::AuthService::signedIn);
    QSignalSpy failed(&auth, &Core::AuthService::signInFailed);

    auth.signIn(QStringLiteral("ada"), QStringLiteral("wrong"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(failed.at(0).at(0).value<Core::ApiError>().code, QStringLiteral("invalid_credentials"));
    QVERIFY(!auth.isSignedIn());

    auth.signIn(QStringLiteral("ada"), m_password);
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 20000);
    QCOMPARE(auth.user().username, QStringLiteral("ada"));
    const QString key = Core::AuthService::credentialKey(m_server->baseUrl(), QStringLiteral("ada"));
    QTRY_COMPARE(store.secret(key), client.refreshToken());
    const QString stored = store.secret(key);
    QVERIFY(!stored.isEmpty());

    QTest::qWait(3500);
    QCOMPARE(await(client.get(QStringLiteral("/api/v1/users/me"), Core::ApiClient::Auth::Bearer)).status, 200);
    // The rotated token replaced the spent one in the store.
    QTRY_VERIFY(store.secret(key) != stored);
    QCOMPARE(store.secret(key), client.refreshToken());
}

void TestApiClient::authServiceRestoresStoredSession()
{
    Core::MemoryCredentialStore store;
    {
        Core::ApiClient client;
        client.setBaseUrl(m_server->baseUrl());
        Core::AuthService auth(&client, &store);
        QSignalSpy signedIn(&auth, &Core::AuthService::signedIn);
        auth.signIn(QStringLiteral("ada"), m_password);
        QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 20000);
        QTRY_COMPARE(store.writeCount(), 1);
    }
    // A new run: nothing in memory, only the store.
    Core::ApiClient client;
    client.setBaseUrl(m_server->baseUrl());
    Core::AuthService auth(&client, &store);
    QSignalSpy restored(&auth, &Core::AuthService::restoreFinished);
    auth.restoreSession(QStringLiteral("ada"));
    QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 20000);
    QCOMPARE(restored.at(0).at(0).toBool(), true);
    QVERIFY(auth.isSignedIn());
    QCOMPARE(auth.user().username, QStringLiteral("ada"));
    QCOMPARE(await(client.get(QStringLiteral("/api/v1/users/me"), Core::ApiClient::Auth::Bearer)).status, 200);

    // Signing out revokes the token on the server and removes it from the store.
    const QString key = Core::AuthService::credentialKey(m_server->baseUrl(), QStringLiteral("ada"));
    const QString refreshToken = client.refreshToken();
    QSignalSpy signedOut(&auth, &Core::AuthService::signedOut);
    auth.signOut();
    QCOMPARE(signedOut.count(), 1);
    QTRY_VERIFY(!store.contains(key));
    Core::ApiClient other;
    other.setBaseUrl(m_server->baseUrl());
    QTRY_COMPARE_WITH_TIMEOUT(await(other.post(QStringLiteral("/api/v1/auth/refresh"),
                                               QJsonObject{{QStringLiteral("refreshToken"), refreshToken}}))
                                  .status,
                              401, 10000);

    // Nothing stored any more: restoring does not sign in.
    QSignalSpy restoredAgain(&auth, &Core::AuthService::restoreFinished);
    auth.restoreSession(QStringLiteral("ada"));
    QTRY_COMPARE(restoredAgain.count(), 1);
    QCOMPARE(restoredAgain.at(0).at(0).toBool(), false);
    QVERIFY(!auth.isSignedIn());
}

void TestApiClient::unavailableStoreIsReportedOnce()
{
    Core::ApiClient client;
    client.setBaseUrl(m_server->baseUrl());
    Core::MemoryCredentialStore store;
    store.setAvailable(false);
    Core::AuthService auth(&client, &store);
    QSignalSpy unavailable(&auth, &Core::AuthService::credentialStorageUnavailable);
    QSignalSpy signedIn(&auth, &Core::AuthService::signedIn);
    auth.signIn(QStringLiteral("ada"), m_password);
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 1, 20000);
    QTRY_COMPARE(unavailable.count(), 1);
    QVERIFY(!auth.isPersistent());
    // The session still works in memory.
    QCOMPARE(await(client.get(QStringLiteral("/api/v1/users/me"), Core::ApiClient::Auth::Bearer)).status, 200);
    auth.signOut();
    auth.signIn(QStringLiteral("ada"), m_password);
    QTRY_COMPARE_WITH_TIMEOUT(signedIn.count(), 2, 20000);
    QTest::qWait(100);
    QCOMPARE(unavailable.count(), 1);
    QVERIFY(store.keys().isEmpty());
}

void TestApiClient::unreachableServerIsNetworkError()
{
    // A port that was free a moment ago: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    Core::ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    const Outcome health = await(client.get(QStringLiteral("/api/v1/health")));
    QVERIFY(health.finished);
    QCOMPARE(health.status, 0);
    QVERIFY(health.error.isNetworkError());
    QCOMPARE(health.error.code, QStringLiteral("network_error"));
    QVERIFY(health.error.message.contains(QString::number(port)));
}

void TestApiClient::silentServerTimesOut()
{
    // Accepts connections and never answers.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QList<QTcpSocket *> sockets;
    connect(&silent, &QTcpServer::newConnection, &silent, [&] {
        while (QTcpSocket *socket = silent.nextPendingConnection())
            sockets.append(socket);
    });

    Core::ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
    client.setTimeoutMs(500);
    QElapsedTimer timer;
    timer.start();
    const Outcome health = await(client.get(QStringLiteral("/api/v1/health")), 10000);
    QVERIFY(health.finished);
    QVERIFY(timer.elapsed() < 5000);
    QVERIFY(health.error.isNetworkError());
    QCOMPARE(health.error.code, QStringLiteral("timeout"));
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
