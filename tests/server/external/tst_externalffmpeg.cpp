#include "seededcatalog.h"

#include <QStandardPaths>
#include <QTest>

using namespace Kinora::Tests;

// The ffmpeg command-line tool, an independent HLS client, decodes every
// stream of every published demo video over HTTP without a single complaint.
class tst_ExternalFfmpeg : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesPublishedVideos()
    {
        const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
        QVERIFY2(!ffmpeg.isEmpty(), "ffmpeg (Debian package ffmpeg) is needed");
        ServerProcess server;
        QString error;
        QByteArray output;
        QVERIFY2(SeededCatalog::seed(server, {QStringLiteral("--videos"), QStringLiteral("2"), QStringLiteral("--seconds"), QStringLiteral("6")},
                                     &output, &error),
                 qPrintable(error));
        QVERIFY2(server.start(&error), qPrintable(error));
        TestHttpClient http;
        const QList<QJsonObject> videos = SeededCatalog::listedVideos(http, server, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(videos.size(), 2);

        for (const QJsonObject &video : videos) {
            const QString master = SeededCatalog::masterUrl(server, video.value(QLatin1String("id")).toString());
            // -map 0 takes both renditions and their audio; -progress reports the frames of the first video stream.
            const ToolRun run = ToolRun::run(ffmpeg, {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-nostdin"),
                                                      QStringLiteral("-nostats"), QStringLiteral("-progress"), QStringLiteral("pipe:1"),
                                                      QStringLiteral("-i"), master, QStringLiteral("-map"), QStringLiteral("0"),
                                                      QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")},
                                             60000);
            const QByteArray details = master.toUtf8() + ": " + run.describe();
            QVERIFY2(run.exitCode == 0, details.constData());
            QVERIFY2(run.err.isEmpty(), details.constData());
            int frames = -1;
            for (const QByteArray &line : run.out.split('\n')) {
                if (line.startsWith("frame="))
                    frames = line.mid(6).trimmed().toInt();
            }
            // 25 frames per second over the whole duration.
            const double seconds = video.value(QLatin1String("durationMs")).toDouble() / 1000.0;
            QVERIFY2(frames >= int(seconds * 25.0) - 2, details.constData());
            QVERIFY2(run.out.contains("progress=end"), details.constData());
        }
        server.stop();
    }
};

QTEST_GUILESS_MAIN(tst_ExternalFfmpeg)
#include "tst_externalffmpeg.moc"
