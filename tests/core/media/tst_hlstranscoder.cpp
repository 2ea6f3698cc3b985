#include "core/media/hlstranscoder.h"
#include "tests/core/media/mediafixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

extern "C" {
#include <libavutil/log.h>
}
#include <QThread>

#include <chrono>
#include <mutex>

using namespace Kinora::Core;
using Kinora::Tests::MediaFixture;

namespace {

struct Outcome
{
    bool ok = false;
    QString error;
    QStringList warnings;
    QList<TranscodeProgress> progress;
    qint64 maxGapMs = 0;           // longest time without a progress report, start and end included
    bool cancelled = false;
    qint64 msFromCancelToEnd = -1;
};

struct Variant
{
    QMap<QString, QString> attributes;
    QString uri;
};

QList<Variant> parseMaster(const QString &path)
{
    QFile file(path);
    QList<Variant> variants;
    if (!file.open(QIODevice::ReadOnly))
        return variants;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
    const QRegularExpression attribute(QStringLiteral("([A-Z-]+)=(\"[^\"]*\"|[^,]*)"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!lines[i].startsWith(QLatin1String("#EXT-X-STREAM-INF:")))
            continue;
        Variant variant;
        auto it = attribute.globalMatch(lines[i].mid(18));
        while (it.hasNext()) {
            const auto match = it.next();
            QString value = match.captured(2);
            if (value.startsWith(QLatin1Char('"')))
                value = value.mid(1, value.size() - 2);
            variant.attributes.insert(match.captured(1), value);
        }
        if (i + 1 < lines.size())
            variant.uri = lines[i + 1];
        variants.append(variant);
    }
    return variants;
}

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QStringList segmentFiles(const QString &playlist)
{
    QStringList files;
    for (const QString &line : readLines(playlist)) {
        if (!line.startsWith(QLatin1Char('#')))
            files << line;
    }
    return files;
}

QList<double> segmentDurations(const QString &playlist)
{
    QList<double> durations;
    for (const QString &line : readLines(playlist)) {
        if (line.startsWith(QLatin1String("#EXTINF:")))
            durations << line.mid(8).section(QLatin1Char(','), 0, 0).toDouble();
    }
    return durations;
}

// First video frame of a segment: whether it is a keyframe, and its time.
QJsonObject firstVideoFrame(const QString &segment)
{
    const QJsonObject probe = MediaFixture::ffprobe({QStringLiteral("-select_streams"), QStringLiteral("v:0"),
                                                     QStringLiteral("-show_frames"), QStringLiteral("-read_intervals"),
                                                     QStringLiteral("%+#1"), QStringLiteral("-show_entries"),
                                                     QStringLiteral("frame=key_frame,pict_type,pts_time"), segment});
    const QJsonArray frames = probe.value(QLatin1String("frames")).toArray();
    return frames.isEmpty() ? QJsonObject() : frames.first().toObject();
}

} // namespace

