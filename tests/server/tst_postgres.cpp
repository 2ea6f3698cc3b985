#include "server/accounts/accountservice.h"
#include "server/accounts/userstore.h"
#include "server/storage/database.h"
#include "server/storage/migrationrunner.h"
#include "tests/support/postgresinstance.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkReply>
#include <QTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Kinora::Server;
using namespace Kinora::Server::Storage;

// The same migrations and account SQL on a real (throwaway) PostgreSQL cluster.
class tst_Postgres : public QObject
{
    Q_OBJECT

private:
    Kinora::Tests::PostgresInstance m_postgres;

    DatabaseSettings settings() const
    {
        DatabaseSettings s;
        s.backend = DatabaseSettings::Backend::Postgres;
        s.host = m_postgres.socketDir();
        s.port = m_postgres.port();
        s.databaseName = m_postgres.databaseName();
        s.user = m_postgres.user();
        return s;
    }

    static void exec(Database &db, const QString &sql)
    {
        QSqlQuery query(db.connection());
        QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            QSKIP("Qt's QPSQL driver is not installed (Debian: libqt6sql6-psql)");
        if (Kinora::Tests::PostgresInstance::binDir().isEmpty())
            QSKIP("PostgreSQL server binaries are not installed");
        QString error;
        QVERIFY2(m_postgres.start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_postgres.stop();
    }

    void builtInMigrationsApplyOnce()
    {
        {
            Database db(settings());
            MigrationRunner runner(db);
            QString error;
            const int count = runner.available().size();
            QCOMPARE(runner.run(&error), count);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(db.connection().tables().contains(QStringLiteral("users")));
        }
        Database db(settings());
        MigrationRunner runner(db);
        QCOMPARE(runner.run(), 0);
        QCOMPARE(runner.currentVersion(), runner.available().constLast().version);
    }

    void failingMigrationRollsBack()
    {
        QTemporaryDir sql;
        auto write = [&](const char *name, const QByteArray &content) {
            QFile file(sql.filePath(QString::fromLatin1(name)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        };
        Database db(settings());
        exec(db, QStringLiteral("CREATE SCHEMA rollbacktest"));
        exec(db, QStringLiteral("SET search_path TO rollbacktest"));
        write("v1_a.sql", "CREATE TABLE pa (id {{id_pk}}, data {{blob}});");
        write("v2_b.sql", "CREATE TABLE pb (id INTEGER);\nSELECT no_such_function();");
        MigrationRunner runner(db, sql.path());
        QString error;
        QCOMPARE(runner.run(&error), -1);
        QVERIFY(error.contains(QStringLiteral("v2_b")));
        QCOMPARE(runner.currentVersion(), 1);
        const QStringList tables = db.connection().tables();
        // QPSQL names tables outside "public" as schema.table.
        QVERIFY2(tables.contains(QStringLiteral("rollbacktest.pa")), qPrintable(tables.join(QLatin1Char(','))));
        QVERIFY(!tables.contains(QStringLiteral("rollbacktest.pb")));
    }

    void accountsWorkOnPostgres()
    {
        Database db(settings());
        QVERIFY(MigrationRunner(db).run() >= 0);
        Accounts::AccountSettings accountSettings;
        accountSettings.kdfOpsLimit = 1;
        accountSettings.kdfMemLimitKiB = 64;
        Accounts::AccountService service(db, accountSettings, QByteArray(32, 's'));

        const auto first = service.registerUser(QStringLiteral("PgUser"), QStringLiteral("password1"), {}, {});
        QVERIFY2(first, qPrintable(first.error().message));
        QVERIFY(first->user.id > 0);
        QCOMPARE(service.registerUser(QStringLiteral("pguser"), QStringLiteral("password1"), {}, {}).error().code, QByteArray("username_taken"));
        QVERIFY(service.login(QStringLiteral("PGUSER"), QStringLiteral("password1"), {}));

        // The unique index itself (not the pre-check) is recognised as a duplicate.
        Accounts::UserStore store(db);
        Accounts::User clash;
        clash.username = QStringLiteral("pgUSER");
        clash.displayName = clash.username;
        QString error;
        QCOMPARE(store.insert(clash, "x", &error), Accounts::UserStore::InsertOutcome::Duplicate);

        const auto second = service.refresh(first->refreshToken, {});
        QVERIFY2(second, qPrintable(second.error().message));
        QCOMPARE(service.refresh(first->refreshToken, {}).error().code, QByteArray("invalid_token"));
        QVERIFY(!service.authenticate(second->accessToken)); // reuse revoked the family

        const auto third = service.login(QStringLiteral("pguser"), QStringLiteral("password1"), {});
        const auto principal = service.authenticate(third->accessToken);
        QVERIFY(principal);
        QVERIFY(service.logoutAll(principal.value()));
        QVERIFY(!service.authenticate(third->accessToken));

        const auto page = service.listUsers(10, {});
        QVERIFY(page);
        QCOMPARE(page->items.size(), 1);
        QCOMPARE(service.setRole(first->user.id, Accounts::Role::Admin)->role, Accounts::Role::Admin);
    }

    void serverBinaryOnPostgres()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_DATABASE_BACKEND"), QStringLiteral("postgres"));
        env.insert(QStringLiteral("KINORA_DATABASE_HOST"), m_postgres.socketDir());
        env.insert(QStringLiteral("KINORA_DATABASE_PORT"), QString::number(m_postgres.port()));
        env.insert(QStringLiteral("KINORA_DATABASE_NAME"), m_postgres.databaseName());
        env.insert(QStringLiteral("KINORA_DATABASE_USER"), m_postgres.user());
        Kinora::Tests::ServerProcess server({}, env);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        Kinora::Tests::TestHttpClient http;
        QCOMPARE(http.get(server.url(QStringLiteral("/api/v1/health"))).json().value(QStringLiteral("database")).toString(), QStringLiteral("ok"));

        // Racing registrations of one name: the unique index decides, exactly one wins.
        const QByteArray body = R"({"username":"pgracer","password":"password1"})";
        constexpr int kCount = 10;
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        std::vector<QNetworkReply *> replies;
        QEventLoop loop;
        int finished = 0;
        for (int i = 0; i < kCount; ++i) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            QNetworkRequest request(server.url(QStringLiteral("/api/v1/auth/register")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            replies.push_back(managers.back()->post(request, body));
            connect(replies.back(), &QNetworkReply::finished, &loop, [&] {
                if (++finished == kCount)
                    loop.quit();
            });
        }
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(finished, kCount);
        int created = 0;
        int conflicts = 0;
        for (QNetworkReply *reply : replies) {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            created += status == 201;
            conflicts += status == 409;
            reply->deleteLater();
        }
        QCOMPARE(created, 1);
        QCOMPARE(conflicts, kCount - 1);

        server.stop();
        QCOMPARE(server.exitCode(), 0);
        QVERIFY2(server.start(&error), qPrintable(error));
        const auto login = http.postJson(server.url(QStringLiteral("/api/v1/auth/login")),
                                         QJsonObject{{QStringLiteral("username"), QStringLiteral("pgracer")},
                                                     {QStringLiteral("password"), QStringLiteral("password1")}});
        QCOMPARE(login.status, 200);
        server.stop();
    }
};

QTEST_GUILESS_MAIN(tst_Postgres)
#include "tst_postgres.moc"
