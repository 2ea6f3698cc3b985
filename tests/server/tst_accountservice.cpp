#include "server/accounts/accesstokencodec.h"
#include "server/accounts/accountservice.h"
#include "server/accounts/ratelimiter.h"
#include "server/storage/database.h"
#include "server/storage/migrationrunner.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace Kinora::Server;
using namespace Kinora::Server::Accounts;

namespace {
constexpr auto b64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
const QByteArray kSecret(32, 'k');
}

class tst_AccountService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage::Database> m_db;
    std::atomic<qint64> m_now{1'800'000'000'000};

    std::unique_ptr<AccountService> makeService(AccountSettings settings = fastSettings())
    {
        return std::make_unique<AccountService>(*m_db, settings, kSecret, [this] { return m_now.load(); });
    }

    static AccountSettings fastSettings()
    {
        AccountSettings settings;
        settings.kdfOpsLimit = 1;
        settings.kdfMemLimitKiB = 64;
        settings.rateIpBurst = 1000;
        settings.rateAccountBurst = 1000;
        return settings;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        Storage::DatabaseSettings settings;
        settings.sqlitePath = m_dir->filePath(QStringLiteral("accounts.sqlite"));
        m_db = std::make_unique<Storage::Database>(settings);
        Storage::MigrationRunner runner(*m_db);
        QString error;
        QVERIFY2(runner.run(&error) >= 1, qPrintable(error));
    }

    void cleanup()
    {
        m_db.reset();
        m_dir.reset();
    }

    void storedHashIsArgon2idWithConfiguredCost()
    {
        AccountSettings settings = fastSettings();
        settings.kdfOpsLimit = 2;
        settings.kdfMemLimitKiB = 8 * 1024;
        auto service = makeService(settings);
        const auto created = service->createUser(QStringLiteral("hasher"), QStringLiteral("correct horse"), {}, Role::Viewer);
        QVERIFY(created);
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT password_hash FROM users WHERE username = 'hasher'")) && query.next());
        const QString hash = query.value(0).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^\\$argon2id\\$v=19\\$m=8192,t=2,p=1\\$")).match(hash).hasMatch(), qPrintable(hash));
        QVERIFY(!hash.contains(QStringLiteral("correct horse")));
        QVERIFY(service->passwordHasher().verify(hash.toUtf8(), QStringLiteral("correct horse")));
        QVERIFY(!service->passwordHasher().verify(hash.toUtf8(), QStringLiteral("correct horsf")));
        QVERIFY(service->login(QStringLiteral("HASHER"), QStringLiteral("correct horse"), {}));
    }

    void defaultCostTakesMeasurableTime()
    {
        // The default cost is meant to take about 0.3-0.5 s; it must not be trivial.
        const AccountSettings defaults;
        PasswordHasher hasher(defaults.kdfOpsLimit, defaults.kdfMemLimitKiB);
        QElapsedTimer timer;
        timer.start();
        const QByteArray hash = hasher.hash(QStringLiteral("some password"));
        const qint64 ms = timer.elapsed();
        QVERIFY(hash.startsWith("$argon2id$v=19$m=131072,t=3,p=1$"));
        QVERIFY2(ms >= 100, qPrintable(QString::number(ms)));
        qInfo("default Argon2id cost: %lld ms", ms);
    }

    void registrationValidation()
    {
        auto service = makeService();
        QCOMPARE(service->registerUser(QStringLiteral("ab"), QStringLiteral("password1"), {}, {}).error().status, 422);
        QCOMPARE(service->registerUser(QStringLiteral("bad name"), QStringLiteral("password1"), {}, {}).error().code, QByteArray("validation_failed"));
        QCOMPARE(service->registerUser(QString(33, QLatin1Char('a')), QStringLiteral("password1"), {}, {}).error().status, 422);
        QCOMPARE(service->registerUser(QStringLiteral("carol"), QStringLiteral("short"), {}, {}).error().status, 422);
        QCOMPARE(service->registerUser(QStringLiteral("carol"), QString(1025, QLatin1Char('x')), {}, {}).error().status, 422);
        const auto ok = service->registerUser(QStringLiteral("Carol.B-1_"), QStringLiteral("password1"), QStringLiteral("Carol B"), {});
        QVERIFY(ok);
        QCOMPARE(ok->user.role, Role::Creator);
        QCOMPARE(ok->user.displayName, QStringLiteral("Carol B"));
        const auto dup = service->registerUser(QStringLiteral("carol.b-1_"), QStringLiteral("password2"), {}, {});
        QCOMPARE(dup.error().status, 409);
        QCOMPARE(dup.error().code, QByteArray("username_taken"));
    }

    void registrationSwitchAndDefaultRole()
    {
        AccountSettings settings = fastSettings();
        settings.registrationDefaultRole = Role::Viewer;
        QCOMPARE(makeService(settings)->registerUser(QStringLiteral("viewer1"), QStringLiteral("password1"), {}, {})->user.role, Role::Viewer);
        settings.registrationEnabled = false;
        const auto refused = makeService(settings)->registerUser(QStringLiteral("viewer2"), QStringLiteral("password1"), {}, {});
        QCOMPARE(refused.error().status, 403);
        QCOMPARE(refused.error().code, QByteArray("registration_disabled"));
    }

    void loginLockoutAndExpiry()
    {
        AccountSettings settings = fastSettings();
        settings.lockoutThreshold = 3;
        settings.lockoutSeconds = 60;
        auto service = makeService(settings);
        QVERIFY(service->registerUser(QStringLiteral("dave"), QStringLiteral("password1"), {}, {}));
        QCOMPARE(service->login(QStringLiteral("nobody"), QStringLiteral("password1"), {}).error().code, QByteArray("invalid_credentials"));
        for (int i = 0; i < 3; ++i)
            QCOMPARE(service->login(QStringLiteral("dave"), QStringLiteral("wrong-pass"), {}).error().code, QByteArray("invalid_credentials"));
        auto locked = service->login(QStringLiteral("dave"), QStringLiteral("password1"), {});
        QCOMPARE(locked.error().status, 429);
        QCOMPARE(locked.error().code, QByteArray("account_locked"));
        QCOMPARE(locked.error().retryAfterSeconds, 60);
        m_now += 30'000;
        QCOMPARE(service->login(QStringLiteral("dave"), QStringLiteral("password1"), {}).error().retryAfterSeconds, 30);
        m_now += 30'001;
        QVERIFY(service->login(QStringLiteral("dave"), QStringLiteral("password1"), {}));
        // A success resets the count: two more failures do not lock.
        QVERIFY(!service->login(QStringLiteral("dave"), QStringLiteral("wrong-pass"), {}));
        QVERIFY(!service->login(QStringLiteral("dave"), QStringLiteral("wrong-pass"), {}));
        QVERIFY(service->login(QStringLiteral("dave"), QStringLiteral("password1"), {}));
    }

    void refreshRotationAndReuse()
    {
        auto service = makeService();
        const auto first = service->registerUser(QStringLiteral("erin"), QStringLiteral("password1"), {}, {});
        QVERIFY(first);
        const auto second = service->refresh(first->refreshToken, {});
        QVERIFY(second);
        QVERIFY(second->refreshToken != first->refreshToken);
        QVERIFY(service->authenticate(second->accessToken));
        // The rotated token is refused, and its reuse ends the whole family.
        QCOMPARE(service->refresh(first->refreshToken, {}).error().code, QByteArray("invalid_token"));
        QCOMPARE(service->refresh(second->refreshToken, {}).error().code, QByteArray("invalid_token"));
        QVERIFY(!service->authenticate(second->accessToken));
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(QStringLiteral("SELECT revoke_reason FROM sessions")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("refresh token reuse"));
        // Refresh tokens are stored only as hashes.
        QVERIFY(query.exec(QStringLiteral("SELECT token_hash FROM refresh_tokens")));
        while (query.next())
            QVERIFY(query.value(0).toString() != QString::fromLatin1(second->refreshToken));
    }

    void refreshTokenExpires()
    {
        AccountSettings settings = fastSettings();
        settings.refreshTokenTtlSeconds = 120;
        auto service = makeService(settings);
        const auto tokens = service->registerUser(QStringLiteral("frank"), QStringLiteral("password1"), {}, {});
        m_now += 121'000;
        QCOMPARE(service->refresh(tokens->refreshToken, {}).error().code, QByteArray("invalid_token"));
    }

    void logoutAndLogoutAllAndPasswordChange()
    {
        auto service = makeService();
        const auto a = service->registerUser(QStringLiteral("gina"), QStringLiteral("password1"), {}, {});
        const auto b = service->login(QStringLiteral("gina"), QStringLiteral("password1"), {});
        const auto c = service->login(QStringLiteral("gina"), QStringLiteral("password1"), {});
        QVERIFY(a && b && c);
        QVERIFY(service->logout(a->refreshToken));
        QCOMPARE(service->refresh(a->refreshToken, {}).error().code, QByteArray("invalid_token"));
        QVERIFY(service->refresh(b->refreshToken, {}));

        const auto principal = service->authenticate(c->accessToken);
        QVERIFY(principal);
        QCOMPARE(service->changePassword(principal.value(), QStringLiteral("nope-nope"), QStringLiteral("password2")).error().code,
                 QByteArray("wrong_password"));
        QCOMPARE(service->changePassword(principal.value(), QStringLiteral("password1"), QStringLiteral("short")).error().status, 422);
        QVERIFY(service->changePassword(principal.value(), QStringLiteral("password1"), QStringLiteral("password2")));
        QVERIFY(service->authenticate(c->accessToken));                  // this session stays
        QVERIFY(!service->authenticate(b->accessToken));                 // others end
        QVERIFY(!service->login(QStringLiteral("gina"), QStringLiteral("password1"), {}));
        QVERIFY(service->login(QStringLiteral("gina"), QStringLiteral("password2"), {}));

        QVERIFY(service->logoutAll(principal.value()));
        QVERIFY(!service->authenticate(c->accessToken));
        QCOMPARE(service->refresh(c->refreshToken, {}).error().code, QByteArray("invalid_token"));
    }

    void accessTokenValidation()
    {
        AccessTokenCodec codec(kSecret);
        const QByteArray token = codec.issue(7, Role::Moderator, QStringLiteral("sess"), 1000, 60);
        const auto claims = codec.validate(token, 1010);
        QVERIFY(claims);
        QCOMPARE(claims->userId, 7);
        QCOMPARE(claims->role, Role::Moderator);
        QCOMPARE(claims->sessionId, QStringLiteral("sess"));
        QCOMPARE(claims->expiresAt, 1060);
        QVERIFY(!claims->tokenId.isEmpty());
        QString reason;
        QVERIFY(!codec.validate(token, 1060, &reason));
        QCOMPARE(reason, QStringLiteral("token expired"));
        QVERIFY(!AccessTokenCodec(QByteArray(32, 'x')).validate(token, 1010, &reason));
        QCOMPARE(reason, QStringLiteral("bad signature"));

        const QList<QByteArray> parts = token.split('.');
        QJsonObject payload = QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), b64)).object();
        payload.insert(QStringLiteral("role"), QStringLiteral("admin"));
        const QByteArray tampered = parts.at(0) + '.' + QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(b64) + '.' + parts.at(2);
        QVERIFY(!codec.validate(tampered, 1010, &reason));
        QCOMPARE(reason, QStringLiteral("bad signature"));
        const QByteArray none = QByteArray(R"({"alg":"none","typ":"JWT"})").toBase64(b64) + '.' + parts.at(1) + '.';
        QVERIFY(!codec.validate(none, 1010, &reason));
        QCOMPARE(reason, QStringLiteral("unsupported algorithm"));
        QVERIFY(!codec.validate("a.b", 1010));
        QVERIFY(!codec.validate("", 1010));
        QVERIFY(!codec.validate("!!.??.**", 1010));
    }

    void adminListingAndRoles()
    {
        auto service = makeService();
        for (int i = 0; i < 5; ++i)
            QVERIFY(service->createUser(QStringLiteral("user%1").arg(i), QStringLiteral("password1"), {}, Role::Viewer));
        auto page = service->listUsers(2, {});
        QVERIFY(page);
        QCOMPARE(page->items.size(), 2);
        QStringList seen;
        QString cursor = page->nextCursor;
        for (const User &u : page->items)
            seen << u.username;
        while (!cursor.isEmpty()) {
            page = service->listUsers(2, cursor);
            QVERIFY(page);
            for (const User &u : page->items)
                seen << u.username;
            cursor = page->nextCursor;
        }
        QCOMPARE(seen.size(), 5);
        QCOMPARE(seen.first(), QStringLiteral("user0"));
        QCOMPARE(seen.last(), QStringLiteral("user4"));
        QCOMPARE(service->listUsers(0, {}).error().status, 422);
        QCOMPARE(service->listUsers(10, QStringLiteral("zz")).error().status, 422);

        const qint64 id = page->items.last().id;
        QCOMPARE(service->setRole(id, Role::Moderator)->role, Role::Moderator);
        QCOMPARE(service->findUserByName(QStringLiteral("USER4"))->role, Role::Moderator);
        QCOMPARE(service->setRole(999999, Role::Admin).error().status, 404);
    }

    void rateLimiterBuckets()
    {
        RateLimiter limiter(3, 60); // 3 at once, one a second after that
        const qint64 t = 1'000'000;
        QVERIFY(limiter.take(QStringLiteral("a"), t).allowed);
        QVERIFY(limiter.take(QStringLiteral("a"), t).allowed);
        QVERIFY(limiter.take(QStringLiteral("a"), t).allowed);
        const auto refused = limiter.take(QStringLiteral("a"), t);
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.retryAfterSeconds, 1);
        QVERIFY(limiter.take(QStringLiteral("b"), t).allowed); // keys are independent
        QVERIFY(limiter.take(QStringLiteral("a"), t + 1000).allowed);
        QVERIFY(!limiter.take(QStringLiteral("a"), t + 1000).allowed);

        RateLimiter bounded(1, 1, 16);
        for (int i = 0; i < 1000; ++i)
            bounded.take(QString::number(i), t);
        QVERIFY(bounded.take(QStringLiteral("fresh"), t).allowed);
    }

    void serviceRateLimitsPerAddressAndAccount()
    {
        AccountSettings settings = fastSettings();
        settings.rateIpBurst = 2;
        settings.rateIpPerMinute = 1;
        settings.rateAccountBurst = 3;
        settings.rateAccountPerMinute = 1;
        auto service = makeService(settings);
        QVERIFY(service->createUser(QStringLiteral("hank"), QStringLiteral("password1"), {}, Role::Viewer));
        QVERIFY(service->login(QStringLiteral("hank"), QStringLiteral("password1"), QStringLiteral("10.0.0.1")));
        QVERIFY(service->login(QStringLiteral("hank"), QStringLiteral("password1"), QStringLiteral("10.0.0.1")));
        const auto limited = service->login(QStringLiteral("hank"), QStringLiteral("password1"), QStringLiteral("10.0.0.1"));
        QCOMPARE(limited.error().code, QByteArray("rate_limited"));
        QCOMPARE(limited.error().retryAfterSeconds, 60);
        // Another address still reaches the account once more, then the account bucket is empty.
        QVERIFY(service->login(QStringLiteral("hank"), QStringLiteral("password1"), QStringLiteral("10.0.0.2")));
        QCOMPARE(service->login(QStringLiteral("hank"), QStringLiteral("password1"), QStringLiteral("10.0.0.3")).error().code,
                 QByteArray("rate_limited"));
    }
};

QTEST_GUILESS_MAIN(tst_AccountService)
#include "tst_accountservice.moc"
