#include "seededcatalog.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Kinora::Tests;

// hls.js, the player of most web sites, plays a demo video from the real
// server in headless Chromium: a page from another origin (CORS), every
// level forced in turn, and playback past ten seconds without a fatal error.
class tst_HlsJs : public QObject
{
    Q_OBJECT

private:
    // hls.js and puppeteer-core, installed into the build tree from the pinned lock file.
    static bool install(const QString &npm, const QString &work, QByteArray *details)
    {
        if (!QDir().mkpath(work)) {
            *details = "cannot create " + QFile::encodeName(work);
            return false;
        }
        for (const char *name : {"package.json", "package-lock.json", "play.mjs"}) {
            const QString target = QDir(work).filePath(QString::fromLatin1(name));
            QFile::remove(target);
            if (!QFile::copy(QStringLiteral(KINORA_HLSJS_SOURCE_DIR "/") + QString::fromLatin1(name), target)) {
                *details = "cannot copy " + QByteArray(name);
                return false;
            }
        }
        // Installed again whenever the lock file changed since the last install.
        QFile lock(QDir(work).filePath(QStringLiteral("package-lock.json")));
        QFile installed(QDir(work).filePath(QStringLiteral("node_modules/.kinora-installed-lock")));
        if (lock.open(QIODevice::ReadOnly) && installed.open(QIODevice::ReadOnly) && lock.readAll() == installed.readAll())
            return true;
        installed.close();
        const ToolRun run = ToolRun::run(npm, {QStringLiteral("ci"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund")}, 90000, work);
        if (run.exitCode != 0) {
            *details = "npm ci: " + run.describe();
            return false;
        }
        QFile::remove(installed.fileName());
        return QFile::copy(lock.fileName(), installed.fileName());
    }

private Q_SLOTS:
    void playsEveryLevel()
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty())
            QSKIP("node is not installed (Debian package nodejs)");
        const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
        QVERIFY2(!npm.isEmpty(), "node is installed but npm is not");
        QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        if (chromium.isEmpty())
            chromium = QStandardPaths::findExecutable(QStringLiteral("chromium-browser"));
        if (chromium.isEmpty())
            QSKIP("chromium is not installed (Debian package chromium)");

        const QString work = QStringLiteral(KINORA_HLSJS_WORK_DIR);
        QByteArray details;
        QVERIFY2(install(npm, work, &details), details.constData());

        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_HTTP_CORS_ORIGINS"), QStringLiteral("*"));
        ServerProcess server({}, env);
        QString error;
        QByteArray output;
        QVERIFY2(SeededCatalog::seed(server, {QStringLiteral("--videos"), QStringLiteral("1"), QStringLiteral("--seconds"), QStringLiteral("14")},
                                     &output, &error),
                 qPrintable(error));
        QVERIFY2(server.start(&error), qPrintable(error));
        TestHttpClient http;
        const QList<QJsonObject> videos = SeededCatalog::listedVideos(http, server, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(videos.size(), 1);
        const QString master = SeededCatalog::masterUrl(server, videos.constFirst().value(QLatin1String("id")).toString());

        const ToolRun run = ToolRun::run(node, {QDir(work).filePath(QStringLiteral("play.mjs")), chromium, master, QStringLiteral("10")},
                                         130000, work);
        details = run.describe();
        const QJsonObject result = QJsonDocument::fromJson(run.out.trimmed().split('\n').constLast()).object();
        QVERIFY2(!result.isEmpty(), details.constData());
        QVERIFY2(result.value(QLatin1String("failure")).isNull(), details.constData());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(result.value(QLatin1String("mse")).toBool(), details.constData());
        QVERIFY2(result.value(QLatin1String("fatal")).toArray().isEmpty(), details.constData());

        // Both rungs announced, each switched to and fed with at least one fragment.
        const QJsonArray levels = result.value(QLatin1String("levels")).toArray();
        QCOMPARE(levels.size(), 2);
        QSet<int> heights;
        for (const QJsonValue &level : levels)
            heights.insert(level.toObject().value(QLatin1String("height")).toInt());
        QCOMPARE(heights, (QSet<int>{360, 240}));
        QSet<int> switched;
        for (const QJsonValue &entry : result.value(QLatin1String("switched")).toArray())
            switched.insert(entry.toObject().value(QLatin1String("level")).toInt());
        const QJsonObject fragments = result.value(QLatin1String("fragments")).toObject();
        for (int level = 0; level < levels.size(); ++level) {
            QVERIFY2(switched.contains(level), details.constData());
            QVERIFY2(!fragments.value(QString::number(level)).toArray().isEmpty(), details.constData());
        }
        QVERIFY2(result.value(QLatin1String("currentTime")).toDouble() >= 10.0, details.constData());
        server.stop();
    }
};

QTEST_GUILESS_MAIN(tst_HlsJs)
#include "tst_hlsjs.moc"
