// WebVTT storyboards for seek-bar previews: cues with #xywh= sprite tiles,
// hours-less and hours timestamps, CRLF and BOM, relative URIs, broken cues
// skipped; and the player widget cutting the right tile out of a sprite.
#include "player/abr/abrregistry.h"
#include "player/mpv/mpvhlsplayer.h"
#include "player/ui/playerwidget.h"
#include "player/ui/storyboardtrack.h"

#include <QNetworkAccessManager>
#include <QTest>

using namespace Kinora::Player;

class TestStoryboardTrack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesSpriteTiles()
    {
        const QByteArray vtt = "\xEF\xBB\xBFWEBVTT\r\n\r\n"
                               "00:00.000 --> 00:05.000\r\nsprite-0.jpg#xywh=0,0,160,90\r\n\r\n"
                               "00:00:05.000 --> 00:00:10.000 align:start\r\nsprite-0.jpg#xywh=160,0,160,90\r\n\r\n"
                               "00:10.000 --> 00:08.000\r\nbackwards.jpg#xywh=0,0,1,1\r\n\r\n"
                               "00:10.000 --> 00:15.000\r\nsprite-1.jpg#xywh=0,90,bad,90\r\n\r\n"
                               "00:15.000 --> 00:20.000\r\nhttps://cdn.example/whole.jpg\r\n";
        StoryboardTrack track;
        QVERIFY(track.parse(vtt, QUrl(QStringLiteral("https://kinora.example/v/1/storyboard.vtt"))));
        QCOMPARE(track.tiles().size(), 3);
        const auto second = track.tileAt(7.5);
        QVERIFY(second);
        QCOMPARE(second->image, QUrl(QStringLiteral("https://kinora.example/v/1/sprite-0.jpg")));
        QCOMPARE(second->rect, QRect(160, 0, 160, 90));
        QVERIFY(!track.tileAt(12.0)); // the broken cue was skipped
        QCOMPARE(track.tileAt(16.0)->image, QUrl(QStringLiteral("https://cdn.example/whole.jpg")));
        QVERIFY(track.tileAt(16.0)->rect.isEmpty());
        QVERIFY(!track.tileAt(25.0));
        QCOMPARE(track.images().size(), 2);
        QVERIFY(!StoryboardTrack().parse("00:00.000 --> 00:05.000\nx.jpg\n", QUrl()));
    }

    void widgetCutsThePreviewTile()
    {
        StoryboardTrack track;
        QVERIFY(track.parse("WEBVTT\n\n00:00.000 --> 00:05.000\ns.png#xywh=0,0,4,2\n\n"
                            "00:05.000 --> 00:10.000\ns.png#xywh=4,0,4,2\n",
                            QUrl(QStringLiteral("http://127.0.0.1/sb.vtt"))));
        QImage sprite(8, 2, QImage::Format_RGB32);
        sprite.fill(Qt::red);
        for (int y = 0; y < 2; ++y)
            for (int x = 4; x < 8; ++x)
                sprite.setPixelColor(x, y, Qt::blue);
        QNetworkAccessManager network;
        MpvHlsPlayer player(&network, AbrRegistry::defaultId());
        QVERIFY(player.initialize({{"vo", "null"}, {"ao", "null"}}));
        PlayerWidget widget(&player, nullptr, nullptr, PlayerWidget::VideoOutput::None);
        widget.setStoryboard(track, {{QUrl(QStringLiteral("http://127.0.0.1/s.png")), sprite}});
        QCOMPARE(widget.previewAt(7.0).size(), QSize(4, 2));
        QCOMPARE(widget.previewAt(7.0).pixelColor(0, 0), QColor(Qt::blue));
        QCOMPARE(widget.previewAt(1.0).pixelColor(3, 1), QColor(Qt::red));
        QVERIFY(widget.previewAt(11.0).isNull());
    }
};

QTEST_MAIN(TestStoryboardTrack)
#include "tst_storyboardtrack.moc"
