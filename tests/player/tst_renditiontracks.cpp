// Alternative renditions and exact seeks on real playback (libmpv vo=null,
// ao=null, local HTTP): a master playlist with a WebVTT subtitle rendition
// and an audio-only rendition next to a muxed variant. mpv lists the
// captions as a track, shows the right cue before and after a seek, the
// audio rendition becomes mpv's selected audio track and can be dropped
// again, and an exact seek lands inside a segment instead of at its start.
#include "localhttpserver.h"
#include "testladder.h"

#include "player/abr/abrregistry.h"
#include "player/hls/hlssession.h"
#include "player/hls/webvttrenditionloader.h"
#include "player/mpv/mpvhlsplayer.h"
#include "player/ui/playerwidget.h"

#include <QDir>
#include <QFile>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <mpv/client.h>

using namespace Kinora::Player;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

QString mpvString(MpvHlsPlayer &player, const char *name)
{
    char *value = mpv_get_property_string(player.handle(), name);
    const QString result = value ? QString::fromUtf8(value) : QString();
    mpv_free(value);
    return result;
}

std::optional<MpvTrack> findTrack(const MpvHlsPlayer &player, const QString &type, const QString &title)
{
    for (const MpvTrack &track : player.tracks(type)) {
        if (track.title == title)
            return track;
    }
    return std::nullopt;
}

} // namespace

