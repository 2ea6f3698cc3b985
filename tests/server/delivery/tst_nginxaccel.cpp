// X-Accel-Redirect: kinora-server authorises media requests and nginx sends
// the files. Checks the header answer of the server itself, then a real nginx
// (started unprivileged-style with its own prefix, config and pid file) in
// front of it, configured like packaging/nginx/kinora.conf.
#include "mediafixture.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <unistd.h>

using namespace Kinora::Tests;

namespace {
const QString s_prefix = QStringLiteral("/_kinora_media");

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}
} // namespace

class tst_NginxAccel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MediaFixture> m_fx;
    QByteArray m_alice;
    QString m_private, m_public;
    QTemporaryDir m_nginxDir;
    QProcess m_nginx;
    quint16 m_nginxPort = 0;

    QString signedBase(const QString &id)
    {
        const QString master = m_fx->get(QStringLiteral("/api/v1/videos/%1/media").arg(id), m_alice)
                                   .json().value(QStringLiteral("masterUrl")).toString();
        return master.left(master.size() - int(qstrlen("master.m3u8")));
    }

    bool startNginx(QString *error)
    {
        const QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        if (nginx.isEmpty()) {
            *error = QStringLiteral("nginx is not installed");
            return false;
        }
        m_nginxPort = freePort();
        const QString dir = m_nginxDir.path();
        QDir().mkpath(dir + QStringLiteral("/logs"));
        QDir().mkpath(dir + QStringLiteral("/tmp"));
        // The same locations as the sample site, on loopback without TLS.
        const QString conf = QStringLiteral(
            "%1"
            "worker_processes 1;\n"
            "events { worker_connections 64; }\n"
            "http {\n"
            "  access_log off;\n"
            "  client_body_temp_path %2/tmp/body; proxy_temp_path %2/tmp/proxy; fastcgi_temp_path %2/tmp/fcgi;\n"
            "  uwsgi_temp_path %2/tmp/uwsgi; scgi_temp_path %2/tmp/scgi;\n"
            "  default_type application/octet-stream;\n"
            "  upstream kinora_server { server 127.0.0.1:%3; keepalive 4; }\n"
            "  server {\n"
            "    listen 127.0.0.1:%4;\n"
            "    client_max_body_size 16g;\n"
            "    proxy_http_version 1.1;\n"
            "    proxy_set_header Host $host;\n"
            "    proxy_set_header Connection \"\";\n"
            "    location / { proxy_pass http://kinora_server; }\n"
            "    location %5/ { internal; alias %6/; sendfile on; }\n"
            "  }\n"
            "}\n")
            .arg(::geteuid() == 0 ? QStringLiteral("user root root;\n") : QString(), dir)
            .arg(m_fx->server().baseUrl().port())
            .arg(m_nginxPort)
            .arg(s_prefix, m_fx->mediaDir());
        QFile file(dir + QStringLiteral("/nginx.conf"));
        if (!file.open(QIODevice::WriteOnly) || file.write(conf.toUtf8()) < 0) {
            *error = QStringLiteral("cannot write nginx.conf");
            return false;
        }
        file.close();
        m_nginx.setProcessChannelMode(QProcess::MergedChannels);
        m_nginx.start(nginx, {QStringLiteral("-p"), dir, QStringLiteral("-c"), dir + QStringLiteral("/nginx.conf"), QStringLiteral("-g"),
                              QStringLiteral("daemon off; pid %1/nginx.pid; error_log stderr;").arg(dir)});
        if (!m_nginx.waitForStarted(5000)) {
            *error = m_nginx.errorString();
            return false;
        }
        for (int i = 0; i < 100; ++i) {
            if (m_nginx.state() != QProcess::Running) {
                *error = QStringLiteral("nginx exited: ") + QString::fromUtf8(m_nginx.readAll());
                return false;
            }
            if (m_fx->rawGet(QStringLiteral("/api/v1/health"), m_nginxPort).status == 200)
                return true;
            QThread::msleep(50);
        }
        *error = QStringLiteral("nginx did not answer: ") + QString::fromUtf8(m_nginx.readAll());
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx = std::make_unique<MediaFixture>(QStringList{QStringLiteral("--set"), QStringLiteral("delivery.accelRedirectPrefix=") + s_prefix});
        QString error;
        QVERIFY2(m_fx->start(&error), qPrintable(error));
        m_alice = m_fx->registerUser(QStringLiteral("alice"));
        m_private = m_fx->readyVideo(m_alice, QStringLiteral("private"));
        m_public = m_fx->readyVideo(m_alice, QStringLiteral("public"));
        QVERIFY(!m_private.isEmpty() && !m_public.isEmpty());
    }

    void cleanupTestCase()
    {
        if (m_nginx.state() == QProcess::Running) {
            m_nginx.terminate();
            if (!m_nginx.waitForFinished(5000))
                m_nginx.kill();
            m_nginx.waitForFinished(2000);
        }
        m_fx->stop();
        QCOMPARE(m_fx->server().exitCode(), 0);
    }

    void sampleSiteIsValid()
    {
        // packaging/nginx/kinora.conf as shipped, with a throw-away certificate: `nginx -t` accepts it.
        const QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        if (nginx.isEmpty() || openssl.isEmpty())
            QSKIP("nginx or openssl is not installed");
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem"));
        const QString key = dir.filePath(QStringLiteral("key.pem"));
        QCOMPARE(QProcess::execute(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                             QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
                                             QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=kinora.test")}),
                 0);
        QFile sample(QStringLiteral(KINORA_SOURCE_DIR "/packaging/nginx/kinora.conf"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QString site = QString::fromUtf8(sample.readAll());
        QVERIFY(site.contains(QLatin1String("internal;")));
        QVERIFY(site.contains(QLatin1String("proxy_request_buffering off;")));
        QVERIFY(site.contains(QLatin1String("client_max_body_size")));
        QVERIFY(site.contains(QLatin1String("$http_upgrade")));
        QVERIFY(site.contains(s_prefix + QLatin1Char('/')));
        site.replace(QStringLiteral("/etc/letsencrypt/live/kinora.example/fullchain.pem"), cert);
        site.replace(QStringLiteral("/etc/letsencrypt/live/kinora.example/privkey.pem"), key);
        QFile siteFile(dir.filePath(QStringLiteral("site.conf")));
        QVERIFY(siteFile.open(QIODevice::WriteOnly));
        siteFile.write(site.toUtf8());
        siteFile.close();
        QFile main(dir.filePath(QStringLiteral("nginx.conf")));
        QVERIFY(main.open(QIODevice::WriteOnly));
        main.write(QStringLiteral("events {}\nhttp { include %1; }\n").arg(siteFile.fileName()).toUtf8());
        main.close();
        QProcess check;
        check.setProcessChannelMode(QProcess::MergedChannels);
        check.start(nginx, {QStringLiteral("-t"), QStringLiteral("-p"), dir.path(), QStringLiteral("-c"), main.fileName(), QStringLiteral("-g"),
                            QStringLiteral("pid %1/nginx.pid; error_log stderr;").arg(dir.path())});
        QVERIFY(check.waitForFinished(10000));
        const QByteArray output = check.readAll();
        QVERIFY2(check.exitCode() == 0, output.constData());
        QVERIFY(output.contains("syntax is ok"));
    }

    void serverAnswersWithAccelHeader()
    {
        const QString base = signedBase(m_private);
        const auto reply = m_fx->get(base + QStringLiteral("180p/seg_00000.ts"));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.isEmpty());
        QCOMPARE(reply.header("X-Accel-Redirect"), (s_prefix + QStringLiteral("/videos/%1/180p/seg_00000.ts").arg(m_private)).toUtf8());
        QCOMPARE(reply.header("Content-Type"), QByteArray("video/mp2t"));
        QVERIFY(reply.header("Cache-Control").startsWith("private"));
        const auto pub = m_fx->get(QStringLiteral("/media/videos/%1/master.m3u8").arg(m_public));
        QCOMPARE(pub.header("X-Accel-Redirect"), (s_prefix + QStringLiteral("/videos/%1/master.m3u8").arg(m_public)).toUtf8());
        // Authorisation still happens first.
        QCOMPARE(m_fx->get(QStringLiteral("/media/videos/%1/master.m3u8").arg(m_private)).status, 404);
        QVERIFY(m_fx->get(QStringLiteral("/media/videos/%1/master.m3u8").arg(m_private)).header("X-Accel-Redirect").isEmpty());
        QCOMPARE(m_fx->get(base + QStringLiteral("180p/nothing.ts")).status, 404);
    }

    void nginxServesAuthorisedFiles()
    {
        QString error;
        if (!startNginx(&error))
            QFAIL(qPrintable(error));
        const QString base = signedBase(m_private);
        const QString disk = QStringLiteral("videos/%1/").arg(m_private);
        for (const QString &file : {QStringLiteral("master.m3u8"), QStringLiteral("180p/index.m3u8"), QStringLiteral("180p/seg_00000.ts"),
                                    QStringLiteral("thumbs/poster.jpg")}) {
            const auto reply = m_fx->rawGet(base + file, m_nginxPort);
            QCOMPARE(reply.status, 200);
            QVERIFY(reply.header("X-Accel-Redirect").isEmpty());
            QCOMPARE(reply.body, m_fx->fileBytes(disk + file));
        }
        const auto seg = m_fx->rawGet(base + QStringLiteral("180p/seg_00000.ts"), m_nginxPort);
        QCOMPARE(seg.header("Content-Type"), QByteArray("video/mp2t"));
        QVERIFY(seg.body.size() > 1000);

        // Without a token, with a forged one, or straight at the internal location: refused.
        const auto anonymous = m_fx->rawGet(QStringLiteral("/media/videos/%1/180p/seg_00000.ts").arg(m_private), m_nginxPort);
        QCOMPARE(anonymous.status, 404);
        QVERIFY(anonymous.body != m_fx->fileBytes(disk + QStringLiteral("180p/seg_00000.ts")));
        QString forged = base;
        forged.replace(m_private, m_public);
        QCOMPARE(m_fx->rawGet(forged + QStringLiteral("master.m3u8"), m_nginxPort).status, 403);
        QCOMPARE(m_fx->rawGet(s_prefix + QStringLiteral("/videos/%1/master.m3u8").arg(m_private), m_nginxPort).status, 404);
        QCOMPARE(m_fx->rawGet(QStringLiteral("/media/videos/%1/../%2/master.m3u8").arg(m_public, m_private), m_nginxPort).status, 404);
        // Public media passes through nginx too.
        const auto pub = m_fx->rawGet(QStringLiteral("/media/videos/%1/master.m3u8").arg(m_public), m_nginxPort);
        QCOMPARE(pub.status, 200);
        QCOMPARE(pub.body, m_fx->fileBytes(QStringLiteral("videos/%1/master.m3u8").arg(m_public)));
    }
};

QTEST_GUILESS_MAIN(tst_NginxAccel)
#include "tst_nginxaccel.moc"
