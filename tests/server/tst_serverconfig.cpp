#include "server/app/serverconfig.h"
#include "server/cli/configarguments.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Kinora::Server;

class tst_ServerConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults()
    {
        qputenv("XDG_DATA_HOME", "/tmp/xdg-test");
        ServerConfig config;
        QCOMPARE(config.dataDir, QStringLiteral("/tmp/xdg-test/kinora-server"));
        QCOMPARE(config.value(QStringLiteral("listen")), QStringLiteral("127.0.0.1:8080"));
        QCOMPARE(config.http.port, quint16(8080));
        QCOMPARE(config.accounts.accessTokenTtlSeconds, 900);
        QCOMPARE(config.accounts.refreshTokenTtlSeconds, 30 * 86400);
        QCOMPARE(config.accounts.lockoutThreshold, 5);
        QCOMPARE(config.accounts.registrationDefaultRole, Accounts::Role::Creator);
        QVERIFY(config.accounts.registrationEnabled);
        QVERIFY(config.jwtSecret.isEmpty());
    }

    void listenParsing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << "127.0.0.1:0" << true << "127.0.0.1" << 0;
        QTest::newRow("any") << "0.0.0.0:9000" << true << "0.0.0.0" << 9000;
        QTest::newRow("localhost") << "localhost:81" << true << "127.0.0.1" << 81;
        QTest::newRow("ipv6") << "[::1]:8443" << true << "::1" << 8443;
        QTest::newRow("no port") << "127.0.0.1" << false << "" << 0;
        QTest::newRow("big port") << "127.0.0.1:70000" << false << "" << 0;
        QTest::newRow("name") << "example.org:80" << false << "" << 0;
        QTest::newRow("garbage") << ":" << false << "" << 0;
    }

    void listenParsing()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        ServerConfig config;
        QString error;
        QCOMPARE(config.setListen(text, &error), ok);
        if (ok) {
            QFETCH(QString, host);
            QFETCH(int, port);
            QCOMPARE(config.listenHost, host);
            QCOMPARE(int(config.http.port), port);
        } else {
            QVERIFY(error.contains(text));
        }
    }

    void layering()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("kinora.ini"));
        {
            QFile file(ini);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("listen = 127.0.0.1:7000\n"
                       "[auth]\naccessTokenTtl = 60\nlockoutThreshold = 3\n"
                       "[http]\nmaxHeaderBytes = 4096\ncorsOrigins = https://a.example, https://b.example\n"
                       "[registration]\ndefaultRole = viewer\nenabled = false\n");
        }
        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_CONFIG"), ini);
        env.insert(QStringLiteral("KINORA_AUTH_ACCESS_TOKEN_TTL"), QStringLiteral("120")); // env beats file
        env.insert(QStringLiteral("KINORA_LISTEN"), QStringLiteral("127.0.0.1:7001"));
        ServerConfig config;
        QStringList rest;
        QString error;
        const QStringList args{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), // flag beats env
                               QStringLiteral("--data-dir=") + dir.path(), QStringLiteral("extra"),
                               QStringLiteral("--set"), QStringLiteral("auth.lockoutSeconds=30")};
        QVERIFY2(Cli::ConfigArguments::parse(args, env, &config, &rest, &error), qPrintable(error));
        QCOMPARE(rest, QStringList{QStringLiteral("extra")});
        QCOMPARE(config.listenPort, quint16(0));
        QCOMPARE(config.dataDir, dir.path());
        QCOMPARE(config.accounts.accessTokenTtlSeconds, 120);
        QCOMPARE(config.accounts.lockoutThreshold, 3);
        QCOMPARE(config.accounts.lockoutSeconds, 30);
        QCOMPARE(config.http.maxHeaderBytes, 4096);
        QCOMPARE(config.http.corsAllowedOrigins, (QStringList{QStringLiteral("https://a.example"), QStringLiteral("https://b.example")}));
        QCOMPARE(config.accounts.registrationDefaultRole, Accounts::Role::Viewer);
        QVERIFY(!config.accounts.registrationEnabled);
    }

    void badValuesAreRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mention");
        QTest::newRow("bad int") << QStringList{QStringLiteral("--set"), QStringLiteral("auth.lockoutThreshold=abc")} << "auth.lockoutThreshold";
        QTest::newRow("out of range") << QStringList{QStringLiteral("--set"), QStringLiteral("http.maxHeaderBytes=1")} << "http.maxHeaderBytes";
        QTest::newRow("unknown key") << QStringList{QStringLiteral("--set"), QStringLiteral("no.such=1")} << "no.such";
        QTest::newRow("bad role") << QStringList{QStringLiteral("--set"), QStringLiteral("registration.defaultRole=king")} << "king";
        QTest::newRow("short secret") << QStringList{QStringLiteral("--set"), QStringLiteral("auth.jwtSecret=short")} << "32";
        QTest::newRow("missing value") << QStringList{QStringLiteral("--data-dir")} << "--data-dir";
        QTest::newRow("missing file") << QStringList{QStringLiteral("--config"), QStringLiteral("/no/such/file.ini")} << "/no/such/file.ini";
    }

    void badValuesAreRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mention);
        ServerConfig config;
        QStringList rest;
        QString error;
        QVERIFY(!Cli::ConfigArguments::parse(args, QProcessEnvironment(), &config, &rest, &error));
        QVERIFY2(error.contains(mention), qPrintable(error));
    }

    void badEnvironmentIsRefused()
    {
        ServerConfig config;
        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_HTTP_MAX_CONNECTIONS"), QStringLiteral("-5"));
        QString error;
        QVERIFY(!config.loadEnvironment(env, &error));
        QVERIFY(error.contains(QStringLiteral("KINORA_HTTP_MAX_CONNECTIONS")));
    }

    void everyKeyRoundTrips()
    {
        ServerConfig config;
        for (const ServerConfig::Key &key : ServerConfig::keys()) {
            QVERIFY2(key.environment.startsWith(QStringLiteral("KINORA_")), qPrintable(key.name));
            if (key.name == QLatin1String("auth.jwtSecret"))
                continue;
            const QString value = key.get(config);
            QString error;
            QVERIFY2(key.set(config, value, &error), qPrintable(key.name + QStringLiteral(": ") + error));
            QCOMPARE(key.get(config), value);
        }
    }
};

QTEST_GUILESS_MAIN(tst_ServerConfig)
#include "tst_serverconfig.moc"
