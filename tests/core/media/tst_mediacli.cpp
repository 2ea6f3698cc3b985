#include "tests/core/media/mediafixture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using Kinora::Tests::MediaFixture;

// The probe and transcode subcommands of the real kinora-server binary.
class TestMediaCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_clip;

    static MediaFixture::Result server(const QStringList &args)
    {
        return MediaFixture::run(QStringLiteral(KINORA_SERVER_BINARY), args, 120000);
    }

    // The work folders of transcodes to output, as they are named next to it.
    static QStringList partialFolders(const QString &output)
    {
        const QFileInfo info(output);
        return QDir(info.absolutePath())
            .entryList({QLatin1Char('.') + info.fileName() + QStringLiteral(".partial-*")}, QDir::Dirs | QDir::Hidden);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_clip = m_dir.filePath(QStringLiteral("clip.mp4"));
        const auto result = MediaFixture::ffmpeg(
            {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("testsrc2=size=320x180:rate=25:duration=3"),
             QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=sample_rate=48000:duration=3"),
             QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("ultrafast"),
             QStringLiteral("-c:a"), QStringLiteral("aac"), m_clip});
        QVERIFY2(result.ok, result.err.constData());
    }

    void probeJson()
    {
        const auto result = server({QStringLiteral("probe"), m_clip, QStringLiteral("--json")});
        QVERIFY2(result.ok, result.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QVERIFY(std::abs(json.value(QLatin1String("durationSeconds")).toDouble() - 3.0) < 0.1);
        const QJsonObject video = json.value(QLatin1String("video")).toArray().first().toObject();
        QCOMPARE(video.value(QLatin1String("width")).toInt(), 320);
        QCOMPARE(video.value(QLatin1String("frameRate")).toDouble(), 25.0);
        QCOMPARE(json.value(QLatin1String("audio")).toArray().first().toObject().value(QLatin1String("sampleRate")).toInt(), 48000);
    }

    void probeErrorIsOneLine()
    {
        const QString empty = m_dir.filePath(QStringLiteral("empty.mp4"));
        QFile file(empty);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        const auto result = server({QStringLiteral("probe"), empty});
        QVERIFY(!result.ok);
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.err, QByteArray("kinora-server probe: ") + QFile::encodeName(empty) + ": empty file\n");
    }

    void transcode()
    {
        const QString out = m_dir.filePath(QStringLiteral("ladder"));
        const auto result = server({QStringLiteral("transcode"), m_clip, out, QStringLiteral("--segment-seconds"),
                                    QStringLiteral("2"), QStringLiteral("--preset"), QStringLiteral("ultrafast"),
                                    QStringLiteral("--json")});
        QVERIFY2(result.ok, result.err.constData());
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/master.m3u8")));
        QVERIFY(result.err.contains("\"percent\":100"));
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        const QJsonArray variants = json.value(QLatin1String("variants")).toArray();
        QCOMPARE(variants.size(), 1);
        QCOMPARE(variants.first().toObject().value(QLatin1String("segments")).toInt(), 2);
        QCOMPARE(json.value(QLatin1String("segmentSeconds")).toDouble(), 2.0);
    }

    void transcodeUsageAndFailure()
    {
        auto result = server({QStringLiteral("transcode"), m_clip});
        QCOMPARE(result.exitCode, 2);
        result = server({QStringLiteral("transcode"), m_clip, m_dir.filePath(QStringLiteral("x")),
                         QStringLiteral("--ladder"), QStringLiteral("tall")});
        QCOMPARE(result.exitCode, 2);
        const QString garbage = m_dir.filePath(QStringLiteral("garbage.bin"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'k'));
        file.close();
        const QString out = m_dir.filePath(QStringLiteral("never"));
        result = server({QStringLiteral("transcode"), garbage, out});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.endsWith(": not a media file\n"), result.err.constData());
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY(!QFileInfo::exists(out));
    }

    void transcodeAfterKillLeavesNoPartialFolder()
    {
        const QString clip = m_dir.filePath(QStringLiteral("long.mp4"));
        auto made = MediaFixture::ffmpeg(
            {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("testsrc2=size=640x360:rate=30:duration=20"),
             QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=sample_rate=48000:duration=20"),
             QStringLiteral("-vf"), QStringLiteral("noise=alls=8:allf=t"), QStringLiteral("-c:v"), QStringLiteral("libx264"),
             QStringLiteral("-preset"), QStringLiteral("ultrafast"), QStringLiteral("-qp"), QStringLiteral("10"),
             QStringLiteral("-c:a"), QStringLiteral("aac"), clip});
        QVERIFY2(made.ok, made.err.constData());
        const QString out = m_dir.filePath(QStringLiteral("killed"));
        const QStringList args{QStringLiteral("transcode"), clip, out, QStringLiteral("--ladder"), QStringLiteral("360"),
                               QStringLiteral("--segment-seconds"), QStringLiteral("2"), QStringLiteral("--preset"),
                               QStringLiteral("veryfast"), QStringLiteral("--json")};

        QProcess first;
        first.start(QStringLiteral(KINORA_SERVER_BINARY), args);
        QVERIFY(first.waitForStarted());
        // Kill it while it encodes: once it reports progress above 0 %.
        const QRegularExpression percent(QStringLiteral("\"percent\":([0-9.]+)"));
        QByteArray progress;
        bool encoding = false;
        QDeadlineTimer deadline(60000);
        while (!encoding && first.state() == QProcess::Running && !deadline.hasExpired()) {
            first.waitForReadyRead(100);
            progress += first.readAllStandardError();
            for (const QRegularExpressionMatch &match : percent.globalMatch(QString::fromUtf8(progress)))
                encoding = encoding || (match.captured(1).toDouble() > 0.0 && match.captured(1).toDouble() < 90.0);
        }
        QVERIFY2(encoding, progress.constData());
        const QStringList leftBehind = partialFolders(out);
        QCOMPARE(leftBehind.size(), 1);
        first.kill();   // SIGKILL: no chance to clean up
        QVERIFY(first.waitForFinished());
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        QCOMPARE(partialFolders(out), leftBehind);
        QVERIFY(!QFileInfo::exists(out));

        const auto result = server(args);
        QVERIFY2(result.ok, result.err.constData());
        QVERIFY2(partialFolders(out).isEmpty(), qPrintable(partialFolders(out).join(QLatin1Char(' '))));
        QVERIFY(result.err.contains("warning: Removed 1 work folder(s) left by an interrupted transcode."));
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/master.m3u8")));
        const QString playlist = out + QStringLiteral("/360p/index.m3u8");
        QFile file(playlist);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.endsWith("#EXT-X-ENDLIST\n"));
        QCOMPARE(text.count("#EXTINF:"), 10);
        const QJsonObject video = MediaFixture::streamInfo(playlist, QStringLiteral("v:0"), true);
        const int frames = video.value(QLatin1String("nb_read_frames")).toString().toInt();
        QVERIFY2(std::abs(frames - 600) <= 1, qPrintable(QString::number(frames)));
        QVERIFY(!QFileInfo::exists(out + QStringLiteral("/.owner")));   // the lock file is not published
    }
};

QTEST_GUILESS_MAIN(TestMediaCli)
#include "tst_mediacli.moc"
