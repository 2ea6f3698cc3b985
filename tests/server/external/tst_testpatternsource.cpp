#include "core/media/iointerrupt.h"
#include "core/media/mediaprobe.h"
#include "core/media/testpatternsource.h"
#include "core/media/testpatternwriter.h"

#include <QTemporaryDir>
#include <QTest>

extern "C" {
#include <libavutil/log.h>
}

using namespace Kinora::Core;

// The generated source behind seed-demo (and the live test input): frame
// counts, sizes, formats and timestamps of both streams, endless mode, and
// the file written from it as the transcoder sees it.
class tst_TestPatternSource : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        av_log_set_level(AV_LOG_ERROR);   // libx264's statistics would bury the test log
    }

    void finitePatternHasExactFrames_data()
    {
        QTest::addColumn<int>("pattern");
        QTest::newRow("testsrc2") << int(TestPatternSpec::Pattern::TestSrc2);
        QTest::newRow("smptebars") << int(TestPatternSpec::Pattern::SmpteBars);
        QTest::newRow("life") << int(TestPatternSpec::Pattern::Life);
        QTest::newRow("cellauto") << int(TestPatternSpec::Pattern::CellAuto);
    }

    void finitePatternHasExactFrames()
    {
        QFETCH(int, pattern);
        TestPatternSpec spec;
        spec.pattern = TestPatternSpec::Pattern(pattern);
        spec.width = 320;
        spec.height = 180;
        spec.frameRate = AVRational{30, 1};
        spec.durationSeconds = 2.0;
        spec.label = QStringLiteral("Label: 100% {x}");   // characters a filter graph would choke on
        spec.audioFrameSamples = 1024;
        TestPatternSource source(spec);
        QVERIFY2(source.open(), qPrintable(source.errorString()));

        int videoFrames = 0;
        qint64 audioSamples = 0;
        int64_t lastVideoPts = -1;
        double lastSeconds = -1.0;
        QVERIFY2(source.generate([&](const AVFrame *frame, AVMediaType type) {
            const AVRational base = type == AVMEDIA_TYPE_VIDEO ? source.videoTimeBase() : source.audioTimeBase();
            const double seconds = frame->pts * av_q2d(base);
            if (seconds + 0.05 < lastSeconds)   // interleaved in presentation order
                return false;
            lastSeconds = seconds;
            if (type == AVMEDIA_TYPE_VIDEO) {
                if (frame->width != 320 || frame->height != 180 || frame->format != AV_PIX_FMT_YUV420P || frame->pts <= lastVideoPts)
                    return false;
                lastVideoPts = frame->pts;
                ++videoFrames;
            } else {
                if (frame->format != AV_SAMPLE_FMT_FLTP || frame->ch_layout.nb_channels != 2 || frame->sample_rate != 48000
                    || frame->nb_samples > 1024)
                    return false;
                audioSamples += frame->nb_samples;
            }
            return true;
        }), qPrintable(source.errorString()));
        QCOMPARE(videoFrames, 60);
        QCOMPARE(audioSamples, qint64(96000));
        QVERIFY(source.errorString().isEmpty());
        QVERIFY(!source.readVideoFrame());   // ended, and stays so
    }

    void endlessPatternKeepsGoing()
    {
        TestPatternSpec spec;
        spec.width = 160;
        spec.height = 90;
        spec.durationSeconds = 0.0;
        spec.channels = 1;
        TestPatternSource source(spec);
        QVERIFY2(source.open(), qPrintable(source.errorString()));
        int64_t pts = -1;
        for (int i = 0; i < 300; ++i) {   // 12 s at 25 fps
            FramePtr frame = source.readVideoFrame();
            QVERIFY2(frame, qPrintable(source.errorString()));
            QVERIFY(frame->pts > pts);
            pts = frame->pts;
        }
        QCOMPARE(pts * av_q2d(source.videoTimeBase()), 299 / 25.0);
        FramePtr audio = source.readAudioFrame();
        QVERIFY(audio);
        QCOMPARE(audio->ch_layout.nb_channels, 1);
    }

    void refusesUnusableSpecs()
    {
        TestPatternSpec odd;
        odd.width = 321;
        QVERIFY(!TestPatternSource(odd).open());
        TestPatternSpec noRate;
        noRate.frameRate = AVRational{0, 1};
        TestPatternSource source(noRate);
        QVERIFY(!source.open());
        QVERIFY(!source.errorString().isEmpty());
        TestPatternSpec live;
        live.durationSeconds = 0.0;
        TestPatternWriter endless(live);
        QVERIFY(!endless.write(QStringLiteral("/nonexistent/never.mp4")));
        QVERIFY(endless.errorString().contains(QStringLiteral("duration")));
    }

    void writtenFileProbes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("mp4") << QStringLiteral("pattern.mp4");
        QTest::newRow("mpegts") << QStringLiteral("pattern.ts");
    }

    void writtenFileProbes()
    {
        QFETCH(QString, name);
        QTemporaryDir dir;
        TestPatternSpec spec;
        spec.pattern = TestPatternSpec::Pattern::Gradients;
        spec.width = 320;
        spec.height = 180;
        spec.durationSeconds = 3.0;
        spec.label = QStringLiteral("Probe me");
        TestPatternWriter writer(spec);
        const QString path = dir.filePath(name);
        QVERIFY2(writer.write(path), qPrintable(writer.errorString()));

        MediaProbe probe;
        IoInterrupt interrupt;
        auto format = probe.open(path, &interrupt);
        QVERIFY2(format, qPrintable(probe.errorString()));
        const auto info = probe.describe(format.get(), path);
        QVERIFY2(info, qPrintable(probe.errorString()));
        QVERIFY2(qAbs(info->durationSeconds - 3.0) < 0.15, qPrintable(QString::number(info->durationSeconds)));
        QCOMPARE(info->videoStreams.size(), 1);
        QCOMPARE(info->audioStreams.size(), 1);
        QCOMPARE(info->video().codec, QStringLiteral("h264"));
        QCOMPARE(info->video().width, 320);
        QCOMPARE(info->video().height, 180);
        QCOMPARE(info->audio().codec, QStringLiteral("aac"));
        QCOMPARE(info->audio().channels, 2);
    }
};

QTEST_GUILESS_MAIN(tst_TestPatternSource)
#include "tst_testpatternsource.moc"