class TestHlsTranscoder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    QString generate(const QString &name, const QStringList &args)
    {
        const MediaFixture::Result result = MediaFixture::ffmpeg(args + QStringList{path(name)});
        if (!result.ok)
            qWarning("ffmpeg failed: %s", result.err.constData());
        return path(name);
    }

    // A noisy testsrc2 clip with a sine: realistic bitrates at a small size.
    QString noisyClip(const QString &name, const QString &size, int seconds, const QStringList &extra = {},
                      const QString &videoFilter = QStringLiteral("noise=alls=8:allf=t"))
    {
        return generate(name, QStringList{QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                          QStringLiteral("testsrc2=size=%1:rate=30:duration=%2").arg(size).arg(seconds),
                                          QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                          QStringLiteral("sine=frequency=440:sample_rate=48000:duration=%1").arg(seconds),
                                          QStringLiteral("-vf"), videoFilter, QStringLiteral("-c:v"), QStringLiteral("libx264"),
                                          QStringLiteral("-preset"), QStringLiteral("ultrafast"), QStringLiteral("-qp"),
                                          QStringLiteral("10"), QStringLiteral("-c:a"), QStringLiteral("aac")}
                                  + extra);
    }

    Outcome transcode(const QString &input, const QString &output, TranscodeSettings settings = {},
                      double cancelAtPercent = -1.0)
    {
        settings.preset = settings.preset.isEmpty() ? QStringLiteral("veryfast") : settings.preset;
        HlsTranscoder transcoder;
        transcoder.setInput(input);
        transcoder.setOutputDirectory(output);
        transcoder.setSettings(settings);
        Outcome outcome;
        std::mutex mutex;
        using Clock = std::chrono::steady_clock;
        Clock::time_point last = Clock::now();
        Clock::time_point cancelledAt;
        QObject::connect(
            &transcoder, &HlsTranscoder::progressed, &transcoder,
            [&](const TranscodeProgress &progress) {
                std::lock_guard lock(mutex);
                const auto now = Clock::now();
                outcome.maxGapMs = std::max<qint64>(
                    outcome.maxGapMs, std::chrono::duration_cast<std::chrono::milliseconds>(now - last).count());
                last = now;
                outcome.progress.append(progress);
                if (cancelAtPercent >= 0.0 && progress.percent >= cancelAtPercent && !transcoder.wasCancelled()) {
                    cancelledAt = now;
                    transcoder.cancel();
                }
            },
            Qt::DirectConnection);
        QObject::connect(
            &transcoder, &HlsTranscoder::warningRaised, &transcoder,
            [&](const QString &warning) {
                std::lock_guard lock(mutex);
                outcome.warnings.append(warning);
            },
            Qt::DirectConnection);
        std::unique_ptr<QThread> worker(QThread::create([&] { outcome.ok = transcoder.run(); }));
        worker->start();
        if (!worker->wait(QDeadlineTimer(240000))) {
            transcoder.cancel();
            worker->wait();
            outcome.error = QStringLiteral("timed out");
            return outcome;
        }
        const auto end = Clock::now();
        outcome.maxGapMs = std::max<qint64>(outcome.maxGapMs,
                                            std::chrono::duration_cast<std::chrono::milliseconds>(end - last).count());
        outcome.cancelled = transcoder.wasCancelled();
        if (outcome.cancelled)
            outcome.msFromCancelToEnd = std::chrono::duration_cast<std::chrono::milliseconds>(end - cancelledAt).count();
        if (!outcome.ok)
            outcome.error = transcoder.errorString();
        return outcome;
    }

    // Nothing but the inputs in the test folder: no output, no temporary folder left behind.
    void verifyNothingLeft(const QString &output)
    {
        QVERIFY2(!QFileInfo::exists(output), qPrintable(output));
        const QStringList partial = QDir(QFileInfo(output).absolutePath())
                                        .entryList({QStringLiteral(".*partial*")}, QDir::AllEntries | QDir::Hidden);
        QVERIFY2(partial.isEmpty(), qPrintable(partial.join(QLatin1Char(' '))));
    }

    void verifyRefused(const QString &input, const QString &expectedEnding)
    {
        const QString output = path(QStringLiteral("refused-out"));
        const Outcome outcome = transcode(input, output);
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.contains(input) && outcome.error.endsWith(expectedEnding), qPrintable(outcome.error));
        verifyNothingLeft(output);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        av_log_set_level(AV_LOG_ERROR);
        QVERIFY2(MediaFixture::run(QStringLiteral("ffmpeg"), {QStringLiteral("-version")}).ok, "ffmpeg CLI missing");
    }

    // The main case: 640x360 30 fps, 9 s, black for the first 3 s, 2 s segments, two renditions.
    void ladderIsCompleteAndAligned()
    {
        const QString source = noisyClip(QStringLiteral("main.mp4"), QStringLiteral("640x360"), 9, {},
                                         QStringLiteral("noise=alls=8:allf=t,drawbox=enable='lt(t,3)':color=black:t=fill"));
        const QString output = path(QStringLiteral("main-out"));
        TranscodeSettings settings;
        settings.ladder.segmentSeconds = 2.0;
        settings.ladder.heights = {360, 240};
        const Outcome outcome = transcode(source, output, settings);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));

        // Progress: regular reports, ending at 100 %.
        QVERIFY(outcome.progress.size() >= 3);
        QVERIFY2(outcome.maxGapMs <= 1000, qPrintable(QString::number(outcome.maxGapMs)));
        QCOMPARE(outcome.progress.last().percent, 100.0);
        const auto moving = std::find_if(outcome.progress.cbegin(), outcome.progress.cend(), [](const TranscodeProgress &p) {
            return p.percent > 0.0 && p.percent < 100.0 && p.fps > 0.0 && p.speed > 0.0 && p.etaSeconds >= 0.0;
        });
        QVERIFY(moving != outcome.progress.cend());
        for (int i = 1; i < outcome.progress.size(); ++i)
            QVERIFY(outcome.progress[i].percent >= outcome.progress[i - 1].percent);
        // Every rendition reports its own position once the encoders exist; the
        // overall figure is the slowest one.
        QCOMPARE(outcome.progress.last().renditions.size(), 2);
        for (const TranscodeProgress &p : outcome.progress) {
            if (p.renditions.isEmpty()) {
                QCOMPARE(p.percent, 0.0); // before the encoders opened
                continue;
            }
            QCOMPARE(p.renditions.size(), 2);
            QCOMPARE(p.renditions[0].name, QStringLiteral("360p"));
            QCOMPARE(p.renditions[1].name, QStringLiteral("240p"));
            QVERIFY(p.percent <= std::min(p.renditions[0].percent, p.renditions[1].percent) + 1e-9);
        }
        for (const RenditionProgress &rung : outcome.progress.last().renditions)
            QCOMPARE(rung.percent, 100.0);

        // Master playlist.
        const QStringList master = readLines(output + QStringLiteral("/master.m3u8"));
        QVERIFY(master.contains(QStringLiteral("#EXT-X-INDEPENDENT-SEGMENTS")));
        const QList<Variant> variants = parseMaster(output + QStringLiteral("/master.m3u8"));
        QCOMPARE(variants.size(), 2);
        const QList<QSize> expectedSizes{{640, 360}, {426, 240}};
        QList<QList<double>> boundaries;
        for (int v = 0; v < variants.size(); ++v) {
            const Variant &variant = variants[v];
            const QSize size = expectedSizes[v];
            QCOMPARE(variant.attributes.value(QStringLiteral("RESOLUTION")),
                     QStringLiteral("%1x%2").arg(size.width()).arg(size.height()));
            QCOMPARE(variant.attributes.value(QStringLiteral("FRAME-RATE")), QStringLiteral("30.000"));
            QVERIFY2(QRegularExpression(QStringLiteral("^avc1\\.64[0-9a-f]{4},mp4a\\.40\\.2$"))
                         .match(variant.attributes.value(QStringLiteral("CODECS")))
                         .hasMatch(),
                     qPrintable(variant.attributes.value(QStringLiteral("CODECS"))));
            const qint64 peak = variant.attributes.value(QStringLiteral("BANDWIDTH")).toLongLong();
            const qint64 average = variant.attributes.value(QStringLiteral("AVERAGE-BANDWIDTH")).toLongLong();
            QVERIFY(average > 50000);
            QVERIFY(peak >= average);

            // Media playlist.
            const QString playlist = output + QLatin1Char('/') + variant.uri;
            const QStringList lines = readLines(playlist);
            for (const char *tag : {"#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:2", "#EXT-X-PLAYLIST-TYPE:VOD",
                                    "#EXT-X-INDEPENDENT-SEGMENTS", "#EXT-X-ENDLIST"})
                QVERIFY2(lines.contains(QLatin1String(tag)), tag);
            const QStringList segments = segmentFiles(playlist);
            QCOMPARE(segments.size(), 5);
            QCOMPARE(segments.first(), QStringLiteral("seg_00000.ts"));
            QCOMPARE(segmentDurations(playlist), (QList<double>{2, 2, 2, 2, 1}));

            // The rendition as an independent decoder sees it.
            const QJsonObject stream = MediaFixture::streamInfo(playlist, QStringLiteral("v:0"), true);
            QCOMPARE(stream.value(QLatin1String("codec_name")).toString(), QStringLiteral("h264"));
            QCOMPARE(stream.value(QLatin1String("width")).toInt(), size.width());
            QCOMPARE(stream.value(QLatin1String("height")).toInt(), size.height());
            QCOMPARE(stream.value(QLatin1String("r_frame_rate")).toString(), QStringLiteral("30/1"));
            const int frames = stream.value(QLatin1String("nb_read_frames")).toString().toInt();
            QVERIFY2(std::abs(frames - 270) <= 1, qPrintable(QString::number(frames)));
            const QJsonObject audio = MediaFixture::streamInfo(playlist, QStringLiteral("a:0"));
            QCOMPARE(audio.value(QLatin1String("codec_name")).toString(), QStringLiteral("aac"));

            // Every segment starts with an IDR keyframe; record where.
            QList<double> starts;
            for (const QString &segment : segments) {
                const QJsonObject frame = firstVideoFrame(QFileInfo(playlist).absolutePath() + QLatin1Char('/') + segment);
                QCOMPARE(frame.value(QLatin1String("key_frame")).toInt(), 1);
                QCOMPARE(frame.value(QLatin1String("pict_type")).toString(), QStringLiteral("I"));
                starts << frame.value(QLatin1String("pts_time")).toString().toDouble();
            }
            for (int i = 1; i < starts.size(); ++i)
                QVERIFY(std::abs(starts[i] - starts[i - 1] - 2.0) < 0.001);
            boundaries << starts;

            // Quality against the source scaled to the same size: at least 0.84 (the source carries temporal
            // noise that no encoder keeps at these bitrates; a misaligned or mis-scaled picture scores far lower),
            // and no worse than the ffmpeg tool's own x264 at the same bitrate, preset and GOP.
            const int kbps = v == 0 ? 730 : 365;
            const QString reference = path(QStringLiteral("reference-%1.mp4").arg(size.height()));
            const MediaFixture::Result encoded = MediaFixture::ffmpeg(
                {QStringLiteral("-i"), source, QStringLiteral("-vf"), QStringLiteral("scale=%1:%2").arg(size.width()).arg(size.height()),
                 QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("veryfast"),
                 QStringLiteral("-b:v"), QStringLiteral("%1k").arg(kbps), QStringLiteral("-maxrate"), QStringLiteral("%1k").arg(kbps * 3 / 2),
                 QStringLiteral("-bufsize"), QStringLiteral("%1k").arg(kbps * 2), QStringLiteral("-g"), QStringLiteral("60"),
                 QStringLiteral("-sc_threshold"), QStringLiteral("0"), QStringLiteral("-an"), reference});
            QVERIFY2(encoded.ok, encoded.err.constData());
            const double ssim = MediaFixture::ssim(playlist, source, size.width(), size.height());
            const double ffmpegSsim = MediaFixture::ssim(reference, source, size.width(), size.height());
            qInfo("%s SSIM %.4f (ffmpeg at the same settings: %.4f)", qPrintable(variant.uri), ssim, ffmpegSsim);
            QVERIFY2(ssim >= 0.84, qPrintable(QString::number(ssim)));
            QVERIFY2(ssim >= ffmpegSsim - 0.01, qPrintable(QStringLiteral("%1 vs %2").arg(ssim).arg(ffmpegSsim)));
        }
        QCOMPARE(boundaries.at(0), boundaries.at(1));

        // The whole ladder decodes without a single error.
        const MediaFixture::Result decode = MediaFixture::run(
            QStringLiteral("ffmpeg"), {QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"), QStringLiteral("-v"),
                                       QStringLiteral("error"), QStringLiteral("-xerror"), QStringLiteral("-i"),
                                       output + QStringLiteral("/master.m3u8"), QStringLiteral("-map"), QStringLiteral("0"),
                                       QStringLiteral("-f"), QStringLiteral("null"), QStringLiteral("-")});
        QVERIFY2(decode.ok, decode.err.constData());
        QVERIFY2(decode.err.trimmed().isEmpty(), decode.err.constData());

        // Poster and thumbnails: JPEGs, and the poster is not one of the black opening frames.
        const QStringList thumbs = QDir(output + QStringLiteral("/thumbs")).entryList({QStringLiteral("*.jpg")});
        QCOMPARE(thumbs.size(), 6);
        QVERIFY(thumbs.contains(QStringLiteral("poster.jpg")));
        const QString poster = output + QStringLiteral("/thumbs/poster.jpg");
        QCOMPARE(MediaFixture::streamInfo(poster, QStringLiteral("v:0")).value(QLatin1String("codec_name")).toString(),
                 QStringLiteral("mjpeg"));
        const QJsonObject stats = MediaFixture::ffprobe(
            {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-show_entries"),
             QStringLiteral("frame_tags=lavfi.signalstats.YAVG"), QStringLiteral("movie=%1,signalstats").arg(poster)});
        const double luma = stats.value(QLatin1String("frames")).toArray().first().toObject().value(QLatin1String("tags"))
                                .toObject().value(QLatin1String("lavfi.signalstats.YAVG")).toString().toDouble();
        QVERIFY2(luma > 40.0, qPrintable(QString::number(luma)));

        // Storyboard: one tile every 2 s in sprite_0.jpg, indexed by WebVTT.
        const QStringList vtt = readLines(output + QStringLiteral("/storyboard/storyboard.vtt"));
        QVERIFY(!vtt.isEmpty());
        QCOMPARE(vtt.first(), QStringLiteral("WEBVTT"));
        QVERIFY(vtt.contains(QStringLiteral("00:00:00.000 --> 00:00:02.000")));
        QVERIFY(vtt.contains(QStringLiteral("sprite_0.jpg#xywh=0,0,160,90")));
        QVERIFY(vtt.contains(QStringLiteral("sprite_0.jpg#xywh=640,0,160,90")));
        QVERIFY(vtt.contains(QStringLiteral("00:00:08.000 --> 00:00:09.000")));
        const QJsonObject sprite = MediaFixture::streamInfo(output + QStringLiteral("/storyboard/sprite_0.jpg"), QStringLiteral("v:0"));
        QCOMPARE(sprite.value(QLatin1String("width")).toInt(), 1600);
        QCOMPARE(sprite.value(QLatin1String("height")).toInt(), 90);

        verifyNothingLeft(output + QStringLiteral("-never-created"));
    }

    void cancelHalfWayLeavesNothing()
    {
        const QString source = noisyClip(QStringLiteral("cancel.mp4"), QStringLiteral("640x360"), 20);
        const QString output = path(QStringLiteral("cancel-out"));
        TranscodeSettings settings;
        settings.ladder.heights = {360, 240};
        const Outcome outcome = transcode(source, output, settings, 40.0);
        QVERIFY(!outcome.ok);
        QVERIFY(outcome.cancelled);
        QCOMPARE(outcome.error, QStringLiteral("cancelled"));
        QVERIFY2(outcome.msFromCancelToEnd >= 0 && outcome.msFromCancelToEnd < 3000,
                 qPrintable(QString::number(outcome.msFromCancelToEnd)));
        QVERIFY(outcome.progress.last().percent < 90.0);
        verifyNothingLeft(output);
    }

    void replacesAnExistingFolder()
    {
        const QString source = noisyClip(QStringLiteral("replace.mp4"), QStringLiteral("320x180"), 2);
        const QString output = path(QStringLiteral("replace-out"));
        QVERIFY(QDir().mkpath(output + QStringLiteral("/stale")));
        TranscodeSettings settings;
        settings.encoderId = QStringLiteral("vaapi");   // no device here: a clean fallback to libx264
        const Outcome outcome = transcode(source, output, settings);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY2(outcome.warnings.join(QLatin1Char(' ')).contains(QLatin1String("using libx264")),
                 qPrintable(outcome.warnings.join(QLatin1Char(' '))));
        QVERIFY(QFileInfo::exists(output + QStringLiteral("/master.m3u8")));
        QVERIFY(!QFileInfo::exists(output + QStringLiteral("/stale")));
    }

    // MPEG-TS sources start at 1.4 s: the output keeps the source's length, with no frozen tail.
    void lateStartKeepsTheLength()
    {
        const QString source = generate(QStringLiteral("late.ts"),
                                        {QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                                         QStringLiteral("testsrc2=size=320x180:rate=30:duration=4"), QStringLiteral("-f"),
                                         QStringLiteral("lavfi"), QStringLiteral("-i"),
                                         QStringLiteral("sine=sample_rate=48000:duration=4"), QStringLiteral("-c:v"),
                                         QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("ultrafast"),
                                         QStringLiteral("-c:a"), QStringLiteral("aac")});
        QVERIFY(MediaFixture::streamInfo(source, QStringLiteral("v:0")).value(QLatin1String("start_time")).toString().toDouble() > 1.0);
        const QString output = path(QStringLiteral("late-out"));
        TranscodeSettings settings;
        settings.ladder.segmentSeconds = 2.0;
        const Outcome outcome = transcode(source, output, settings);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        const QString playlist = output + QStringLiteral("/180p/index.m3u8");
        const QJsonObject stream = MediaFixture::streamInfo(playlist, QStringLiteral("v:0"), true);
        QCOMPARE(stream.value(QLatin1String("nb_read_frames")).toString().toInt(), 120);
        QFile file(playlist);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count("#EXTINF:2.000000,"), 2);
    }

    void edgeInputs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expectedSizes");   // "WxH WxH ..." of the video renditions, empty: audio only
        QTest::addColumn<double>("seconds");

        const QString video = QStringLiteral("testsrc2=size=%1:rate=30:duration=%2");
        auto base = [&](const QString &size, int seconds) {
            return QStringList{QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), video.arg(size).arg(seconds)};
        };
        const QStringList x264{QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("ultrafast")};
        const QStringList sine{QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=sample_rate=48000:duration=3")};

        QTest::newRow("rotated 90") << QStringLiteral("rotated.mp4")
                                    << base(QStringLiteral("320x180"), 2) + x264
                                    << QStringLiteral("180x320") << 2.0;
        QTest::newRow("odd size") << QStringLiteral("odd.mp4") << base(QStringLiteral("639x359"), 2) + x264
                                  << QStringLiteral("638x358 428x240") << 2.0;
        QTest::newRow("anamorphic") << QStringLiteral("anamorphic.mp4")
                                    << base(QStringLiteral("480x360"), 2) + QStringList{QStringLiteral("-vf"), QStringLiteral("setsar=4/3")} + x264
                                    << QStringLiteral("640x360 426x240") << 2.0;
        QTest::newRow("10-bit HDR") << QStringLiteral("hdr.mkv")
                                    << base(QStringLiteral("320x180"), 2) + x264
                                           + QStringList{QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p10le"),
                                                         QStringLiteral("-color_trc"), QStringLiteral("smpte2084"),
                                                         QStringLiteral("-color_primaries"), QStringLiteral("bt2020"),
                                                         QStringLiteral("-colorspace"), QStringLiteral("bt2020nc")}
                                    << QStringLiteral("320x180") << 2.0;
        QTest::newRow("variable frame rate")
            << QStringLiteral("vfr.mp4")
            << base(QStringLiteral("320x180"), 3) + QStringList{QStringLiteral("-vf"), QStringLiteral("select='lt(t,1)+not(mod(n,3))'"),
                                                                QStringLiteral("-fps_mode"), QStringLiteral("vfr")} + x264
            << QStringLiteral("320x180") << 3.0;
        QTest::newRow("video only") << QStringLiteral("videoonly.mkv") << base(QStringLiteral("320x180"), 2) + x264
                                    << QStringLiteral("320x180") << 2.0;
        QTest::newRow("audio only") << QStringLiteral("audioonly.m4a")
                                    << sine + QStringList{QStringLiteral("-ac"), QStringLiteral("2"), QStringLiteral("-c:a"), QStringLiteral("aac")}
                                    << QString() << 3.0;
        QTest::newRow("two audio tracks")
            << QStringLiteral("twotracks.mkv")
            << base(QStringLiteral("320x180"), 2)
                   + QStringList{QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=sample_rate=44100:duration=2"),
                                 QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=sample_rate=48000:duration=2"),
                                 QStringLiteral("-map"), QStringLiteral("0"), QStringLiteral("-map"), QStringLiteral("1"),
                                 QStringLiteral("-map"), QStringLiteral("2"), QStringLiteral("-c:a"), QStringLiteral("aac"),
                                 QStringLiteral("-disposition:a:0"), QStringLiteral("0"), QStringLiteral("-disposition:a:1"),
                                 QStringLiteral("default")}
                   + x264
            << QStringLiteral("320x180") << 2.0;
        QTest::newRow("shorter than two segments")
            << QStringLiteral("short.mp4")
            << base(QStringLiteral("320x180"), 5)
                   + QStringList{QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=sample_rate=48000:duration=5")}
                   + x264
            << QStringLiteral("320x180") << 5.0;
    }

    void edgeInputs()
    {
        QFETCH(QString, name);
        QFETCH(QStringList, args);
        QFETCH(QString, expectedSizes);
        QFETCH(double, seconds);
        const QString source = generate(name, args);
        if (name.startsWith(QLatin1String("rotated")))
            QVERIFY(MediaFixture::rotateMp4(source, 90));
        // The source duration as ffprobe sees it (a VFR clip's last frame is shorter than nominal).
        const QJsonObject sourceProbe = MediaFixture::ffprobe({QStringLiteral("-show_streams"), QStringLiteral("-show_format"), source});
        double sourceSeconds = sourceProbe.value(QLatin1String("format")).toObject().value(QLatin1String("duration")).toString().toDouble();
        for (const QJsonValue &stream : sourceProbe.value(QLatin1String("streams")).toArray()) {
            const QJsonObject object = stream.toObject();
            if (object.value(QLatin1String("codec_type")).toString() == QLatin1String("video")
                && object.contains(QLatin1String("duration")))
                sourceSeconds = object.value(QLatin1String("duration")).toString().toDouble();
        }
        QVERIFY2(std::abs(sourceSeconds - seconds) < 0.1, qPrintable(QString::number(sourceSeconds)));
        const QString output = path(name + QStringLiteral("-out"));
        TranscodeSettings settings;
        settings.ladder.segmentSeconds = name.startsWith(QLatin1String("short")) ? 4.0 : 2.0;
        const Outcome outcome = transcode(source, output, settings);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        const QList<Variant> variants = parseMaster(output + QStringLiteral("/master.m3u8"));
        const QStringList sizes = expectedSizes.split(QLatin1Char(' '), Qt::SkipEmptyParts);

        if (sizes.isEmpty()) {   // audio only
            QCOMPARE(variants.size(), 1);
            QCOMPARE(variants.first().attributes.value(QStringLiteral("CODECS")), QStringLiteral("mp4a.40.2"));
            QVERIFY(!variants.first().attributes.contains(QStringLiteral("RESOLUTION")));
            const QString playlist = output + QLatin1Char('/') + variants.first().uri;
            QCOMPARE(segmentDurations(playlist).size(), 2);
            const QJsonObject audio = MediaFixture::streamInfo(playlist, QStringLiteral("a:0"));
            QCOMPARE(audio.value(QLatin1String("codec_name")).toString(), QStringLiteral("aac"));
            QVERIFY(MediaFixture::streamInfo(playlist, QStringLiteral("v")).isEmpty());
            QVERIFY(!QFileInfo::exists(output + QStringLiteral("/thumbs/poster.jpg")));
            return;
        }

        QCOMPARE(variants.size(), sizes.size());
        QList<QList<double>> boundaries;
        for (int v = 0; v < variants.size(); ++v) {
            const QString playlist = output + QLatin1Char('/') + variants[v].uri;
            QCOMPARE(variants[v].attributes.value(QStringLiteral("RESOLUTION")), sizes[v]);
            const QJsonObject stream = MediaFixture::streamInfo(playlist, QStringLiteral("v:0"), true);
            QCOMPARE(QStringLiteral("%1x%2").arg(stream.value(QLatin1String("width")).toInt())
                         .arg(stream.value(QLatin1String("height")).toInt()),
                     sizes[v]);
            QCOMPARE(stream.value(QLatin1String("pix_fmt")).toString(), QStringLiteral("yuv420p"));
            QCOMPARE(stream.value(QLatin1String("profile")).toString(), QStringLiteral("High"));
            const QString sar = stream.value(QLatin1String("sample_aspect_ratio")).toString();
            QVERIFY2(sar.isEmpty() || sar == QLatin1String("1:1") || sar == QLatin1String("0:1"), qPrintable(sar));
            // Constant output rate, and the duration of the source within one frame.
            const QString rate = stream.value(QLatin1String("r_frame_rate")).toString();
            QCOMPARE(stream.value(QLatin1String("avg_frame_rate")).toString(), rate);
            const double fps = rate.section(QLatin1Char('/'), 0, 0).toDouble() / rate.section(QLatin1Char('/'), 1, 1).toDouble();
            const int frames = stream.value(QLatin1String("nb_read_frames")).toString().toInt();
            QVERIFY2(std::abs(frames / fps - sourceSeconds) <= 1.0 / fps + 1e-6,
                     qPrintable(QStringLiteral("%1 frames at %2 fps").arg(frames).arg(fps)));
            QList<double> starts;
            for (const QString &segment : segmentFiles(playlist)) {
                const QJsonObject frame = firstVideoFrame(QFileInfo(playlist).absolutePath() + QLatin1Char('/') + segment);
                QCOMPARE(frame.value(QLatin1String("key_frame")).toInt(), 1);
                starts << frame.value(QLatin1String("pts_time")).toString().toDouble();
            }
            boundaries << starts;
            const QString codecs = variants[v].attributes.value(QStringLiteral("CODECS"));
            const QJsonObject audio = MediaFixture::streamInfo(playlist, QStringLiteral("a:0"));
            if (name.startsWith(QLatin1String("videoonly")) || name.startsWith(QLatin1String("rotated"))
                || name.startsWith(QLatin1String("odd")) || name.startsWith(QLatin1String("anamorphic"))
                || name.startsWith(QLatin1String("hdr")) || name.startsWith(QLatin1String("vfr"))) {
                QVERIFY(!codecs.contains(QLatin1String("mp4a")));
                QVERIFY(audio.isEmpty());
            } else {
                QVERIFY(codecs.endsWith(QLatin1String(",mp4a.40.2")));
                QCOMPARE(audio.value(QLatin1String("codec_name")).toString(), QStringLiteral("aac"));
            }
            if (name.startsWith(QLatin1String("twotracks")))   // the default track is 48 kHz, the other 44.1 kHz
                QCOMPARE(audio.value(QLatin1String("sample_rate")).toString(), QStringLiteral("48000"));
            if (name.startsWith(QLatin1String("short"))) {
                QCOMPARE(segmentDurations(playlist), (QList<double>{4, 1}));
                QVERIFY(readLines(playlist).contains(QStringLiteral("#EXT-X-TARGETDURATION:4")));
            }
        }
        for (const QList<double> &starts : std::as_const(boundaries))
            QCOMPARE(starts, boundaries.first());
        if (name.startsWith(QLatin1String("hdr")))
            QVERIFY(outcome.warnings.join(QLatin1Char(' ')).contains(QLatin1String("tone-mapped")));
        if (name.startsWith(QLatin1String("vfr")))
            QVERIFY(outcome.warnings.join(QLatin1Char(' ')).contains(QLatin1String("constant")));
        QVERIFY(QFileInfo::exists(output + QStringLiteral("/thumbs/poster.jpg")));
        QVERIFY(QFileInfo::exists(output + QStringLiteral("/storyboard/storyboard.vtt")));
    }

    void corruptMiddleIsSkipped()
    {
        const QString source = noisyClip(QStringLiteral("corrupt-src.ts"), QStringLiteral("320x180"), 4,
                                         {QStringLiteral("-f"), QStringLiteral("mpegts")});
        QFile file(source);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 size = file.size();
        QVERIFY(size > 100000);
        QRandomGenerator generator(7);
        QByteArray damage(8192, Qt::Uninitialized);
        for (char &byte : damage)
            byte = char(generator.bounded(256));
        file.seek(size / 2);
        file.write(damage);
        file.close();
        const QString output = path(QStringLiteral("corrupt-out"));
        const Outcome outcome = transcode(source, output);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY(!outcome.warnings.isEmpty());
        qInfo("first warning: %s", qPrintable(outcome.warnings.first()));
        const QJsonObject stream = MediaFixture::streamInfo(output + QStringLiteral("/180p/index.m3u8"), QStringLiteral("v:0"), true);
        QVERIFY(stream.value(QLatin1String("nb_read_frames")).toString().toInt() >= 100);
    }

    void refusedInputs()
    {
        const QString garbage = path(QStringLiteral("garbage.mov"));
        {
            QFile file(garbage);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QRandomGenerator generator(1);
            QByteArray bytes(32 * 1024, Qt::Uninitialized);
            for (char &byte : bytes)
                byte = char(generator.bounded(256));
            file.write(bytes);
        }
        verifyRefused(garbage, QStringLiteral("not a media file"));

        const QString empty = path(QStringLiteral("empty.mp4"));
        {
            QFile file(empty);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        verifyRefused(empty, QStringLiteral("empty file"));

        const QString full = noisyClip(QStringLiteral("full.mp4"), QStringLiteral("320x180"), 2);
        const QString truncated = path(QStringLiteral("truncated.mp4"));
        {
            QFile in(full);
            QVERIFY(in.open(QIODevice::ReadOnly));
            QFile out(truncated);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(in.read(in.size() / 2));
        }
        verifyRefused(truncated, QStringLiteral("truncated: the index (moov) is missing"));

        const QString huge = path(QStringLiteral("huge.y4m"));
        {
            QFile file(huge);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("YUV4MPEG2 W4096 H65536 F25:1 Ip A1:1 C420jpeg\nFRAME\n");
            file.write(QByteArray(1024, '\x10'));
        }
        verifyRefused(huge, QStringLiteral("4096x65536 exceeds the 8192x8192 limit"));
    }
};

QTEST_GUILESS_MAIN(TestHlsTranscoder)
#include "tst_hlstranscoder.moc"
