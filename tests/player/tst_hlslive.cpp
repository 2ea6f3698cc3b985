// A live stream simulated over local HTTP: one-second segments generated with
// the ffmpeg CLI are published through a sliding-window media playlist that
// grows with the wall clock (two rungs). The engine must start a safe
// distance from the live edge, keep its latency near the target while
// playback advances, and resynchronise when the playlist restarts (its media
// sequence goes backwards) or stalls and then jumps ahead.
#include "localhttpserver.h"
#include "testladder.h"

#include "player/abr/abrregistry.h"
#include "player/hls/hlssession.h"
#include "player/mpv/mpvhlsplayer.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Kinora::Player;

namespace {
constexpr int SegmentCount = 56;
constexpr int Window = 6;
constexpr int Preroll = 8; // segments published before the clock starts
}

class TestHlsLive : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    LocalHttpServer m_server;
    QElapsedTimer m_clock;
    qint64 m_sequenceShift = 0; // subtracted from published sequence numbers after a restart
    qint64 m_frozenAt = -1;     // >= 0: the playlist stopped changing at this many segments

    int published() const
    {
        const int live = Preroll + int(m_clock.elapsed() / 1000);
        return std::min(SegmentCount, m_frozenAt >= 0 ? int(m_frozenAt) : live);
    }

    QByteArray mediaPlaylist(const QByteArray &rung) const
    {
        const int end = published();
        const int first = std::max(0, end - Window);
        QByteArray text = "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:"
            + QByteArray::number(first - m_sequenceShift) + "\n";
        for (int i = first; i < end; ++i)
            text += "#EXTINF:1.000,\n" + rung + "/seg" + QByteArray::number(i).rightJustified(3, '0') + ".ts\n";
        return text;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty(), "ffmpeg CLI needed");
        QString error;
        const QString live = m_dir.filePath(QStringLiteral("live"));
        QVERIFY2(TestLadder::encode(live, {QStringLiteral("low"), QStringLiteral("256x144"), 200}, SegmentCount, 1, &error),
                 qPrintable(error));
        QVERIFY2(TestLadder::encode(live, {QStringLiteral("high"), QStringLiteral("426x240"), 600}, SegmentCount, 1, &error),
                 qPrintable(error));
        m_server.setRoot(m_dir.path());
        m_server.addRoute("/live/master.m3u8", [](const QByteArray &, const auto &) {
            LocalHttpServer::Response response;
            response.body = "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=300000,RESOLUTION=256x144\nlow.m3u8\n"
                            "#EXT-X-STREAM-INF:BANDWIDTH=700000,RESOLUTION=426x240\nhigh.m3u8\n";
            return response;
        });
        for (const QByteArray &rung : {QByteArray("low"), QByteArray("high")}) {
            m_server.addRoute("/live/" + rung + ".m3u8", [this, rung](const QByteArray &, const auto &) {
                LocalHttpServer::Response response;
                response.body = mediaPlaylist(rung);
                return response;
            });
        }
        QVERIFY(m_server.listen());
    }

    void keepsLatencyAndSurvivesRestarts()
    {
        QNetworkAccessManager network;
        MpvHlsPlayer player(&network, AbrRegistry::defaultId());
        QVERIFY2(player.initialize({{"vo", "null"}, {"ao", "null"}}), qPrintable(player.errorString()));
        HlsSession &session = player.session();
        const double target = 4.0;
        const double tolerance = 1.5;
        session.setTargetLatency(target);
        session.setLatencyTolerance(tolerance);
        session.setMaximumBufferSeconds(10.0);
        QString failure;
        connect(&player, &MpvHlsPlayer::failed, this, [&](const QString &message) { failure = message; });
        bool firstRestart = true;
        double startLatency = -1.0;
        connect(&session, &HlsSession::feedRestarted, this, [&](double start) {
            if (firstRestart)
                startLatency = session.liveEdgeSeconds() - start;
            firstRestart = false;
        });

        m_clock.start();
        player.open(QUrl(m_server.baseUrl() + QStringLiteral("/live/master.m3u8")));
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 0.5 || !failure.isEmpty(), 20000);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(session.isLive());
        QVERIFY2(startLatency >= 3.0, qPrintable(QString::number(startLatency))); // >= 3 target durations back

        // Phase 1: steady live playback; sample the latency once it settled.
        auto sampleLatency = [&](int milliseconds, double *minimum, double *maximum) {
            QElapsedTimer phase;
            phase.start();
            *minimum = 1e9;
            *maximum = -1e9;
            while (phase.elapsed() < milliseconds && failure.isEmpty()) {
                QTest::qWait(250);
                *minimum = std::min(*minimum, session.liveLatency());
                *maximum = std::max(*maximum, session.liveLatency());
            }
        };
        QTest::qWait(3000);
        const double before = player.position();
        double low = 0.0;
        double high = 0.0;
        sampleLatency(7000, &low, &high);
        qInfo("steady: latency %.2f..%.2f s (target %.1f), position %.2f -> %.2f, %d reloads, speed %.2f", low, high,
              target, before, player.position(), session.playlistReloads(), session.recommendedSpeed());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY2(player.position() - before > 6.0, "playback advances");
        QVERIFY2(low >= target - 1.0 - 0.5 && high <= target + tolerance + 1.0 + 0.5,
                 qPrintable(QStringLiteral("%1..%2").arg(low).arg(high)));
        QVERIFY(session.playlistReloads() >= 10); // about one per target duration per rung

        // Phase 2: the encoder restarts: media sequence numbers start again from 0.
        m_sequenceShift = published() - Window;
        QTRY_VERIFY_WITH_TIMEOUT(session.resyncCount() >= 1, 5000);
        const double afterRestart = player.position();
        QTest::qWait(4000);
        QVERIFY2(player.position() - afterRestart > 2.5, "playback continues after a restart");

        // Phase 3: the playlist stalls for 9 s, then jumps ahead to the wall clock,
        // past the segments the engine would fetch next: it resynchronises.
        const int resyncs = session.resyncCount();
        m_frozenAt = published();
        QTest::qWait(9000);
        m_frozenAt = -1;
        QTRY_VERIFY_WITH_TIMEOUT(session.resyncCount() > resyncs, 8000);
        const double afterStall = player.position();
        sampleLatency(5000, &low, &high);
        qInfo("after stall: latency %.2f..%.2f s, position %.2f -> %.2f, resyncs %d", low, high, afterStall,
              player.position(), session.resyncCount());
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY2(player.position() - afterStall > 3.5, "playback continues after a stalled playlist");
        QVERIFY2(high <= target + tolerance + 1.0 + 0.5, qPrintable(QString::number(high)));
    }
};

QTEST_GUILESS_MAIN(TestHlsLive)
#include "tst_hlslive.moc"
