#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "testmedia.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Kinora::Tests;

// tus-js-client (npm, under Node) uploads to the real kinora-server in chunks,
// is aborted in the middle and resumes from the stored upload URL.
class tst_TusJsClient : public QObject
{
    Q_OBJECT

private:
    static bool run(const QString &program, const QStringList &args, const QString &dir, int timeoutMs, QByteArray *output)
    {
        QProcess p;
        p.setWorkingDirectory(dir);
        p.start(program, args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished(5000);
            *output = "timed out: " + p.readAllStandardError();
            return false;
        }
        *output = p.readAllStandardOutput();
        const QByteArray err = p.readAllStandardError();
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            *output += err;
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void uploadWithInterruption()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QSKIP("node is not installed");
        const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
        QVERIFY2(!npm.isEmpty(), "node is installed but npm is not");

        // The client is installed into the build tree from the pinned lock file.
        const QString work = QStringLiteral(KINORA_TUSJS_WORK_DIR);
        QVERIFY(QDir().mkpath(work));
        for (const char *name : {"package.json", "package-lock.json", "upload.mjs"}) {
            const QString target = QDir(work).filePath(QString::fromLatin1(name));
            QFile::remove(target);
            QVERIFY(QFile::copy(QStringLiteral(KINORA_TUSJS_SOURCE_DIR "/") + QString::fromLatin1(name), target));
        }
        QByteArray output;
        if (!QFile::exists(QDir(work).filePath(QStringLiteral("node_modules/tus-js-client/package.json"))))
            QVERIFY2(run(npm, {QStringLiteral("ci"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund")}, work, 240000, &output),
                     output.constData());

        QTemporaryDir dir;
        QString error;
        const QString clip = dir.filePath(QStringLiteral("clip.ts"));
        QVERIFY2(TestMedia::makeClip(clip, &error), qPrintable(error));
        const QString file = dir.filePath(QStringLiteral("upload.ts"));
        const qint64 size = 6 << 20;
        QVERIFY2(TestMedia::makePadded(clip, size, 31, file, &error), qPrintable(error));

        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_AUTH_KDF_OPS_LIMIT"), QStringLiteral("1"));
        env.insert(QStringLiteral("KINORA_AUTH_KDF_MEM_LIMIT_KIB"), QStringLiteral("64"));
        ServerProcess server(QStringList{}, env);
        QVERIFY2(server.start(&error), qPrintable(error));
        TestHttpClient http;
        const auto reg = http.postJson(server.url(QStringLiteral("/api/v1/auth/register")),
                                       QJsonObject{{QStringLiteral("username"), QStringLiteral("jsclient")},
                                                   {QStringLiteral("password"), QStringLiteral("password1")}});
        QCOMPARE(reg.status, 201);
        const QByteArray token = reg.json().value(QLatin1String("accessToken")).toString().toUtf8();

        QVERIFY2(run(node, {QDir(work).filePath(QStringLiteral("upload.mjs")), server.url(QStringLiteral("/api/v1/uploads/")).toString(),
                            QString::fromUtf8(token), file, QString::number(1 << 20), QString::number(5 << 19)},
                     work, 150000, &output),
                 output.constData());
        const QJsonObject result = QJsonDocument::fromJson(output.trimmed().split('\n').last()).object();
        const qint64 abortedAt = qint64(result.value(QLatin1String("abortedAt")).toDouble());
        const qint64 resumedFrom = qint64(result.value(QLatin1String("resumedFrom")).toDouble());
        QVERIFY2(abortedAt >= (5 << 19) && abortedAt < size, output.constData());
        QVERIFY2(resumedFrom >= abortedAt, output.constData()); // resumed, not started over
        QVERIFY2(result.value(QLatin1String("chunks")).toInt() >= 6, output.constData());

        const QUrl url(result.value(QLatin1String("url")).toString());
        const auto info = http.get(server.url(url.path()), token);
        QCOMPARE(info.status, 200);
        const QJsonObject upload = info.json().value(QLatin1String("upload")).toObject();
        QCOMPARE(upload.value(QLatin1String("state")).toString(), QStringLiteral("complete"));
        QCOMPARE(upload.value(QLatin1String("filename")).toString(), QStringLiteral("tusjs.ts"));
        const QString stored = QDir(server.dataDir()).filePath(QStringLiteral("uploads/") + url.path().section(QLatin1Char('/'), -1));
        QCOMPARE(TestMedia::sha256OfFile(stored), TestMedia::sha256OfFile(file));
        server.stop();
    }
};

QTEST_GUILESS_MAIN(tst_TusJsClient)
#include "tst_tusjsclient.moc"
