// Playlist parser against the RFC 8216 section 8 examples, real-world shapes
// and malformed input that must be rejected with the right line number.
#include "player/hls/hlstypes.h"

#include <QTest>

using namespace Kinora::Player;

class TestPlaylistParser : public QObject
{
    Q_OBJECT

private:
    static QByteArray lines(std::initializer_list<const char *> list, const char *eol = "\n")
    {
        QByteArray out;
        for (const char *line : list) {
            out += line;
            out += eol;
        }
        return out;
    }

private Q_SLOTS:
    void simpleMediaPlaylist()
    {
        PlaylistParser parser(QUrl(QStringLiteral("http://media.example.com/video/index.m3u8")));
        const QByteArray data = lines({"#EXTM3U", "#EXT-X-TARGETDURATION:10", "#EXT-X-VERSION:3",
                                       "#EXTINF:9.009,", "http://media.example.com/first.ts",
                                       "#EXTINF:9.009,", "http://media.example.com/second.ts",
                                       "#EXTINF:3.003,", "http://media.example.com/third.ts", "#EXT-X-ENDLIST"});
        QVERIFY2(parser.parse(data), qPrintable(parser.errorString()));
        QCOMPARE(parser.kind(), PlaylistParser::Kind::Media);
        const MediaPlaylist &media = parser.media();
        QCOMPARE(media.version, 3);
        QCOMPARE(media.targetDuration, 10.0);
        QVERIFY(media.endList);
        QVERIFY(!media.isLive());
        QCOMPARE(media.segments.size(), 3);
        QCOMPARE(media.segments.at(0).duration, 9.009);
        QCOMPARE(media.segments.at(2).uri, QUrl(QStringLiteral("http://media.example.com/third.ts")));
        QCOMPARE(media.segments.at(1).sequenceNumber, 1);
        QVERIFY(qAbs(media.totalDuration() - 21.021) < 1e-9);
    }

    void liveSlidingWindow()
    {
        PlaylistParser parser(QUrl(QStringLiteral("https://priv.example.com/live/index.m3u8")));
        const QByteArray data = lines({"#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-TARGETDURATION:8",
                                       "#EXT-X-MEDIA-SEQUENCE:2680", "", "#EXTINF:7.975,",
                                       "https://priv.example.com/fileSequence2680.ts", "#EXTINF:7.941,",
                                       "https://priv.example.com/fileSequence2681.ts", "#EXTINF:7.975,",
                                       "https://priv.example.com/fileSequence2682.ts"});
        QVERIFY2(parser.parse(data), qPrintable(parser.errorString()));
        const MediaPlaylist &media = parser.media();
        QVERIFY(media.isLive());
        QCOMPARE(media.mediaSequence, 2680);
        QCOMPARE(media.segments.size(), 3);
        QCOMPARE(media.segments.at(0).sequenceNumber, 2680);
        QCOMPARE(media.segments.at(2).sequenceNumber, 2682);
        QCOMPARE(media.segments.at(1).duration, 7.941);
    }

    void encryptedPlaylist()
    {
        PlaylistParser parser(QUrl(QStringLiteral("https://priv.example.com/a/index.m3u8")));
        const QByteArray data = lines({"#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-MEDIA-SEQUENCE:7794",
                                       "#EXT-X-TARGETDURATION:15", "",
                                       "#EXT-X-KEY:METHOD=AES-128,URI=\"https://priv.example.com/key.php?r=52\"", "",
                                       "#EXTINF:2.833,", "http://media.example.com/fileSequence52-A.ts",
                                       "#EXTINF:15.0,", "http://media.example.com/fileSequence52-B.ts",
                                       "#EXTINF:13.333,", "http://media.example.com/fileSequence52-C.ts", "",
                                       "#EXT-X-KEY:METHOD=AES-128,URI=\"key.php?r=53\",IV=0x000102030405060708090a0b0c0d0e0f",
                                       "", "#EXTINF:15.0,", "http://media.example.com/fileSequence53-A.ts",
                                       "#EXT-X-KEY:METHOD=NONE", "#EXTINF:15.0,", "clear.ts"});
        QVERIFY2(parser.parse(data), qPrintable(parser.errorString()));
        const QList<MediaSegment> &segments = parser.media().segments;
        QCOMPARE(segments.size(), 5);
        QCOMPARE(segments.at(0).key.method, SegmentKey::Method::Aes128);
        QCOMPARE(segments.at(0).key.uri, QUrl(QStringLiteral("https://priv.example.com/key.php?r=52")));
        QVERIFY(!segments.at(0).key.iv.has_value());
        QCOMPARE(segments.at(2).key.uri, QUrl(QStringLiteral("https://priv.example.com/key.php?r=52")));
        QCOMPARE(segments.at(3).key.uri, QUrl(QStringLiteral("https://priv.example.com/a/key.php?r=53")));
        QCOMPARE(segments.at(3).key.iv.value(), QByteArray::fromHex("000102030405060708090a0b0c0d0e0f"));
        QCOMPARE(segments.at(3).sequenceNumber, 7797);
        QCOMPARE(segments.at(4).key.method, SegmentKey::Method::None);
        QCOMPARE(segments.at(4).uri, QUrl(QStringLiteral("https://priv.example.com/a/clear.ts")));
    }

