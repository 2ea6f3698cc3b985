#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkReply>
#include <QFileInfo>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <csignal>
#include <sys/types.h>

using namespace Kinora::Tests;

namespace {
QJsonObject credentials(const QString &name, const QString &password)
{
    return QJsonObject{{QStringLiteral("username"), name}, {QStringLiteral("password"), password}};
}

QString binary()
{
    return qEnvironmentVariable("KINORA_SERVER_BINARY", QStringLiteral(KINORA_SERVER_BINARY));
}

int runBinary(const QStringList &args, QByteArray *output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(binary(), args);
    if (!process.waitForFinished(30000))
        return -1;
    *output = process.readAll();
    return process.exitCode();
}

qint64 metricValue(const QByteArray &text, const QByteArray &seriesPrefix)
{
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith(seriesPrefix))
            return line.mid(line.lastIndexOf(' ') + 1).toLongLong();
    }
    return -1;
}
}

// Process life: start, stop, crash, restart; the command line; health, metrics and /ws.
class tst_ServerLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersion()
    {
        QByteArray output;
        QCOMPARE(runBinary({QStringLiteral("--version")}, &output), 0);
        QCOMPARE(output.trimmed(), QByteArray("kinora-server " KINORA_VERSION));
        QCOMPARE(runBinary({QStringLiteral("--help")}, &output), 0);
        for (const char *expected : {"Usage: kinora-server", "serve", "admin", "--data-dir", "--listen", "--config"})
            QVERIFY2(output.contains(expected), expected);
        QCOMPARE(runBinary({QStringLiteral("config"), QStringLiteral("--set"), QStringLiteral("auth.lockoutThreshold=7"),
                            QStringLiteral("--listen"), QStringLiteral("[::1]:9999")}, &output), 0);
        QVERIFY2(output.contains("auth.lockoutThreshold = 7\n"), output.constData());
        QVERIFY(output.contains("listen = [::1]:9999\n"));
        QVERIFY(output.contains("auth.jwtSecret = \n"));
        QCOMPARE(runBinary({QStringLiteral("config"), QStringLiteral("--set"), QStringLiteral("auth.lockoutThreshold=0")}, &output), 2);
        QVERIFY(output.contains("auth.lockoutThreshold"));
        QCOMPARE(runBinary({QStringLiteral("frobnicate")}, &output), 2);
        QVERIFY(output.contains("unknown command"));
        QCOMPARE(runBinary({QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("nonsense")}, &output), 2);
        QVERIFY(output.contains("listen"));
    }

    void sigtermExitsCleanlyAndRestartKeepsAccounts()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(server.output().contains(QByteArray("kinora-server: data directory " + server.dataDir().toUtf8())));
        TestHttpClient http;
        QCOMPARE(http.postJson(server.url(QStringLiteral("/api/v1/auth/register")), credentials(QStringLiteral("persist"), QStringLiteral("password1"))).status, 201);

        server.stop();
        QCOMPARE(server.exitCode(), 0);
        const QFileInfo secret(server.dataDir() + QStringLiteral("/jwt-secret"));
        QVERIFY(secret.exists());
        QCOMPARE(secret.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther), QFile::Permissions());

        QVERIFY2(server.start(&error), qPrintable(error));
        const auto login = http.postJson(server.url(QStringLiteral("/api/v1/auth/login")), credentials(QStringLiteral("persist"), QStringLiteral("password1")));
        QCOMPARE(login.status, 200);
        server.stop();
        QCOMPARE(server.exitCode(), 0);
    }

    void sigintExitsCleanlyAndBusyPortIsReported()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        // A second server on the same port fails with a readable error, not a crash.
        QTemporaryDir otherDir;
        QProcess second;
        second.setProcessChannelMode(QProcess::MergedChannels);
        second.start(binary(), {QStringLiteral("--data-dir"), otherDir.path(), QStringLiteral("--listen"),
                                QStringLiteral("127.0.0.1:%1").arg(server.baseUrl().port())});
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 1);
        QVERIFY2(second.readAll().contains("listen"), "no listen error");

        QVERIFY(::kill(pid_t(server.pid()), SIGINT) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(server.output().contains("signal 2 received"), 10000);
        server.stop();
        QCOMPARE(server.exitCode(), 0);
    }

    void sigtermLetsRequestInFlightFinish()
    {
        // A costly password hash keeps the registration in its handler while SIGTERM arrives.
        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_AUTH_KDF_OPS_LIMIT"), QStringLiteral("4"));
        env.insert(QStringLiteral("KINORA_AUTH_KDF_MEM_LIMIT_KIB"), QStringLiteral("262144"));
        ServerProcess server({}, env);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        QNetworkAccessManager nam;
        QNetworkRequest request(server.url(QStringLiteral("/api/v1/auth/register")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = nam.post(request, QByteArrayLiteral(R"({"username":"inflight","password":"password1"})"));
        QElapsedTimer timer;
        timer.start();
        QTest::qWait(250); // the request reaches the handler; hashing takes far longer
        QVERIFY(!reply->isFinished());
        QVERIFY(::kill(pid_t(server.pid()), SIGTERM) == 0);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QCOMPARE(status, 201);
        QVERIFY(QJsonDocument::fromJson(reply->readAll()).object().contains(QStringLiteral("accessToken")));
        delete reply;
        qInfo("registration with the slow hash answered after %lld ms", timer.elapsed());
        server.stop();
        QCOMPARE(server.exitCode(), 0);
    }

    void killNineThenRestart()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        TestHttpClient http;
        const auto reg = http.postJson(server.url(QStringLiteral("/api/v1/auth/register")), credentials(QStringLiteral("crashy"), QStringLiteral("password1")));
        QCOMPARE(reg.status, 201);
        server.kill9();
        QVERIFY(server.exitCode() != 0);

        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(http.postJson(server.url(QStringLiteral("/api/v1/auth/login")), credentials(QStringLiteral("crashy"), QStringLiteral("password1"))).status, 200);
        // Tokens issued before the crash still work: the secret and the sessions survived.
        const auto refreshed = http.postJson(server.url(QStringLiteral("/api/v1/auth/refresh")),
                                             QJsonObject{{QStringLiteral("refreshToken"), reg.json().value(QStringLiteral("refreshToken"))}});
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(http.get(server.url(QStringLiteral("/api/v1/health"))).json().value(QStringLiteral("database")).toString(), QStringLiteral("ok"));
        server.stop();
        QCOMPARE(server.exitCode(), 0);
    }

    void adminCommands()
    {
        ServerProcess server;
        QByteArray output;
        const QStringList create{QStringLiteral("admin"), QStringLiteral("create-user"), QStringLiteral("boss"), QStringLiteral("--role"), QStringLiteral("moderator")};
        QCOMPARE(server.runCommand(create, "bosspassword\n", &output), 0);
        QVERIFY(output.contains("created user boss"));
        QCOMPARE(server.runCommand(create, "bosspassword\n", &output), 3); // duplicate
        QVERIFY(output.contains("taken"));
        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("create-user"), QStringLiteral("weakling"), QStringLiteral("--role"), QStringLiteral("viewer")}, "short\n", &output), 4);
        QVERIFY(output.contains("weak"));
        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("create-user"), QStringLiteral("kingly"), QStringLiteral("--role"), QStringLiteral("king")}, "password1\n", &output), 2);
        QVERIFY(output.contains("king"));
        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("create-user"), QStringLiteral("nopass"), QStringLiteral("--role"), QStringLiteral("viewer")}, {}, &output), 2);
        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("create-user"), QStringLiteral("x"), QStringLiteral("--role"), QStringLiteral("viewer")}, "password1\n", &output), 4);
        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("set-role"), QStringLiteral("boss"), QStringLiteral("admin")}, {}, &output), 0);
        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("set-role"), QStringLiteral("ghost"), QStringLiteral("admin")}, {}, &output), 3);
        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("list-users")}, {}, &output), 0);
        QVERIFY(QRegularExpression(QStringLiteral("boss\\s+admin")).match(QString::fromUtf8(output)).hasMatch());
        QVERIFY(!output.contains("weakling"));

        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        TestHttpClient http;
        const auto login = http.postJson(server.url(QStringLiteral("/api/v1/auth/login")), credentials(QStringLiteral("boss"), QStringLiteral("bosspassword")));
        QCOMPARE(login.status, 200);
        QCOMPARE(login.json().value(QStringLiteral("user")).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        server.stop();
    }

    void healthMetricsAndWebSocket()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        TestHttpClient http;
        const auto health = http.get(server.url(QStringLiteral("/api/v1/health")));
        QCOMPARE(health.status, 200);
        QCOMPARE(health.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(health.json().value(QStringLiteral("database")).toString(), QStringLiteral("ok"));
        QCOMPARE(health.json().value(QStringLiteral("version")).toString(), QStringLiteral(KINORA_VERSION));

        const QByteArray series = R"(kinora_http_requests_total{method="GET",route="/api/v1/health",status="200"})";
        const auto before = http.get(server.url(QStringLiteral("/metrics")));
        QCOMPARE(before.status, 200);
        QVERIFY(before.header("Content-Type").startsWith("text/plain"));
        QVERIFY(before.body.contains("process_resident_memory_bytes"));
        QVERIFY(before.body.contains("kinora_build_info"));
        const qint64 count = metricValue(before.body, series);
        QVERIFY2(count >= 1, before.body.constData());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http.get(server.url(QStringLiteral("/api/v1/health"))).status, 200);
        const auto after = http.get(server.url(QStringLiteral("/metrics")));
        QCOMPARE(metricValue(after.body, series), count + 3);

        QWebSocket socket;
        QStringList messages;
        QEventLoop loop;
        connect(&socket, &QWebSocket::textMessageReceived, &loop, [&](const QString &message) {
            messages << message;
            if (messages.size() == 1)
                socket.sendTextMessage(QStringLiteral(R"({"type":"ping"})"));
            else if (messages.size() == 2)
                socket.sendTextMessage(QStringLiteral(R"({"type":"dance"})"));
            else
                loop.quit();
        });
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        QUrl wsUrl = server.url(QStringLiteral("/ws"));
        wsUrl.setScheme(QStringLiteral("ws"));
        socket.open(wsUrl);
        loop.exec();
        QCOMPARE(messages.size(), 3);
        const auto hello = QJsonDocument::fromJson(messages.at(0).toUtf8()).object();
        QCOMPARE(hello.value(QStringLiteral("type")).toString(), QStringLiteral("hello"));
        QCOMPARE(hello.value(QStringLiteral("version")).toString(), QStringLiteral(KINORA_VERSION));
        QCOMPARE(QJsonDocument::fromJson(messages.at(1).toUtf8()).object().value(QStringLiteral("type")).toString(), QStringLiteral("pong"));
        QCOMPARE(QJsonDocument::fromJson(messages.at(2).toUtf8()).object().value(QStringLiteral("code")).toString(), QStringLiteral("unknown_type"));
        socket.close();

        const auto plain = http.get(server.url(QStringLiteral("/ws")));
        QCOMPARE(plain.status, 426);
        server.stop();
        QCOMPARE(server.exitCode(), 0);
    }

    void configFileIsRead()
    {
        QTemporaryDir dir;
        const QString ini = dir.filePath(QStringLiteral("server.ini"));
        {
            QFile file(ini);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("[registration]\nenabled = false\n");
        }
        ServerProcess server({QStringLiteral("--config"), ini});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        TestHttpClient http;
        const auto reply = http.postJson(server.url(QStringLiteral("/api/v1/auth/register")), credentials(QStringLiteral("late"), QStringLiteral("password1")));
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorCode(), QByteArray("registration_disabled"));
        server.stop();
    }
};

QTEST_GUILESS_MAIN(tst_ServerLifecycle)
#include "tst_serverlifecycle.moc"
