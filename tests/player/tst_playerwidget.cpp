// The player widget offscreen, on real playback (libmpv vo=null, ao=null, a
// two-rung ladder from the ffmpeg CLI over local HTTP): keyboard shortcuts
// change volume, mute, speed, seek target, stats; the quality menu locks a
// rung the engine then uses; the store remembers volume and position; the
// reporter hears open, start-up, heartbeats and close.
#include "localhttpserver.h"
#include "testladder.h"

#include "player/abr/abrregistry.h"
#include "player/hls/hlssession.h"
#include "player/mpv/mpvhlsplayer.h"
#include "player/ui/miniplayerwindow.h"
#include "player/ui/playbackreporter.h"
#include "player/ui/playbackstatestore.h"
#include "player/ui/playerwidget.h"

#include <QFile>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Kinora::Player;

class RecordingReporter : public PlaybackReporter
{
public:
    QStringList opened;
    QList<double> startups;
    QList<PlaybackHeartbeat> beats;
    QList<PlaybackHeartbeat> closed;

    void openSession(const QString &videoId) override { opened.append(videoId); }
    void reportStartup(double seconds) override { startups.append(seconds); }
    void heartbeat(const PlaybackHeartbeat &beat) override { beats.append(beat); }
    void closeSession(const PlaybackHeartbeat &last) override { closed.append(last); }
};

