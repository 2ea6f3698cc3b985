// End to end without a window: an HLS ladder generated with the ffmpeg CLI
// (two rungs, 12 s, 2 s closed-GOP segments, the upper rung AES-128
// encrypted) is served over local HTTP; HlsSession chooses a rung per
// segment, fetches and decrypts, and feeds one continuous MPEG-TS stream to
// libmpv (vo=null, ao=null) through the custom protocol, which plays it to the end.
#include "localhttpserver.h"

#include "player/abr/abrregistry.h"
#include "player/hls/hlssession.h"
#include "player/mpv/mpvhlsplayer.h"
#include "player/mpv/mpvstreamfeed.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <mpv/client.h>

#include <clocale>

using namespace Kinora::Player;

class TestHlsPlayback : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    LocalHttpServer m_server;

    bool encode(const QString &name, const QString &size, const QString &bitrate, bool encrypt)
    {
        QDir(m_dir.path()).mkpath(name);
        QStringList args = {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"),
                            QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                            QStringLiteral("testsrc2=size=%1:rate=25").arg(size),
                            QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                            QStringLiteral("sine=frequency=440:sample_rate=48000"),
                            QStringLiteral("-t"), QStringLiteral("12"),
                            QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("ultrafast"),
                            QStringLiteral("-b:v"), bitrate, QStringLiteral("-g"), QStringLiteral("50"),
                            QStringLiteral("-keyint_min"), QStringLiteral("50"), QStringLiteral("-sc_threshold"), QStringLiteral("0"),
                            QStringLiteral("-force_key_frames"), QStringLiteral("expr:gte(t,n_forced*2)"),
                            QStringLiteral("-c:a"), QStringLiteral("aac"), QStringLiteral("-b:a"), QStringLiteral("64k"),
                            QStringLiteral("-f"), QStringLiteral("hls"), QStringLiteral("-hls_time"), QStringLiteral("2"),
                            QStringLiteral("-hls_playlist_type"), QStringLiteral("vod"),
                            QStringLiteral("-hls_segment_filename"), m_dir.filePath(name + QStringLiteral("/seg%03d.ts"))};
        if (encrypt) {
            QFile key(m_dir.filePath(name + QStringLiteral("/key.bin")));
            if (!key.open(QIODevice::WriteOnly) || key.write(QByteArray::fromHex("00112233445566778899aabbccddeeff")) != 16)
                return false;
            key.close();
            QFile info(m_dir.filePath(QStringLiteral("keyinfo.txt")));
            if (!info.open(QIODevice::WriteOnly))
                return false;
            info.write("key.bin\n" + key.fileName().toUtf8() + "\n"); // no IV line: the sequence number is the IV
            info.close();
            args << QStringLiteral("-hls_key_info_file") << info.fileName();
        }
        args << m_dir.filePath(name + QStringLiteral("/index.m3u8"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"), args);
        if (!ffmpeg.waitForFinished(120000) || ffmpeg.exitCode() != 0) {
            qWarning("%s", ffmpeg.readAllStandardError().constData());
            return false;
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty(), "ffmpeg CLI needed to build the ladder");
        QVERIFY(encode(QStringLiteral("low"), QStringLiteral("320x180"), QStringLiteral("300k"), false));
        QVERIFY(encode(QStringLiteral("high"), QStringLiteral("640x360"), QStringLiteral("1200k"), true));
        QFile master(m_dir.filePath(QStringLiteral("master.m3u8")));
        QVERIFY(master.open(QIODevice::WriteOnly));
        master.write("#EXTM3U\n"
                     "#EXT-X-STREAM-INF:BANDWIDTH=1400000,RESOLUTION=640x360,CODECS=\"avc1.42c01e,mp4a.40.2\"\n"
                     "high/index.m3u8\n"
                     "#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=320x180,CODECS=\"avc1.42c00d,mp4a.40.2\"\n"
                     "low/index.m3u8\n");
        master.close();
        QFile encrypted(m_dir.filePath(QStringLiteral("high/index.m3u8")));
        QVERIFY(encrypted.open(QIODevice::ReadOnly));
        QVERIFY(encrypted.readAll().contains("METHOD=AES-128"));
        m_server.setRoot(m_dir.path());
        QVERIFY(m_server.listen());
    }

    void playsTheLadderThroughMpv()
    {
        QNetworkAccessManager network;
        HlsSession session(&network, AbrRegistry::create(AbrRegistry::defaultId()));
        MpvStreamFeed feed;
        qint64 appended = 0;
        int badSegments = 0;
        QString failure;
        bool finished = false;
        connect(&session, &HlsSession::segmentReady, this, [&](int, int, const QByteArray &data) {
            // decrypted MPEG-TS: sync byte every 188 bytes
            if (data.isEmpty() || data.at(0) != 0x47 || data.size() % 188 != 0)
                ++badSegments;
            appended += data.size();
            feed.append(data);
        });
        connect(&session, &HlsSession::finished, this, [&] {
            finished = true;
            feed.finish();
        });
        connect(&session, &HlsSession::failed, this, [&](const QString &message) {
            failure = message;
            feed.cancel();
        });

        std::setlocale(LC_NUMERIC, "C"); // libmpv refuses other numeric locales
        mpv_handle *mpv = mpv_create();
        QVERIFY(mpv);
        auto destroy = qScopeGuard([&] {
            feed.cancel();
            mpv_terminate_destroy(mpv);
        });
        QCOMPARE(mpv_set_option_string(mpv, "vo", "null"), 0);
        QCOMPARE(mpv_set_option_string(mpv, "ao", "null"), 0);
        QCOMPARE(mpv_initialize(mpv), 0);
        QVERIFY(feed.registerProtocol(mpv, "kinora"));
        QCOMPARE(mpv_observe_property(mpv, 1, "time-pos", MPV_FORMAT_DOUBLE), 0);

        session.open(QUrl(m_server.baseUrl() + QStringLiteral("/master.m3u8")));
        const char *command[] = {"loadfile", "kinora://session", nullptr};
        QCOMPARE(mpv_command(mpv, command), 0);

        double lastPosition = 0.0;
        int endReason = -1;
        bool fileLoaded = false;
        QElapsedTimer timer;
        timer.start();
        while (endReason < 0 && timer.elapsed() < 90000) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            for (mpv_event *event = mpv_wait_event(mpv, 0.01); event->event_id != MPV_EVENT_NONE;
                 event = mpv_wait_event(mpv, 0)) {
                if (event->event_id == MPV_EVENT_FILE_LOADED)
                    fileLoaded = true;
                if (event->event_id == MPV_EVENT_PROPERTY_CHANGE) {
                    auto *property = static_cast<mpv_event_property *>(event->data);
                    if (property->format == MPV_FORMAT_DOUBLE) {
                        lastPosition = std::max(lastPosition, *static_cast<double *>(property->data));
                        session.setPlaybackPosition(lastPosition);
                    }
                }
                if (event->event_id == MPV_EVENT_END_FILE)
                    endReason = static_cast<mpv_event_end_file *>(event->data)->reason;
            }
        }
        QStringList rungs;
        for (int rung : session.chosenRungs())
            rungs.append(QString::number(rung));
        qInfo("rungs %s, played to %.2f s, %lld bytes, %lld ms", qPrintable(rungs.join(u',')), lastPosition,
              static_cast<long long>(appended), static_cast<long long>(timer.elapsed()));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(finished);
        QVERIFY(fileLoaded);
        QCOMPARE(endReason, int(MPV_END_FILE_REASON_EOF));
        QCOMPARE(badSegments, 0);
        QCOMPARE(session.variants().size(), 2);
        QCOMPARE(session.variants().first().bandwidth, 400000); // sorted ascending
        QCOMPARE(session.chosenRungs().size(), 6);
        QCOMPARE(session.chosenRungs().first(), 0); // start-up from the 500 kbit/s default
        QVERIFY(session.chosenRungs().contains(1)); // loopback bandwidth: climbs to the encrypted rung
        QCOMPARE(feed.bytesRead(), appended);
        QVERIFY2(lastPosition > 10.0, qPrintable(QString::number(lastPosition)));
        QVERIFY(std::abs(session.durationSeconds() - 12.0) < 0.1);
    }

    // Seeking restarts the feed at the segment holding the target (2 s
    // segments: a seek to 7.3 s lands at 6 s), pausing stops the clock.
    void seeksAndPauses()
    {
        QNetworkAccessManager network;
        MpvHlsPlayer player(&network, AbrRegistry::defaultId());
        QVERIFY2(player.initialize({{"vo", "null"}, {"ao", "null"}}), qPrintable(player.errorString()));
        QString failure;
        connect(&player, &MpvHlsPlayer::failed, this, [&](const QString &message) { failure = message; });
        QList<double> positions;
        connect(&player, &MpvHlsPlayer::positionChanged, this, [&](double seconds) { positions.append(seconds); });
        player.open(QUrl(m_server.baseUrl() + QStringLiteral("/master.m3u8")));
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 1.0 || !failure.isEmpty(), 30000);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(player.position() < 4.0);

        QSignalSpy restarted(&player, &MpvHlsPlayer::playbackRestarted);
        positions.clear();
        player.seek(7.3);
        QTRY_VERIFY_WITH_TIMEOUT(!restarted.isEmpty() && !positions.isEmpty(), 20000);
        const double landed = positions.first();
        qInfo("seek to 7.3 s landed at %.2f s", landed);
        QVERIFY2(landed >= 6.0 - 0.05 && landed <= 7.3 + 2.0, qPrintable(QString::number(landed)));
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 8.5, 20000);

        // Backwards too.
        positions.clear();
        player.seek(2.5);
        QTRY_VERIFY_WITH_TIMEOUT(!positions.isEmpty() && positions.last() < 5.0, 20000);
        QVERIFY2(positions.last() >= 2.0 - 0.05, qPrintable(QString::number(positions.last())));
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 3.0, 20000);

        player.setPaused(true);
        QTest::qWait(400); // the pause reaches mpv
        const double pausedAt = player.position();
        QTest::qWait(1000);
        QVERIFY(std::abs(player.position() - pausedAt) < 0.05);
        player.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > pausedAt + 0.5, 10000);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
};

QTEST_GUILESS_MAIN(TestHlsPlayback)
#include "tst_hlsplayback.moc"
