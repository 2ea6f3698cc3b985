#include "seededcatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Kinora::Tests;

// kinora-server seed-demo fills an empty server with the demo creator and
// public, ready videos whose HLS ladders are served and readable by ffprobe;
// running it again adds nothing that exists.
class tst_SeedDemo : public QObject
{
    Q_OBJECT

private:
    // ffprobe's streams of one rung, as {codec_type: stream}.
    static QHash<QString, QJsonObject> probe(const QString &url, QByteArray *details)
    {
        const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
        const ToolRun run = ToolRun::run(ffprobe, {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-show_entries"),
                                                   QStringLiteral("stream=codec_type,codec_name,width,height"),
                                                   QStringLiteral("-of"), QStringLiteral("json"), url},
                                         30000);
        *details = url.toUtf8() + ": " + run.describe();
        QHash<QString, QJsonObject> streams;
        if (run.exitCode != 0 || !run.err.isEmpty())
            return streams;
        for (const QJsonValue &stream : QJsonDocument::fromJson(run.out).object().value(QLatin1String("streams")).toArray())
            streams.insert(stream.toObject().value(QLatin1String("codec_type")).toString(), stream.toObject());
        return streams;
    }

private Q_SLOTS:
    void refusesBadArguments()
    {
        ServerProcess server;
        QByteArray output;
        for (const QStringList &args : {QStringList{QStringLiteral("--videos"), QStringLiteral("0")},
                                        QStringList{QStringLiteral("--seconds"), QStringLiteral("1")},
                                        QStringList{QStringLiteral("--ladder"), QStringLiteral("360,abc")},
                                        QStringList{QStringLiteral("--videos")},
                                        QStringList{QStringLiteral("--bogus"), QStringLiteral("1")}}) {
            QCOMPARE(server.runCommand(QStringList{QStringLiteral("seed-demo")} + args, {}, &output), 2);
            QVERIFY2(output.contains("kinora-server seed-demo:"), output.constData());
        }
        QCOMPARE(server.runCommand({QStringLiteral("seed-demo"), QStringLiteral("--password"), QStringLiteral("short")}, {}, &output), 4);
        QCOMPARE(server.runCommand({QStringLiteral("seed-demo"), QStringLiteral("--help")}, {}, &output), 0);
        QVERIFY(output.contains("--videos"));
    }