    void masterPlaylist()
    {
        PlaylistParser parser(QUrl(QStringLiteral("http://example.com/master.m3u8")));
        const QByteArray data = lines({"#EXTM3U",
                                       "#EXT-X-STREAM-INF:BANDWIDTH=1280000,AVERAGE-BANDWIDTH=1000000",
                                       "http://example.com/low.m3u8",
                                       "#EXT-X-STREAM-INF:BANDWIDTH=2560000,AVERAGE-BANDWIDTH=2000000,RESOLUTION=1280x720,FRAME-RATE=29.970,CODECS=\"avc1.4d401f,mp4a.40.2\"",
                                       "mid/index.m3u8",
                                       "#EXT-X-STREAM-INF:BANDWIDTH=7680000,AVERAGE-BANDWIDTH=6000000",
                                       "http://example.com/hi.m3u8",
                                       "#EXT-X-STREAM-INF:BANDWIDTH=65000,CODECS=\"mp4a.40.5\"",
                                       "http://example.com/audio-only.m3u8"});
        QVERIFY2(parser.parse(data), qPrintable(parser.errorString()));
        QCOMPARE(parser.kind(), PlaylistParser::Kind::Master);
        const MasterPlaylist &master = parser.master();
        QCOMPARE(master.variants.size(), 4);
        QCOMPARE(master.variants.at(0).bandwidth, 1280000);
        QCOMPARE(master.variants.at(0).averageBandwidth.value(), 1000000);
        QCOMPARE(master.variants.at(1).resolution, QSize(1280, 720));
        QCOMPARE(master.variants.at(1).codecs, (QStringList{QStringLiteral("avc1.4d401f"), QStringLiteral("mp4a.40.2")}));
        QVERIFY(qAbs(master.variants.at(1).frameRate - 29.97) < 1e-9);
        QCOMPARE(master.variants.at(1).uri, QUrl(QStringLiteral("http://example.com/mid/index.m3u8")));
        QVERIFY(!master.variants.at(3).averageBandwidth.has_value());
        QVERIFY(!master.variants.at(3).resolution.isValid());
    }

    void masterWithIFrames()
    {
        PlaylistParser parser(QUrl(QStringLiteral("http://example.com/master.m3u8")));
        const QByteArray data = lines({"#EXTM3U", "#EXT-X-STREAM-INF:BANDWIDTH=1280000", "low/audio-video.m3u8",
                                       "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=86000,URI=\"low/iframe.m3u8\"",
                                       "#EXT-X-STREAM-INF:BANDWIDTH=2560000", "mid/audio-video.m3u8",
                                       "#EXT-X-I-FRAME-STREAM-INF:BANDWIDTH=150000,URI=\"mid/iframe.m3u8\""});
        QVERIFY2(parser.parse(data), qPrintable(parser.errorString()));
        const MasterPlaylist &master = parser.master();
        QCOMPARE(master.variants.size(), 2);
        QCOMPARE(master.iFrameVariants.size(), 2);
        QVERIFY(master.iFrameVariants.at(1).iFramesOnly);
        QCOMPARE(master.iFrameVariants.at(1).bandwidth, 150000);
        QCOMPARE(master.iFrameVariants.at(1).uri, QUrl(QStringLiteral("http://example.com/mid/iframe.m3u8")));
    }

