#include "core/media/mediaprobe.h"
#include "tests/core/media/mediafixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

extern "C" {
#include <libavutil/log.h>
}

using namespace Kinora::Core;
using Kinora::Tests::MediaFixture;

class TestMediaProbe : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A small clip: 320x240 testsrc2 at 25 fps plus a sine, 2 s, with extra ffmpeg arguments.
    QString make(const QString &name, const QStringList &extra, bool audio = true)
    {
        QStringList args{QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                         QStringLiteral("testsrc2=size=320x240:rate=25:duration=2")};
        if (audio)
            args << QStringLiteral("-f") << QStringLiteral("lavfi") << QStringLiteral("-i")
                 << QStringLiteral("sine=frequency=440:sample_rate=48000:duration=2");
        args << extra << path(name);
        const MediaFixture::Result result = MediaFixture::ffmpeg(args);
        if (!result.ok)
            qWarning("ffmpeg failed: %s", result.err.constData());
        return path(name);
    }

    std::optional<MediaInfo> probe(const QString &file, const MediaLimits &limits = {})
    {
        MediaProbe probe(limits);
        QElapsedTimer timer;
        timer.start();
        const auto info = probe.probe(file);
        m_lastError = probe.errorString();
        m_lastMs = timer.elapsed();
        return info;
    }

    QString m_lastError;
    qint64 m_lastMs = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        av_log_set_level(AV_LOG_ERROR);
        QVERIFY2(MediaFixture::run(QStringLiteral("ffmpeg"), {QStringLiteral("-version")}).ok, "ffmpeg CLI missing");
    }

    void plainMp4()
    {
        const QString file = make(QStringLiteral("plain.mp4"),
                                  {QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                                   QStringLiteral("ultrafast"), QStringLiteral("-c:a"), QStringLiteral("aac")});
        const auto info = probe(file);
        QVERIFY2(info, qPrintable(m_lastError));
        QVERIFY(info->container.contains(QLatin1String("mp4")));
        QVERIFY(std::abs(info->durationSeconds - 2.0) < 0.1);
        QVERIFY(info->hasVideo() && info->hasAudio());
        const VideoStreamInfo &video = info->video();
        QCOMPARE(video.codec, QStringLiteral("h264"));
        QCOMPARE(video.width, 320);
        QCOMPARE(video.height, 240);
        QCOMPARE(video.pixelFormat, QStringLiteral("yuv420p"));
        QCOMPARE(video.bitDepth, 8);
        QCOMPARE(video.frameRate(), 25.0);
        QVERIFY(!video.variableFrameRate);
        QCOMPARE(video.rotation, 0);
        QCOMPARE(video.sarNum, video.sarDen);
        QVERIFY(!video.hdr);
        const AudioStreamInfo &audio = info->audio();
        QCOMPARE(audio.codec, QStringLiteral("aac"));
        QCOMPARE(audio.sampleRate, 48000);
        QCOMPARE(audio.channels, 1);
        QCOMPARE(audio.layout, QStringLiteral("mono"));
    }

    void rotated()
    {
        const QString file = make(QStringLiteral("rotated.mp4"),
                                  {QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                                   QStringLiteral("ultrafast")},
                                  false);
        QVERIFY(MediaFixture::rotateMp4(file, 90));
        const auto info = probe(file);
        QVERIFY2(info, qPrintable(m_lastError));
        QCOMPARE(info->video().rotation, 90);
        QCOMPARE(info->video().displayWidth(), 240);
        QCOMPARE(info->video().displayHeight(), 320);
    }

    void tenBitHdr()
    {
        const QString file = make(QStringLiteral("hdr10.mkv"),
                                  {QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                                   QStringLiteral("ultrafast"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p10le"),
                                   QStringLiteral("-color_trc"), QStringLiteral("smpte2084"), QStringLiteral("-color_primaries"),
                                   QStringLiteral("bt2020"), QStringLiteral("-colorspace"), QStringLiteral("bt2020nc")},
                                  false);
        const auto info = probe(file);
        QVERIFY2(info, qPrintable(m_lastError));
        QCOMPARE(info->video().bitDepth, 10);
        QCOMPARE(info->video().pixelFormat, QStringLiteral("yuv420p10le"));
        QCOMPARE(info->video().transfer, QStringLiteral("smpte2084"));
        QVERIFY(info->video().hdr);
    }

    void anamorphic()
    {
        const QString file = make(QStringLiteral("anamorphic.mp4"),
                                  {QStringLiteral("-vf"), QStringLiteral("setsar=4/3"), QStringLiteral("-c:v"),
                                   QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("ultrafast")},
                                  false);
        const auto info = probe(file);
        QVERIFY2(info, qPrintable(m_lastError));
        QCOMPARE(info->video().sarNum, 4);
        QCOMPARE(info->video().sarDen, 3);
        QCOMPARE(info->video().displayWidth(), 427);
        QCOMPARE(info->video().displayHeight(), 240);
    }

    void variableFrameRate()
    {
        // 30 fps for the first second, then 10 fps.
        const QString file = path(QStringLiteral("vfr.mp4"));
        const auto result = MediaFixture::ffmpeg(
            {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("testsrc2=size=320x240:rate=30:duration=3"),
             QStringLiteral("-vf"), QStringLiteral("select='lt(t,1)+not(mod(n,3))'"), QStringLiteral("-fps_mode"),
             QStringLiteral("vfr"), QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
             QStringLiteral("ultrafast"), file});
        QVERIFY2(result.ok, result.err.constData());
        const auto info = probe(file);
        QVERIFY2(info, qPrintable(m_lastError));
        QVERIFY(info->video().variableFrameRate);
        QVERIFY(info->video().frameRate() < 29.0);
    }

    void audioOnlyAndVideoOnly()
    {
        const QString audio = path(QStringLiteral("audio.m4a"));
        QVERIFY(MediaFixture::ffmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                      QStringLiteral("sine=sample_rate=44100:duration=2"), QStringLiteral("-ac"),
                                      QStringLiteral("2"), QStringLiteral("-c:a"), QStringLiteral("aac"), audio})
                    .ok);
        auto info = probe(audio);
        QVERIFY2(info, qPrintable(m_lastError));
        QVERIFY(!info->hasVideo());
        QVERIFY(info->hasAudio());
        QCOMPARE(info->audio().sampleRate, 44100);
        QCOMPARE(info->audio().layout, QStringLiteral("stereo"));

        const QString video = make(QStringLiteral("video.mkv"), {QStringLiteral("-c:v"), QStringLiteral("libx264"),
                                                                  QStringLiteral("-preset"), QStringLiteral("ultrafast")},
                                   false);
        info = probe(video);
        QVERIFY2(info, qPrintable(m_lastError));
        QVERIFY(info->hasVideo());
        QVERIFY(!info->hasAudio());
    }

    void twoAudioTracksPicksDefault()
    {
        const QString file = path(QStringLiteral("twotracks.mkv"));
        const auto result = MediaFixture::ffmpeg(
            {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("testsrc2=size=160x120:rate=25:duration=1"),
             QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=sample_rate=44100:duration=1"),
             QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=sample_rate=48000:duration=1"),
             QStringLiteral("-map"), QStringLiteral("0"), QStringLiteral("-map"), QStringLiteral("1"), QStringLiteral("-map"),
             QStringLiteral("2"), QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
             QStringLiteral("ultrafast"), QStringLiteral("-c:a"), QStringLiteral("aac"), QStringLiteral("-metadata:s:a:1"),
             QStringLiteral("language=fra"), QStringLiteral("-disposition:a:0"), QStringLiteral("0"),
             QStringLiteral("-disposition:a:1"), QStringLiteral("default"), file});
        QVERIFY2(result.ok, result.err.constData());
        const auto info = probe(file);
        QVERIFY2(info, qPrintable(m_lastError));
        QCOMPARE(info->audioStreams.size(), 2);
        QCOMPARE(info->audio().index, 2);
        QCOMPARE(info->audio().sampleRate, 48000);
        QCOMPARE(info->audio().language, QStringLiteral("fra"));

        MediaLimits limits;
        limits.maxStreams = 2;
        QVERIFY(!probe(file, limits));
        QVERIFY2(m_lastError.contains(QLatin1String("3 streams exceed the limit of 2")), qPrintable(m_lastError));
    }

    void durationLimit()
    {
        const QString file = make(QStringLiteral("long.mkv"), {QStringLiteral("-c:v"), QStringLiteral("libx264"),
                                                                QStringLiteral("-preset"), QStringLiteral("ultrafast")},
                                  false);
        MediaLimits limits;
        limits.maxDurationSeconds = 1.0;
        QVERIFY(!probe(file, limits));
        QVERIFY2(m_lastError.contains(QLatin1String("exceeds the limit of 1 s")), qPrintable(m_lastError));
    }

    void garbage()
    {
        const QString file = path(QStringLiteral("garbage.mp4"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QByteArray noise(64 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(42);
        for (char &byte : noise)
            byte = char(generator.bounded(256));
        out.write(noise);
        out.close();
        QVERIFY(!probe(file));
        QVERIFY2(m_lastError.contains(file) && m_lastError.endsWith(QLatin1String("not a media file")),
                 qPrintable(m_lastError));
    }

    void emptyFile()
    {
        const QString file = path(QStringLiteral("empty.mp4"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.close();
        QVERIFY(!probe(file));
        QCOMPARE(m_lastError, file + QStringLiteral(": empty file"));
    }

    void missingFile()
    {
        QVERIFY(!probe(path(QStringLiteral("nothing-here.mp4"))));
        QVERIFY(m_lastError.endsWith(QLatin1String("no such file")));
    }

    void truncatedMp4()
    {
        // moov at the end (no faststart): cutting the file in half loses the index.
        const QString full = make(QStringLiteral("full.mp4"), {QStringLiteral("-c:v"), QStringLiteral("libx264"),
                                                                QStringLiteral("-preset"), QStringLiteral("ultrafast"),
                                                                QStringLiteral("-c:a"), QStringLiteral("aac")});
        QFile in(full);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray data = in.readAll();
        QVERIFY(data.size() > 1000);
        const QString file = path(QStringLiteral("truncated.mp4"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(data.left(data.size() / 2));
        out.close();
        QVERIFY(!probe(file));
        QVERIFY2(m_lastError.endsWith(QLatin1String("truncated: the index (moov) is missing")), qPrintable(m_lastError));
    }

    void hugeDimensionsAreRefused()
    {
        // A raw YUV4MPEG2 header claiming 4096x65536 with a few bytes of "picture".
        const QString file = path(QStringLiteral("huge.y4m"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("YUV4MPEG2 W4096 H65536 F25:1 Ip A1:1 C420jpeg\nFRAME\n");
        out.write(QByteArray(4096, '\x80'));
        out.close();
        QVERIFY(!probe(file));
        QVERIFY2(m_lastError.endsWith(QLatin1String("4096x65536 exceeds the 8192x8192 limit")), qPrintable(m_lastError));
        QVERIFY(m_lastMs < 5000);

        MediaLimits generous;
        generous.maxWidth = 4096;
        generous.maxHeight = 4096;
        QVERIFY(!probe(file, generous));
        QVERIFY2(m_lastError.endsWith(QLatin1String("4096x65536 exceeds the 4096x4096 limit")), qPrintable(m_lastError));
    }

    void slowProbeGivesUp()
    {
        // Opening and analysing an H.264 file takes well over a millisecond: the deadline must stop it.
        const QString file = path(QStringLiteral("plain.mp4"));
        QVERIFY(QFileInfo::exists(file));
        MediaLimits limits;
        limits.probeTimeoutMs = 1;
        QVERIFY(!probe(file, limits));
        QVERIFY2(m_lastError.contains(QLatin1String("gave up")), qPrintable(m_lastError));
    }

    void directoryIsRefused()
    {
        QVERIFY(!probe(m_dir.path()));
        QVERIFY(m_lastError.endsWith(QLatin1String("not a readable file")));
    }
};

QTEST_GUILESS_MAIN(TestMediaProbe)
#include "tst_mediaprobe.moc"