class TestPlayerWidget : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    LocalHttpServer m_server;

    QUrl masterUrl() const { return QUrl(m_server.baseUrl() + QStringLiteral("/master.m3u8")); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty(), "ffmpeg CLI needed");
        QString error;
        QVERIFY2(TestLadder::encode(m_dir.path(), {QStringLiteral("r0"), QStringLiteral("256x144"), 200}, 12, 2, &error),
                 qPrintable(error));
        QVERIFY2(TestLadder::encode(m_dir.path(), {QStringLiteral("r1"), QStringLiteral("426x240"), 600}, 12, 2, &error),
                 qPrintable(error));
        QFile master(m_dir.filePath(QStringLiteral("master.m3u8")));
        QVERIFY(master.open(QIODevice::WriteOnly));
        master.write("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=300000,RESOLUTION=256x144\nr0/index.m3u8\n"
                     "#EXT-X-STREAM-INF:BANDWIDTH=700000,RESOLUTION=426x240\nr1/index.m3u8\n");
        master.close();
        m_server.setRoot(m_dir.path());
        QVERIFY(m_server.listen());
    }

    void shortcutsQualityStoreAndReporting()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("player.ini")), QSettings::IniFormat);
        PlaybackStateStore store(&settings);
        store.setVolume(60);
        RecordingReporter reporter;
        QNetworkAccessManager network;
        MpvHlsPlayer player(&network, AbrRegistry::defaultId());
        QVERIFY2(player.initialize({{"vo", "null"}, {"ao", "null"}}), qPrintable(player.errorString()));
        QList<int> rungs;
        connect(&player.session(), &HlsSession::segmentReady, this,
                [&](int, int rung, const QByteArray &) { rungs.append(rung); });
        {
            PlayerWidget widget(&player, &store, &reporter, PlayerWidget::VideoOutput::None);
            widget.setHeartbeatInterval(300);
            widget.resize(640, 400);
            widget.show();
            QCOMPARE(widget.volume(), 60); // remembered
            widget.play(masterUrl(), QStringLiteral("video-1"));
            QTRY_VERIFY_WITH_TIMEOUT(player.position() > 0.5, 30000);
            QCOMPARE(reporter.opened, QStringList{QStringLiteral("video-1")});
            QTRY_COMPARE_WITH_TIMEOUT(reporter.startups.size(), 1, 5000);
            QVERIFY(reporter.startups.first() > 0.0 && reporter.startups.first() < 20.0);

            QTest::keyClick(&widget, Qt::Key_Up);
            QCOMPARE(widget.volume(), 65);
            QTest::keyClick(&widget, Qt::Key_Down);
            QTest::keyClick(&widget, Qt::Key_Down);
            QCOMPARE(widget.volume(), 55);
            QCOMPARE(store.volume(), 55);
            QTest::keyClick(&widget, Qt::Key_M);
            QVERIFY(widget.isMuted());
            QTest::keyClick(&widget, Qt::Key_M);
            QVERIFY(!widget.isMuted());
            QTest::keyClick(&widget, Qt::Key_Greater);
            QCOMPARE(widget.speed(), 1.25);
            QTest::keyClick(&widget, Qt::Key_Less);
            QTest::keyClick(&widget, Qt::Key_Less);
            QCOMPARE(widget.speed(), 0.75);
            QTest::keyClick(&widget, Qt::Key_Greater);
            QCOMPARE(widget.speed(), 1.0);

            QTest::keyClick(&widget, Qt::Key_5); // 50 % of 12 s
            QCOMPARE(widget.lastSeekTarget(), 6.0);
            QTRY_VERIFY_WITH_TIMEOUT(player.position() >= 6.0 && player.position() < 8.0, 15000);
            const double before = player.position();
            QTest::keyClick(&widget, Qt::Key_J);
            QVERIFY(std::abs(widget.lastSeekTarget() - std::max(0.0, before - 10.0)) < 0.5);
            QTest::keyClick(&widget, Qt::Key_L);
            QTest::keyClick(&widget, Qt::Key_Right);
            QVERIFY(widget.lastSeekTarget() > 4.0);
            QTest::keyClick(&widget, Qt::Key_0);
            QCOMPARE(widget.lastSeekTarget(), 0.0);
            QTest::keyClick(&widget, Qt::Key_K);
            QVERIFY(widget.isPaused());
            QTest::keyClick(&widget, Qt::Key_Space);
            QVERIFY(!widget.isPaused());

            QTest::keyClick(&widget, Qt::Key_I);
            QVERIFY(widget.isStatsVisible());
            QVERIFY(widget.statsText().contains(QStringLiteral("Buffer")));
            QTest::keyClick(&widget, Qt::Key_I);
            QVERIFY(!widget.isStatsVisible());

            // Lock the lowest rung through the quality menu: its last entry.
            QToolButton *quality = nullptr;
            for (QToolButton *button : widget.findChildren<QToolButton *>()) {
                if (button->menu() && button->menu()->actions().size() == 3)
                    quality = button;
            }
            QVERIFY(quality);
            QVERIFY(quality->text().startsWith(QStringLiteral("Auto")));
            quality->menu()->actions().last()->trigger();
            QCOMPARE(widget.lockedRung(), 0);
            QCOMPARE(quality->text(), QStringLiteral("144p"));
            QVERIFY(player.session().selector().isLocked());
            widget.seekTo(2.0);
            rungs.clear();
            QTRY_VERIFY_WITH_TIMEOUT(rungs.size() >= 2, 15000);
            QVERIFY(std::all_of(rungs.cbegin(), rungs.cend(), [](int rung) { return rung == 0; }));

            QTRY_VERIFY_WITH_TIMEOUT(player.position() > 6.0, 15000);
            QTRY_VERIFY_WITH_TIMEOUT(reporter.beats.size() >= 3, 5000);
            QVERIFY(reporter.beats.last().positionSeconds > reporter.beats.first().positionSeconds);
            QCOMPARE(reporter.beats.last().rung, 0);
            QCOMPARE(reporter.beats.last().rendition, QStringLiteral("144p"));
            QCOMPARE(reporter.beats.last().bitrate, 300000LL);
            QVERIFY(reporter.beats.last().stallSeconds >= 0.0);
            QVERIFY(reporter.beats.last().bandwidthBps > 0.0);
            widget.close();
            QCOMPARE(reporter.closed.size(), 1);
            QVERIFY(reporter.closed.first().positionSeconds > 6.0);
        }
        QCOMPARE(reporter.closed.size(), 1); // closing twice reports once
        QVERIFY(store.position(QStringLiteral("video-1")) > 6.0);
        QCOMPARE(store.position(QStringLiteral("video-2")), 0.0);
        settings.sync();
        QSettings reread(m_dir.filePath(QStringLiteral("player.ini")), QSettings::IniFormat);
        QCOMPARE(PlaybackStateStore(&reread).volume(), 55);

        // The same video again resumes where it was left.
        const double saved = store.position(QStringLiteral("video-1"));
        PlayerWidget again(&player, &store, nullptr, PlayerWidget::VideoOutput::None);
        QCOMPARE(again.volume(), 55);
        again.play(masterUrl(), QStringLiteral("video-1"));
        QTRY_VERIFY_WITH_TIMEOUT(again.lastSeekTarget() >= 0.0, 20000);
        QVERIFY(std::abs(again.lastSeekTarget() - std::min(saved, 11.5)) < 0.01);
    }

    // The mini player takes the video area into its own always-on-top tool
    // window and gives it back; playback, pause and volume carry on, keys
    // typed into it reach the player, and its geometry is remembered.
    void miniPlayerWindow()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("mini.ini")), QSettings::IniFormat);
        PlaybackStateStore store(&settings);
        QNetworkAccessManager network;
        MpvHlsPlayer player(&network, AbrRegistry::defaultId());
        QVERIFY2(player.initialize({{"vo", "null"}, {"ao", "null"}}), qPrintable(player.errorString()));
        PlayerWidget widget(&player, &store, nullptr, PlayerWidget::VideoOutput::None);
        widget.resize(640, 400);
        widget.show();
        widget.play(masterUrl(), QStringLiteral("video-mini"));
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 0.5, 30000);
        QWidget *area = widget.videoArea();
        QCOMPARE(area->window(), &widget);

        QTest::keyClick(&widget, Qt::Key_P);
        QVERIFY(widget.isMiniPlayer());
        MiniPlayerWindow *mini = widget.miniPlayerWindow();
        QVERIFY(mini && mini->isVisible() && mini->isWindow());
        QVERIFY(mini->windowFlags().testFlag(Qt::WindowStaysOnTopHint));
        QCOMPARE(mini->windowType(), Qt::Tool);
        QCOMPARE(area->window(), mini);
        QVERIFY(area->isVisible());
        QCOMPARE(mini->size(), QSize(400, 225));
        const double inMini = player.position();
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > inMini + 0.5, 10000); // still playing
        QVERIFY(!widget.isPaused());

        // Keys typed into the mini player drive the player.
        QTest::keyClick(mini, Qt::Key_K);
        QVERIFY(widget.isPaused());
        QTest::keyClick(mini, Qt::Key_Down);
        QCOMPARE(widget.volume(), 95);
        mini->resize(320, 180);
        mini->move(40, 30);

        // Closing the window (Esc here) returns the video; the state is unchanged.
        QTest::keyClick(mini, Qt::Key_Escape);
        QVERIFY(!widget.isMiniPlayer());
        QVERIFY(!mini->isVisible());
        QCOMPARE(area->window(), &widget);
        QVERIFY(area->isVisible());
        QVERIFY(widget.isPaused());
        QCOMPARE(widget.volume(), 95);
        QVERIFY(!store.miniPlayerGeometry().isEmpty());

        // Opened again: where and as large as it was left; the window's close button works too.
        widget.toggleMiniPlayer();
        QCOMPARE(area->window(), mini);
        QCOMPARE(mini->size(), QSize(320, 180));
        QVERIFY(mini->close() == false); // the player takes the video back instead
        QVERIFY(!widget.isMiniPlayer());
        QCOMPARE(area->window(), &widget);
        QTest::keyClick(&widget, Qt::Key_K);
        QVERIFY(!widget.isPaused());
        const double resumed = player.position();
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > resumed + 0.5, 10000);
    }

    void exactSeekSetting()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("exact.ini")), QSettings::IniFormat);
        PlaybackStateStore store(&settings);
        QNetworkAccessManager network;
        MpvHlsPlayer player(&network, AbrRegistry::defaultId());
        QVERIFY(player.initialize({{"vo", "null"}, {"ao", "null"}}));
        {
            PlayerWidget widget(&player, &store, nullptr, PlayerWidget::VideoOutput::None);
            QVERIFY(!widget.isExactSeek());
            // The checkable entry under the speed menu.
            QAction *exact = nullptr;
            for (QToolButton *button : widget.findChildren<QToolButton *>()) {
                for (QAction *action : button->menu() ? button->menu()->actions() : QList<QAction *>()) {
                    if (action->text() == QLatin1String("Exact seeking"))
                        exact = action;
                }
            }
            QVERIFY(exact && exact->isCheckable() && !exact->isChecked());
            exact->trigger();
            QVERIFY(widget.isExactSeek());
            QVERIFY(player.isExactSeek());
        }
        player.setExactSeek(false);
        PlayerWidget again(&player, &store, nullptr, PlayerWidget::VideoOutput::None);
        QVERIFY(again.isExactSeek()); // remembered
        QVERIFY(player.isExactSeek());
    }

    // Not HLS: a local Matroska file with a subtitle track, played by mpv directly.
    void opensALocalFileWithCaptions()
    {
        QFile srt(m_dir.filePath(QStringLiteral("captions.srt")));
        QVERIFY(srt.open(QIODevice::WriteOnly));
        srt.write("1\n00:00:00,000 --> 00:00:05,000\nHello\n");
        srt.close();
        const QString file = m_dir.filePath(QStringLiteral("local.mkv"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"),
                      QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("testsrc2=size=320x180:rate=25"),
                      QStringLiteral("-i"), srt.fileName(), QStringLiteral("-t"), QStringLiteral("6"), QStringLiteral("-c:v"),
                      QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("ultrafast"), QStringLiteral("-c:s"),
                      QStringLiteral("srt"), QStringLiteral("-disposition:s:0"), QStringLiteral("0"), file});
        QVERIFY(ffmpeg.waitForFinished(60000) && ffmpeg.exitCode() == 0);

        QNetworkAccessManager network;
        MpvHlsPlayer player(&network, AbrRegistry::defaultId());
        QVERIFY(player.initialize({{"vo", "null"}, {"ao", "null"}, {"sid", "no"}}));
        PlayerWidget widget(&player, nullptr, nullptr, PlayerWidget::VideoOutput::None);
        widget.show();
        widget.play(QUrl::fromLocalFile(file), QString());
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 0.5, 20000);
        QVERIFY(!player.isHls());
        QTRY_COMPARE_WITH_TIMEOUT(player.subtitleTrackCount(), 1, 5000);
        QVERIFY(!widget.areCaptionsOn());
        QTest::keyClick(&widget, Qt::Key_C);
        QTRY_COMPARE_WITH_TIMEOUT(player.subtitleTrack(), QStringLiteral("1"), 5000);
        QVERIFY(widget.areCaptionsOn());
        QTest::keyClick(&widget, Qt::Key_C);
        QTRY_COMPARE_WITH_TIMEOUT(player.subtitleTrack(), QStringLiteral("no"), 5000);
        QVERIFY(!widget.areCaptionsOn());
        QTest::keyClick(&widget, Qt::Key_5);
        QCOMPARE(widget.lastSeekTarget(), 3.0); // mpv's own duration for a non-HLS file
        QTRY_VERIFY_WITH_TIMEOUT(player.position() >= 2.9, 10000);
    }
};

QTEST_MAIN(TestPlayerWidget)
#include "tst_playerwidget.moc"
