#include "core/media/ladderplanner.h"

#include <QTest>

using namespace Kinora::Core;

namespace {

MediaInfo videoInput(int width, int height, int rateNum = 30, int rateDen = 1, bool withAudio = true)
{
    MediaInfo info;
    info.path = QStringLiteral("input.mp4");
    info.durationSeconds = 60.0;
    VideoStreamInfo video;
    video.index = 0;
    video.codec = QStringLiteral("h264");
    video.width = width;
    video.height = height;
    video.pixelFormat = QStringLiteral("yuv420p");
    video.frameRateNum = rateNum;
    video.frameRateDen = rateDen;
    info.videoStreams.append(video);
    info.primaryVideo = 0;
    if (withAudio) {
        AudioStreamInfo audio;
        audio.index = 1;
        audio.codec = QStringLiteral("aac");
        audio.sampleRate = 48000;
        audio.channels = 2;
        audio.layout = QStringLiteral("stereo");
        info.audioStreams.append(audio);
        info.primaryAudio = 0;
    }
    return info;
}

QList<QSize> sizes(const LadderPlan &plan)
{
    QList<QSize> result;
    for (const Rendition &rendition : plan.renditions)
        result.append(QSize(rendition.width, rendition.height));
    return result;
}

} // namespace

class TestLadderPlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullHdLadder()
    {
        LadderPlanner planner;
        const auto plan = planner.plan(videoInput(1920, 1080));
        QVERIFY2(plan, qPrintable(planner.errorString()));
        QCOMPARE(sizes(*plan), (QList<QSize>{{1920, 1080}, {1280, 720}, {854, 480}, {640, 360}, {426, 240}}));
        QCOMPARE(plan->renditions.first().name, QStringLiteral("1080p"));
        QCOMPARE(plan->renditions.first().videoKbps, 6000);
        QCOMPARE(plan->renditions.at(1).videoKbps, 3000);
        QVERIFY(plan->renditions.first().maxrateKbps > plan->renditions.first().videoKbps);
        QCOMPARE(plan->frameRateNum, 30);
        QCOMPARE(plan->segmentFrames, 120);
        QCOMPARE(plan->segmentSeconds, 4.0);
        QVERIFY(plan->hasAudio);
        for (const Rendition &rendition : plan->renditions)
            QVERIFY(rendition.hasAudio && rendition.hasVideo);
        QVERIFY(plan->notes.isEmpty());
    }

    void neverUpscales()
    {
        LadderPlanner planner;
        const auto plan = planner.plan(videoInput(1280, 720));
        QVERIFY(plan);
        QCOMPARE(plan->renditions.first().height, 720);
        for (const Rendition &rendition : plan->renditions)
            QVERIFY(rendition.width <= 1280 && rendition.height <= 720);
    }

    void uhdGetsTopRung()
    {
        LadderPlanner planner;
        const auto plan = planner.plan(videoInput(3840, 2160));
        QVERIFY(plan);
        QCOMPARE(plan->renditions.first().name, QStringLiteral("2160p"));
        QCOMPARE(plan->renditions.size(), 7);
    }

    void rotationMakesPortrait()
    {
        MediaInfo info = videoInput(1920, 1080);
        info.videoStreams[0].rotation = 90;
        LadderPlanner planner;
        const auto plan = planner.plan(info);
        QVERIFY(plan);
        QCOMPARE(plan->rotation, 90);
        QCOMPARE(sizes(*plan).first(), QSize(1080, 1920));
        QCOMPARE(sizes(*plan).at(1), QSize(720, 1280));
        QVERIFY(!plan->notes.isEmpty());
    }

    void anamorphicKeepsDisplayAspect()
    {
        MediaInfo info = videoInput(480, 360);
        info.videoStreams[0].sarNum = 4;
        info.videoStreams[0].sarDen = 3;
        LadderPlanner planner;
        const auto plan = planner.plan(info);
        QVERIFY(plan);
        QCOMPARE(plan->displayWidth, 640);
        QCOMPARE(sizes(*plan).first(), QSize(640, 360));
        QCOMPARE(sizes(*plan).at(1), QSize(426, 240));
    }

    void oddSizeGivesEvenDimensions()
    {
        LadderPlanner planner;
        const auto plan = planner.plan(videoInput(639, 359));
        QVERIFY(plan);
        // 359 lines is just below 360p: that rung is kept at the source size, not upscaled.
        QCOMPARE(sizes(*plan), (QList<QSize>{{638, 358}, {428, 240}}));
        for (const Rendition &rendition : plan->renditions)
            QVERIFY(rendition.width % 2 == 0 && rendition.height % 2 == 0);
        QVERIFY(plan->renditions.first().videoKbps < 730);
    }

    void tinySourceGetsOneRendition()
    {
        LadderPlanner planner;
        const auto plan = planner.plan(videoInput(161, 121));
        QVERIFY(plan);
        QCOMPARE(sizes(*plan), (QList<QSize>{{160, 120}}));
    }

    void frameRates_data()
    {
        QTest::addColumn<int>("num");
        QTest::addColumn<int>("den");
        QTest::addColumn<bool>("variable");
        QTest::addColumn<double>("expected");
        QTest::newRow("24000/1001") << 24000 << 1001 << false << 24000.0 / 1001;
        QTest::newRow("25") << 25 << 1 << false << 25.0;
        QTest::newRow("60 kept") << 60 << 1 << false << 60.0;
        QTest::newRow("120 halved") << 120 << 1 << false << 60.0;
        QTest::newRow("100 halved") << 100 << 1 << false << 50.0;
        QTest::newRow("240 capped") << 240 << 1 << false << 60.0;
        QTest::newRow("vfr 22.5 to 23.976") << 45 << 2 << true << 24000.0 / 1001;
        QTest::newRow("vfr 29.6 to 29.97") << 296 << 10 << true << 30000.0 / 1001;
        QTest::newRow("unknown") << 0 << 1 << false << 25.0;
    }

    void frameRates()
    {
        QFETCH(int, num);
        QFETCH(int, den);
        QFETCH(bool, variable);
        QFETCH(double, expected);
        MediaInfo info = videoInput(1280, 720, num, den);
        info.videoStreams[0].variableFrameRate = variable;
        LadderPlanner planner;
        const auto plan = planner.plan(info);
        QVERIFY(plan);
        QVERIFY2(std::abs(plan->frameRate() - expected) < 1e-6, qPrintable(QString::number(plan->frameRate())));
        QVERIFY(plan->frameRate() <= 60.0);
        QCOMPARE(plan->segmentFrames, int(std::lround(4.0 * expected)));
        if (variable || expected != double(num) / den)
            QVERIFY(!plan->notes.isEmpty());
    }

    void highFrameRateRaisesBitrate()
    {
        LadderPlanner planner;
        const auto plan30 = planner.plan(videoInput(1280, 720, 30));
        const auto plan60 = planner.plan(videoInput(1280, 720, 60));
        QVERIFY(plan30 && plan60);
        QCOMPARE(plan60->renditions.first().videoKbps, plan30->renditions.first().videoKbps * 3 / 2);
    }

    void tenBitAndHdrAreConverted()
    {
        MediaInfo info = videoInput(1920, 1080);
        info.videoStreams[0].pixelFormat = QStringLiteral("yuv420p10le");
        info.videoStreams[0].bitDepth = 10;
        info.videoStreams[0].transfer = QStringLiteral("smpte2084");
        info.videoStreams[0].hdr = true;
        LadderPlanner planner;
        const auto plan = planner.plan(info);
        QVERIFY(plan);
        QVERIFY(plan->convertPixelFormat);
        QVERIFY(plan->toneMap);
        QVERIFY(plan->notes.join(QLatin1Char(' ')).contains(QLatin1String("8-bit yuv420p")));
        QVERIFY(plan->notes.join(QLatin1Char(' ')).contains(QLatin1String("HDR")));

        MediaInfo odd = videoInput(640, 480);
        odd.videoStreams[0].pixelFormat = QStringLiteral("yuv422p");
        QVERIFY(planner.plan(odd)->convertPixelFormat);
        QVERIFY(!planner.plan(videoInput(640, 480))->convertPixelFormat);
    }

    void audioOnly()
    {
        MediaInfo info = videoInput(640, 480);
        info.videoStreams.clear();
        info.primaryVideo = -1;
        LadderPlanner planner;
        const auto plan = planner.plan(info);
        QVERIFY(plan);
        QVERIFY(!plan->hasVideo);
        QCOMPARE(plan->renditions.size(), 1);
        QCOMPARE(plan->renditions.first().name, QStringLiteral("audio"));
        QVERIFY(!plan->renditions.first().hasVideo);
        QVERIFY(plan->renditions.first().hasAudio);
    }

    void videoOnly()
    {
        LadderPlanner planner;
        const auto plan = planner.plan(videoInput(640, 360, 30, 1, false));
        QVERIFY(plan);
        QVERIFY(!plan->hasAudio);
        QCOMPARE(plan->audioStream, -1);
        for (const Rendition &rendition : plan->renditions)
            QVERIFY(!rendition.hasAudio);
    }

    void defaultAudioTrackIsUsed()
    {
        MediaInfo info = videoInput(640, 360);
        AudioStreamInfo second = info.audioStreams.first();
        second.index = 2;
        second.channels = 6;
        second.layout = QStringLiteral("5.1");
        second.sampleRate = 96000;
        second.isDefault = true;
        info.audioStreams.append(second);
        info.primaryAudio = 1;   // MediaProbe picks the default track
        LadderPlanner planner;
        const auto plan = planner.plan(info);
        QVERIFY(plan);
        QCOMPARE(plan->audioStream, 2);
        QCOMPARE(plan->audioChannels, 2);
        QCOMPARE(plan->audioSampleRate, 48000);
        QCOMPARE(plan->audioKbps, 128);
        QVERIFY(plan->notes.join(QLatin1Char(' ')).contains(QLatin1String("stereo")));
    }

    void selectedHeightsOnly()
    {
        LadderSettings settings;
        settings.heights = {720, 360};
        LadderPlanner planner(settings);
        const auto plan = planner.plan(videoInput(1920, 1080));
        QVERIFY(plan);
        QCOMPARE(sizes(*plan), (QList<QSize>{{1280, 720}, {640, 360}}));

        settings.heights = {1000};
        LadderPlanner unknown(settings);
        QVERIFY(!unknown.plan(videoInput(1920, 1080)));
        QVERIFY(unknown.errorString().contains(QLatin1String("1000p")));
    }

    void segmentDurationFollowsFrames()
    {
        LadderSettings settings;
        settings.segmentSeconds = 2.0;
        LadderPlanner planner(settings);
        const auto plan = planner.plan(videoInput(1280, 720, 30000, 1001));
        QVERIFY(plan);
        QCOMPARE(plan->segmentFrames, 60);
        QVERIFY(std::abs(plan->segmentSeconds - 60 * 1001.0 / 30000) < 1e-9);

        settings.segmentSeconds = 0.1;
        LadderPlanner invalid(settings);
        QVERIFY(!invalid.plan(videoInput(1280, 720)));
    }

    void nothingToPlan()
    {
        MediaInfo info;
        info.path = QStringLiteral("x.bin");
        LadderPlanner planner;
        QVERIFY(!planner.plan(info));
        QVERIFY(planner.errorString().contains(QLatin1String("no video or audio stream")));
    }
};

QTEST_GUILESS_MAIN(TestLadderPlanner)
#include "tst_ladderplanner.moc"