    void leavesAViewerNamedDemoAlone()
    {
        ServerProcess server;
        QByteArray output;
        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("create-user"), QStringLiteral("demo"),
                                    QStringLiteral("--role"), QStringLiteral("viewer")},
                                   "a-long-password\n", &output),
                 0);
        QCOMPARE(server.runCommand({QStringLiteral("seed-demo"), QStringLiteral("--videos"), QStringLiteral("1")}, {}, &output), 3);
        QVERIFY2(output.contains("role viewer"), output.constData());
        QCOMPARE(server.runCommand({QStringLiteral("admin"), QStringLiteral("list-users")}, {}, &output), 0);
        QVERIFY2(output.contains("viewer"), output.constData());
    }

    void seedsOnceAndServesTheLadders()
    {
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ffprobe")).isEmpty(), "ffprobe (Debian package ffmpeg) is needed");
        ServerProcess server;
        QString error;
        QByteArray output;
        const QStringList args{QStringLiteral("--videos"), QStringLiteral("3"), QStringLiteral("--seconds"), QStringLiteral("4")};
        QVERIFY2(SeededCatalog::seed(server, args, &output, &error), qPrintable(error));
        const QRegularExpressionMatch password =
            QRegularExpression(QStringLiteral("account demo \\(id \\d+\\); sign in with the password (\\S+) ")).match(QString::fromUtf8(output));
        QVERIFY2(password.hasMatch(), output.constData());
        QVERIFY2(output.contains("3 new, 0 existing"), output.constData());
        QVERIFY2(server.start(&error), qPrintable(error));

        TestHttpClient http;
        const QList<QJsonObject> videos = SeededCatalog::listedVideos(http, server, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(videos.size(), 3);
        QSet<QString> ids;
        QSet<QString> titles;
        QSet<QString> categories;
        QSet<qint64> durations;
        QSet<QString> owners;
        for (const QJsonObject &video : videos) {
            const QByteArray json = QJsonDocument(video).toJson(QJsonDocument::Compact);
            QCOMPARE(video.value(QLatin1String("state")).toString(), QStringLiteral("ready"));
            QCOMPARE(video.value(QLatin1String("visibility")).toString(), QStringLiteral("public"));
            QCOMPARE(video.value(QLatin1String("channel")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Kinora Demo"));
            QVERIFY2(!video.value(QLatin1String("description")).toString().isEmpty(), json.constData());
            QVERIFY2(!video.value(QLatin1String("tags")).toArray().isEmpty(), json.constData());
            QVERIFY2(!video.value(QLatin1String("publishedAt")).toString().isEmpty(), json.constData());
            const qint64 durationMs = video.value(QLatin1String("durationMs")).toInteger();
            QVERIFY2(durationMs >= 2000 && durationMs <= 8000, json.constData());
            ids.insert(video.value(QLatin1String("id")).toString());
            titles.insert(video.value(QLatin1String("title")).toString());
            categories.insert(video.value(QLatin1String("category")).toString());
            durations.insert(durationMs);
            owners.insert(video.value(QLatin1String("ownerId")).toString());
        }
        QCOMPARE(titles.size(), 3);
        QCOMPARE(owners.size(), 1);
        QVERIFY(categories.size() >= 2);
        QVERIFY(durations.size() >= 2);

        // The account works with the password printed once, and owns exactly these videos.
        const auto login = http.postJson(server.url(QStringLiteral("/api/v1/auth/login")),
                                         QJsonObject{{QStringLiteral("username"), QStringLiteral("demo")},
                                                     {QStringLiteral("password"), password.captured(1)}});
        QCOMPARE(login.status, 200);
        const QJsonObject user = login.json().value(QLatin1String("user")).toObject();
        QCOMPARE(user.value(QLatin1String("role")).toString(), QStringLiteral("creator"));
        QCOMPARE(user.value(QLatin1String("id")).toString(), *owners.cbegin());
        const QByteArray token = login.json().value(QLatin1String("accessToken")).toString().toUtf8();
        const auto own = http.get(server.url(QStringLiteral("/api/v1/users/me/videos?limit=100")), token);
        QCOMPARE(own.status, 200);
        QCOMPARE(own.json().value(QLatin1String("items")).toArray().size(), 3);

        for (const QString &id : std::as_const(ids)) {
            const QString master = SeededCatalog::masterUrl(server, id);
            const auto reply = http.get(QUrl(master));
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.header("Content-Type"), QByteArray("application/vnd.apple.mpegurl"));
            QVERIFY2(reply.body.startsWith("#EXTM3U"), reply.body.constData());
            QCOMPARE(reply.body.count("#EXT-X-STREAM-INF"), 2);
            QVERIFY2(reply.body.contains("\n360p/index.m3u8") && reply.body.contains("\n240p/index.m3u8"), reply.body.constData());
            QCOMPARE(http.get(server.url(QStringLiteral("/media/videos/%1/thumbs/poster.jpg").arg(id))).status, 200);

            for (const char *rung : {"360p", "240p"}) {
                QByteArray details;
                const auto streams = probe(master.section(QLatin1Char('/'), 0, -2) + QLatin1Char('/') + QLatin1String(rung)
                                               + QStringLiteral("/index.m3u8"),
                                           &details);
                QVERIFY2(streams.contains(QStringLiteral("video")) && streams.contains(QStringLiteral("audio")), details.constData());
                const QJsonObject video = streams.value(QStringLiteral("video"));
                QCOMPARE(video.value(QLatin1String("codec_name")).toString(), QStringLiteral("h264"));
                QCOMPARE(video.value(QLatin1String("height")).toInt(), QByteArray(rung).chopped(1).toInt());
                QCOMPARE(streams.value(QStringLiteral("audio")).value(QLatin1String("codec_name")).toString(), QStringLiteral("aac"));
            }
        }

        // Again, with the server running: nothing is added, the password is not shown again.
        QVERIFY2(SeededCatalog::seed(server, args, &output, &error), qPrintable(error));
        QVERIFY2(output.contains("0 new, 3 existing"), output.constData());
        QVERIFY2(!output.contains("with the password"), output.constData());
        QList<QJsonObject> again = SeededCatalog::listedVideos(http, server, &error);
        QCOMPARE(again.size(), 3);
        for (const QJsonObject &video : std::as_const(again))
            QVERIFY(ids.contains(video.value(QLatin1String("id")).toString()));

        // More videos asked for: only the missing one is made.
        QVERIFY2(SeededCatalog::seed(server, {QStringLiteral("--videos"), QStringLiteral("4"), QStringLiteral("--seconds"), QStringLiteral("4")},
                                     &output, &error),
                 qPrintable(error));
        QVERIFY2(output.contains("1 new, 3 existing"), output.constData());
        again = SeededCatalog::listedVideos(http, server, &error);
        QCOMPARE(again.size(), 4);
        server.stop();
    }
};

QTEST_GUILESS_MAIN(tst_SeedDemo)
#include "tst_seeddemo.moc"
