#include "tests/core/media/mediafixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
};

QTEST_GUILESS_MAIN(TestMediaCli)
#include "tst_mediacli.moc"