class TestRenditionTracks : public QObject
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
        // An audio-only rendition: another tone, same segment length.
        QDir(m_dir.path()).mkpath(QStringLiteral("audio_fr"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"),
                      QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                      QStringLiteral("sine=frequency=880:sample_rate=48000"), QStringLiteral("-t"), QStringLiteral("12"),
                      QStringLiteral("-c:a"), QStringLiteral("aac"), QStringLiteral("-b:a"), QStringLiteral("64k"),
                      QStringLiteral("-f"), QStringLiteral("hls"), QStringLiteral("-hls_time"), QStringLiteral("2"),
                      QStringLiteral("-hls_playlist_type"), QStringLiteral("vod"), QStringLiteral("-hls_segment_filename"),
                      m_dir.filePath(QStringLiteral("audio_fr/seg%03d.ts")), m_dir.filePath(QStringLiteral("audio_fr/index.m3u8"))});
        QVERIFY(ffmpeg.waitForFinished(120000) && ffmpeg.exitCode() == 0);
        // WebVTT segments, one cue per 2 s segment: "Line n" from 2n+0.2 to 2n+1.8.
        QDir(m_dir.path()).mkpath(QStringLiteral("subs"));
        QByteArray playlist("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (int n = 0; n < 6; ++n) {
            const QByteArray cue = QStringLiteral("00:00:%1.200 --> 00:00:%2.800\nLine %3\n")
                                       .arg(2 * n, 2, 10, QLatin1Char('0'))
                                       .arg(2 * n + 1, 2, 10, QLatin1Char('0'))
                                       .arg(n)
                                       .toUtf8();
            QVERIFY(writeFile(m_dir.filePath(QStringLiteral("subs/seg%1.vtt").arg(n)),
                              "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\n\n" + cue));
            playlist += "#EXTINF:2.0,\nseg" + QByteArray::number(n) + ".vtt\n";
        }
        playlist += "#EXT-X-ENDLIST\n";
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("subs/index.m3u8")), playlist));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("master.m3u8")),
                          "#EXTM3U\n"
                          "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",LANGUAGE=\"en\",DEFAULT=NO,"
                          "AUTOSELECT=YES,URI=\"subs/index.m3u8\"\n"
                          "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"Main\",LANGUAGE=\"en\",DEFAULT=NO\n"
                          "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aud\",NAME=\"Francais\",LANGUAGE=\"fr\",DEFAULT=NO,"
                          "URI=\"audio_fr/index.m3u8\"\n"
                          "#EXT-X-STREAM-INF:BANDWIDTH=300000,RESOLUTION=256x144,AUDIO=\"aud\",SUBTITLES=\"subs\"\n"
                          "r0/index.m3u8\n"));
        m_server.setRoot(m_dir.path());
        QVERIFY(m_server.listen());
    }

    void mergesWebVttSegments()
    {
        const QByteArray merged = WebVttRenditionLoader::merge(
            {"WEBVTT\r\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\r\n\r\n00:00:00.000 --> 00:00:01.000\r\nA\r\n",
             "WEBVTT\n\n", "WEBVTT\nX-TIMESTAMP-MAP=MPEGTS:900000,LOCAL:00:00:00.000\n\n00:00:02.000 --> 00:00:03.000\nB\n"});
        QCOMPARE(merged, QByteArray("WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nA\n\n00:00:02.000 --> 00:00:03.000\nB\n\n"));
    }

    void captionsFromASubtitleRendition()
    {
        QNetworkAccessManager network;
        MpvHlsPlayer player(&network, AbrRegistry::defaultId());
        QVERIFY2(player.initialize({{"vo", "null"}, {"ao", "null"}}), qPrintable(player.errorString()));
        PlayerWidget widget(&player, nullptr, nullptr, PlayerWidget::VideoOutput::None);
        widget.show();
        widget.play(masterUrl(), QStringLiteral("video-subs"));
        QTRY_COMPARE_WITH_TIMEOUT(player.subtitleTrackCount(), 1, 20000);
        const std::optional<MpvTrack> english = findTrack(player, QStringLiteral("sub"), QStringLiteral("English"));
        QVERIFY(english);
        QCOMPARE(english->language, QStringLiteral("en"));
        QVERIFY(!english->selected);
        QVERIFY(!widget.areCaptionsOn());
        bool buttonShown = false;
        for (QToolButton *button : widget.findChildren<QToolButton *>()) {
            if (button->text() == QLatin1String("CC"))
                buttonShown = button->isVisible() && button->menu() && button->menu()->actions().size() == 2;
        }
        QVERIFY(buttonShown);

        QTest::keyClick(&widget, Qt::Key_C);
        QVERIFY(widget.areCaptionsOn());
        QTRY_COMPARE_WITH_TIMEOUT(player.subtitleTrack(), QString::number(english->id), 5000);
        // The cue of the second segment while the stream is inside it.
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 2.4 && player.position() < 3.6, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(mpvString(player, "sub-text"), QStringLiteral("Line 1"), 3000);

        // After a seek the feed is a new mpv file: the captions come back, selected, on the stream's clock.
        widget.seekTo(8.0);
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 8.4 && player.position() < 9.6, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(findTrack(player, QStringLiteral("sub"), QStringLiteral("English"))
                                     .value_or(MpvTrack()).selected, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(mpvString(player, "sub-text"), QStringLiteral("Line 4"), 3000);
        QVERIFY(widget.areCaptionsOn());

        QTest::keyClick(&widget, Qt::Key_C);
        QVERIFY(!widget.areCaptionsOn());
        QTRY_COMPARE_WITH_TIMEOUT(player.subtitleTrack(), QStringLiteral("no"), 5000);
    }

    void alternativeAudioRendition()
    {
        QNetworkAccessManager network;
        MpvHlsPlayer player(&network, AbrRegistry::defaultId());
        QVERIFY2(player.initialize({{"vo", "null"}, {"ao", "null"}}), qPrintable(player.errorString()));
        PlayerWidget widget(&player, nullptr, nullptr, PlayerWidget::VideoOutput::None);
        widget.show();
        widget.play(masterUrl(), QStringLiteral("video-audio"));
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 0.5, 20000);
        // Only the rendition with its own URI is offered; "Main" is muxed into the variant.
        QCOMPARE(player.renditionTracks().audioRenditions().size(), 1);
        QCOMPARE(player.renditionTracks().audioRenditions().first().language, QStringLiteral("fr"));
        QCOMPARE(player.tracks(QStringLiteral("audio")).size(), 1);
        QToolButton *audioButton = nullptr;
        for (QToolButton *button : widget.findChildren<QToolButton *>()) {
            if (button->text() == QLatin1String("Audio"))
                audioButton = button;
        }
        QVERIFY(audioButton && audioButton->isVisible());
        QCOMPARE(audioButton->menu()->actions().size(), 2);

        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 2.5, 15000); // inside a later segment
        const double switchedAt = player.position();
        audioButton->menu()->actions().at(1)->trigger();
        QCOMPARE(player.renditionTracks().audioChoice(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(findTrack(player, QStringLiteral("audio"), QStringLiteral("Francais")).has_value(), 15000);
        const MpvTrack french = *findTrack(player, QStringLiteral("audio"), QStringLiteral("Francais"));
        QVERIFY(french.external);
        QCOMPARE(french.language, QStringLiteral("fr"));
        QTRY_COMPARE_WITH_TIMEOUT(mpvString(player, "aid"), QString::number(french.id), 5000);
        QTRY_VERIFY(findTrack(player, QStringLiteral("audio"), QStringLiteral("Francais")).value_or(MpvTrack()).selected);
        // Playback goes on with both feeds.
        // Resumed where the switch happened, not at the segment's start (the
        // exact seek back follows as soon as mpv holds the segment).
        QTRY_VERIFY2_WITH_TIMEOUT(player.position() >= switchedAt - 0.3,
                                  qPrintable(QStringLiteral("%1 / %2").arg(player.position()).arg(switchedAt)), 10000);
        const double before = player.position();
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > before + 1.5, 15000);
        QVERIFY(mpvString(player, "audio-codec-name").contains(QLatin1String("aac")));

        // A seek restarts both feeds; the rendition stays chosen.
        widget.seekTo(6.0);
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 6.3, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(findTrack(player, QStringLiteral("audio"), QStringLiteral("Francais"))
                                     .value_or(MpvTrack()).selected, 5000);

        widget.setAudioRendition(-1);
        QTRY_VERIFY_WITH_TIMEOUT(!findTrack(player, QStringLiteral("audio"), QStringLiteral("Francais")).has_value()
                                     && player.tracks(QStringLiteral("audio")).size() == 1, 15000);
        QTRY_VERIFY_WITH_TIMEOUT(player.tracks(QStringLiteral("audio")).first().selected, 5000);
        const double after = player.position();
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > after + 1.0, 15000);
    }

    void exactSeekLandsInsideASegment()
    {
        QNetworkAccessManager network;
        MpvHlsPlayer player(&network, AbrRegistry::defaultId());
        QVERIFY2(player.initialize({{"vo", "null"}, {"ao", "null"}}), qPrintable(player.errorString()));
        int restarts = 0;
        connect(&player, &MpvHlsPlayer::playbackRestarted, this, [&] { ++restarts; });
        player.open(masterUrl());
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 0.5, 20000);
        player.setPaused(true);

        // By segment: 5.0 lands on the start of the segment at 4.0.
        restarts = 0;
        player.seek(5.0);
        QTRY_COMPARE_WITH_TIMEOUT(restarts, 1, 15000);
        QTest::qWait(200);
        QVERIFY2(std::abs(player.position() - 4.0) < 0.1, qPrintable(QString::number(player.position())));

        // Exact: the feed restarts at 4.0, then mpv moves on to 7.3 inside it
        // (checked while playing: the position may only have run on from there).
        player.setExactSeek(true);
        player.setPaused(false);
        restarts = 0;
        player.seek(7.3);
        QTRY_COMPARE_WITH_TIMEOUT(restarts, 1, 15000);
        const double landed = player.position();
        QVERIFY2(landed > 7.2 && landed < 7.8, qPrintable(QString::number(landed)));
        QTest::qWait(300);
        QCOMPARE(restarts, 1); // the inner seek is not a second restart
        QVERIFY2(player.position() >= landed - 0.05, qPrintable(QString::number(player.position())));
    }
};

QTEST_MAIN(TestRenditionTracks)
#include "tst_renditiontracks.moc"