    void alternateAudioAndVideo()
    {
        PlaylistParser parser(QUrl(QStringLiteral("http://example.com/master.m3u8")));
        const QByteArray data = lines({
            "#EXTM3U",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aac\",NAME=\"English\",DEFAULT=YES,AUTOSELECT=YES,LANGUAGE=\"en\",URI=\"main/english-audio.m3u8\"",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aac\",NAME=\"Deutsch\",DEFAULT=NO,AUTOSELECT=YES,LANGUAGE=\"de\",URI=\"main/german-audio.m3u8\"",
            "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"aac\",NAME=\"Commentary\",DEFAULT=NO,AUTOSELECT=NO,LANGUAGE=\"en\",URI=\"commentary/audio-only.m3u8\"",
            "#EXT-X-MEDIA:TYPE=VIDEO,GROUP-ID=\"low\",NAME=\"Centerfield\",DEFAULT=YES,URI=\"low/main/audio-video.m3u8\"",
            "#EXT-X-MEDIA:TYPE=VIDEO,GROUP-ID=\"low\",NAME=\"Dugout\",DEFAULT=NO,URI=\"low/dugout/audio-video.m3u8\"",
            "#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID=\"subs\",NAME=\"English\",FORCED=YES,LANGUAGE=\"en\",URI=\"subs/en.m3u8\"",
            "#EXT-X-MEDIA:TYPE=CLOSED-CAPTIONS,GROUP-ID=\"cc\",NAME=\"English\",INSTREAM-ID=\"CC1\"",
            "#EXT-X-STREAM-INF:BANDWIDTH=1280000,CODECS=\"avc1.4d401f,mp4a.40.2\",AUDIO=\"aac\",VIDEO=\"low\",SUBTITLES=\"subs\",CLOSED-CAPTIONS=\"cc\"",
            "low/main/audio-video.m3u8",
            "#EXT-X-STREAM-INF:BANDWIDTH=65000,CODECS=\"mp4a.40.5\",AUDIO=\"aac\",CLOSED-CAPTIONS=NONE",
            "main/english-audio.m3u8"});
        QVERIFY2(parser.parse(data), qPrintable(parser.errorString()));
        const MasterPlaylist &master = parser.master();
        QCOMPARE(master.renditions.size(), 7);
        const QList<MediaRendition> audio = master.renditionsInGroup(MediaRendition::Type::Audio, QStringLiteral("aac"));
        QCOMPARE(audio.size(), 3);
        QVERIFY(audio.at(0).isDefault);
        QCOMPARE(audio.at(1).language, QStringLiteral("de"));
        QVERIFY(!audio.at(2).autoSelect);
        QCOMPARE(audio.at(2).uri, QUrl(QStringLiteral("http://example.com/commentary/audio-only.m3u8")));
        const QList<MediaRendition> video = master.renditionsInGroup(MediaRendition::Type::Video, QStringLiteral("low"));
        QCOMPARE(video.size(), 2);
        QCOMPARE(video.at(1).name, QStringLiteral("Dugout"));
        QVERIFY(master.renditionsInGroup(MediaRendition::Type::Subtitles, QStringLiteral("subs")).at(0).forced);
        QCOMPARE(master.renditionsInGroup(MediaRendition::Type::ClosedCaptions, QStringLiteral("cc")).at(0).instreamId,
                 QStringLiteral("CC1"));
        QCOMPARE(master.variants.at(0).audioGroup, QStringLiteral("aac"));
        QCOMPARE(master.variants.at(0).videoGroup, QStringLiteral("low"));
        QCOMPARE(master.variants.at(0).subtitlesGroup, QStringLiteral("subs"));
        QCOMPARE(master.variants.at(0).closedCaptionsGroup, QStringLiteral("cc"));
        QVERIFY(master.variants.at(1).closedCaptionsGroup.isEmpty());
    }

    void mapByteRangeDiscontinuityAndDates()
    {
        PlaylistParser parser(QUrl(QStringLiteral("https://cdn.example.com/v/1/index.m3u8")));
        const QByteArray data = lines({"#EXTM3U", "#EXT-X-VERSION:7", "#EXT-X-TARGETDURATION:4",
                                       "#EXT-X-PLAYLIST-TYPE:VOD", "#EXT-X-INDEPENDENT-SEGMENTS",
                                       "#EXT-X-DISCONTINUITY-SEQUENCE:3", "#EXT-X-START:TIME-OFFSET=-12.5,PRECISE=YES",
                                       "#EXT-X-MAP:URI=\"init.mp4\",BYTERANGE=\"720@0\"",
                                       "#EXT-X-PROGRAM-DATE-TIME:2026-01-02T03:04:05.500Z",
                                       "#EXTINF:4.0,first", "#EXT-X-BYTERANGE:1000@720", "all.mp4",
                                       "#EXTINF:4.0,", "#EXT-X-BYTERANGE:2000", "all.mp4",
                                       "#EXT-X-DISCONTINUITY", "#EXTINF:3.5,", "/abs/other.ts", "#EXT-X-ENDLIST"});
        QVERIFY2(parser.parse(data), qPrintable(parser.errorString()));
        const MediaPlaylist &media = parser.media();
        QCOMPARE(media.type, MediaPlaylist::Type::Vod);
        QVERIFY(media.independentSegments);
        QCOMPARE(media.start->timeOffset, -12.5);
        QVERIFY(media.start->precise);
        QCOMPARE(media.segments.size(), 3);
        const MediaSegment &first = media.segments.at(0);
        QCOMPARE(first.title, QStringLiteral("first"));
        QCOMPARE(first.initialization->uri, QUrl(QStringLiteral("https://cdn.example.com/v/1/init.mp4")));
        QCOMPARE(first.initialization->byteRange->length, 720);
        QCOMPARE(first.byteRange->offset, 720);
        QCOMPARE(first.byteRange->length, 1000);
        QCOMPARE(media.segments.at(1).byteRange->offset, 1720); // continues the previous range
        QCOMPARE(first.programDateTime, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 500), Qt::UTC));
        QCOMPARE(media.segments.at(1).programDateTime, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 9, 500), Qt::UTC));
        QCOMPARE(first.discontinuitySequence, 3);
        QVERIFY(media.segments.at(2).discontinuity);
        QCOMPARE(media.segments.at(2).discontinuitySequence, 4);
        QVERIFY(!media.segments.at(2).programDateTime.isValid());
        QCOMPARE(media.segments.at(2).uri, QUrl(QStringLiteral("https://cdn.example.com/abs/other.ts")));
    }

    void realWorldNoise()
    {
        // BOM, CRLF, blank lines, comments, unknown tags, trailing whitespace, space after commas
        QByteArray data = "\xEF\xBB\xBF";
        data += lines({"#EXTM3U  ", "#EXT-X-VERSION:3", "", "# a comment", "#EXT-X-ALLOW-CACHE:YES",
                       "#EXT-X-VENDOR-THING:FOO=1", "#EXT-X-TARGETDURATION:6 ", "#EXTINF:6, title here",
                       "seg0.ts   ", "", "#EXTINF:5", "https://other.example.net/seg1.ts?token=a%20b",
                       "#EXT-X-ENDLIST", ""},
                      "\r\n");
        PlaylistParser parser(QUrl(QStringLiteral("http://example.com/path/to/index.m3u8?session=1")));
        QVERIFY2(parser.parse(data), qPrintable(parser.errorString()));
        const MediaPlaylist &media = parser.media();
        QCOMPARE(media.targetDuration, 6.0);
        QCOMPARE(media.segments.size(), 2);
        QCOMPARE(media.segments.at(0).uri, QUrl(QStringLiteral("http://example.com/path/to/seg0.ts")));
        QCOMPARE(media.segments.at(0).title, QStringLiteral("title here"));
        QCOMPARE(media.segments.at(1).duration, 5.0);
        QCOMPARE(media.segments.at(1).uri.host(), QStringLiteral("other.example.net"));

        PlaylistParser master(QUrl(QStringLiteral("http://example.com/v/master.m3u8")));
        QVERIFY2(master.parse(lines({"#EXTM3U", "#EXT-X-STREAM-INF:BANDWIDTH=800000, RESOLUTION=640x360",
                                     "# comment between tag and URI", "", "360p/index.m3u8"}, "\r\n")),
                 qPrintable(master.errorString()));
        QCOMPARE(master.master().variants.at(0).resolution, QSize(640, 360));
        QCOMPARE(master.master().variants.at(0).uri, QUrl(QStringLiteral("http://example.com/v/360p/index.m3u8")));
    }

    void missingTargetDurationIsDerived()
    {
        PlaylistParser parser(QUrl(QStringLiteral("http://example.com/i.m3u8")));
        QVERIFY(parser.parse(lines({"#EXTM3U", "#EXTINF:5.6,", "a.ts", "#EXTINF:3.2,", "b.ts"})));
        QCOMPARE(parser.media().targetDuration, 6.0);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("no header") << lines({"#EXTINF:4,", "a.ts"}) << 1 << QStringLiteral("#EXTM3U");
        QTest::newRow("empty") << QByteArray() << 1 << QStringLiteral("#EXTM3U");
        QTest::newRow("negative duration") << lines({"#EXTM3U", "#EXT-X-TARGETDURATION:4", "#EXTINF:4,", "a.ts", "#EXTINF:-1,", "b.ts"})
                                           << 5 << QStringLiteral("negative");
        QTest::newRow("non-numeric duration") << lines({"#EXTM3U", "#EXTINF:four,", "a.ts"}) << 2 << QStringLiteral("not a number");
        QTest::newRow("uri without extinf") << lines({"#EXTM3U", "#EXT-X-TARGETDURATION:4", "#EXTINF:4,", "a.ts", "b.ts"})
                                            << 5 << QStringLiteral("EXTINF");
        QTest::newRow("extinf without uri") << lines({"#EXTM3U", "#EXTINF:4,", "#EXT-X-ENDLIST"}) << 2 << QStringLiteral("not followed");
        QTest::newRow("bandwidth missing") << lines({"#EXTM3U", "#EXT-X-STREAM-INF:RESOLUTION=1x1", "a.m3u8"})
                                           << 2 << QStringLiteral("BANDWIDTH");
        QTest::newRow("stream-inf without uri") << lines({"#EXTM3U", "#EXT-X-STREAM-INF:BANDWIDTH=1", "#EXT-X-STREAM-INF:BANDWIDTH=2", "b.m3u8"})
                                                << 2 << QStringLiteral("URI");
        QTest::newRow("unterminated quote") << lines({"#EXTM3U", "", "#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID=\"a,NAME=x"})
                                            << 3 << QStringLiteral("unterminated");
        QTest::newRow("mixed master and media") << lines({"#EXTM3U", "#EXT-X-STREAM-INF:BANDWIDTH=1", "a.m3u8", "#EXTINF:4,", "a.ts"})
                                                << 4 << QStringLiteral("same playlist");
        QTest::newRow("aes without uri") << lines({"#EXTM3U", "#EXT-X-KEY:METHOD=AES-128", "#EXTINF:4,", "a.ts"})
                                         << 2 << QStringLiteral("URI");
        QTest::newRow("bad iv") << lines({"#EXTM3U", "#EXT-X-KEY:METHOD=AES-128,URI=\"k\",IV=0xZZ", "#EXTINF:4,", "a.ts"})
                                << 2 << QStringLiteral("IV");
        QTest::newRow("unknown method") << lines({"#EXTM3U", "#EXT-X-KEY:METHOD=ROT13,URI=\"k\""}) << 2 << QStringLiteral("METHOD");
        QTest::newRow("byterange without base") << lines({"#EXTM3U", "#EXTINF:4,", "#EXT-X-BYTERANGE:100", "a.ts"})
                                                << 3 << QStringLiteral("BYTERANGE");
        QTest::newRow("bad target duration") << lines({"#EXTM3U", "#EXT-X-TARGETDURATION:x"}) << 2 << QStringLiteral("TARGETDURATION");
        QTest::newRow("invalid uri") << QByteArray("#EXTM3U\n#EXTINF:4,\nhttp://media.example:8o/a\x08.ts\n")
                                                   << 3 << QStringLiteral("invalid URI");
        QTest::newRow("bad resolution") << lines({"#EXTM3U", "#EXT-X-STREAM-INF:BANDWIDTH=5,RESOLUTION=wide", "a.m3u8"})
                                        << 2 << QStringLiteral("RESOLUTION");
    }

    void errors()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, line);
        QFETCH(QString, fragment);
        PlaylistParser parser(QUrl(QStringLiteral("http://example.com/x.m3u8")));
        QVERIFY(!parser.parse(data));
        QCOMPARE(parser.kind(), PlaylistParser::Kind::Invalid);
        QCOMPARE(parser.errorLine(), line);
        QVERIFY2(parser.errorString().contains(fragment), qPrintable(parser.errorString()));
        QVERIFY(parser.errorString().startsWith(QStringLiteral("line %1:").arg(line)));
    }

    void parserIsReusable()
    {
        PlaylistParser parser(QUrl(QStringLiteral("http://example.com/x.m3u8")));
        QVERIFY(!parser.parse("garbage"));
        QVERIFY(parser.parse(lines({"#EXTM3U", "#EXTINF:1,", "a.ts"})));
        QVERIFY(parser.errorString().isEmpty());
        QCOMPARE(parser.media().segments.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPlaylistParser)
#include "tst_playlistparser.moc"
