// HlsSession on hand-written playlists served locally: order of delivery,
// rung choice, pausing at the buffer limit, abandonment of a download that
// would outlast the buffer, and playlist errors.
#include "localhttpserver.h"

#include "player/abr/abrregistry.h"
#include "player/hls/hlssession.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Kinora::Player;

namespace {

QByteArray mediaPlaylist(const char *prefix, int segments, double duration)
{
    QByteArray text = "#EXTM3U\n#EXT-X-TARGETDURATION:" + QByteArray::number(qCeil(duration)) + "\n#EXT-X-PLAYLIST-TYPE:VOD\n";
    for (int i = 0; i < segments; ++i)
        text += "#EXTINF:" + QByteArray::number(duration) + ",\n" + prefix + QByteArray::number(i) + ".ts\n";
    return text + "#EXT-X-ENDLIST\n";
}

LocalHttpServer::Response ok(const QByteArray &body, int bytesPerSecond = 0)
{
    return LocalHttpServer::Response{200, body, bytesPerSecond, 0};
}

} // namespace

class TestHlsSession : public QObject
{
    Q_OBJECT

private:
    LocalHttpServer m_server;
    QNetworkAccessManager m_network;

    QUrl url(const char *path) const { return QUrl(m_server.baseUrl() + QLatin1String(path)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        m_server.addRoute("/v/master.m3u8", [](const QByteArray &, const auto &) {
            return ok("#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=2000000\nhi/index.m3u8\n"
                      "#EXT-X-STREAM-INF:BANDWIDTH=200000\nlo/index.m3u8\n");
        });
        m_server.addRoute("/v/lo/index.m3u8", [](const QByteArray &, const auto &) { return ok(mediaPlaylist("lo", 6, 1.0)); });
        m_server.addRoute("/v/hi/index.m3u8", [](const QByteArray &, const auto &) { return ok(mediaPlaylist("hi", 6, 1.0)); });
        for (int i = 0; i < 6; ++i) {
            const QByteArray n = QByteArray::number(i);
            m_server.addRoute("/v/lo/lo" + n + ".ts", [n](const QByteArray &, const auto &) { return ok("low-" + n); });
            // The third high segment trickles: 100 kB at 20 kB/s takes 5 s.
            m_server.addRoute("/v/hi/hi" + n + ".ts", [n](const QByteArray &, const auto &) {
                return n == "2" ? ok(QByteArray(100000, 'h'), 20000) : ok("high-" + n);
            });
        }
        m_server.addRoute("/bad/master.m3u8", [](const QByteArray &, const auto &) {
            return ok("#EXTM3U\n#EXT-X-STREAM-INF:RESOLUTION=1x1\nx.m3u8\n");
        });
    }

    void deliversInOrderAndAbandonsSlowDownloads()
    {
        HlsSession session(&m_network, AbrRegistry::create(QStringLiteral("throughput")));
        session.selector().lockRung(1);
        QSignalSpy ready(&session, &HlsSession::segmentReady);
        QSignalSpy ladder(&session, &HlsSession::ladderLoaded);
        QSignalSpy finished(&session, &HlsSession::finished);
        session.open(url("/v/master.m3u8"));
        QVERIFY(finished.wait(10000));
        QCOMPARE(ladder.size(), 1);
        QCOMPARE(ladder.first().at(0).toInt(), 2);
        QCOMPARE(session.variants().first().bandwidth, 200000); // ascending
        QCOMPARE(ready.size(), 6);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(ready.at(i).at(0).toInt(), i);
        // Segment 2 of the high rung could not arrive within the 2 s of buffer:
        // abandoned and fetched from the lowest rung instead.
        QCOMPARE(session.chosenRungs(), (QList<int>{1, 1, 0, 1, 1, 1}));
        QCOMPARE(ready.at(2).at(2).toByteArray(), QByteArray("low-2"));
        QCOMPARE(ready.at(3).at(2).toByteArray(), QByteArray("high-3"));
        QCOMPARE(session.durationSeconds(), 6.0);
    }

    void pausesWhenTheBufferIsFull()
    {
        HlsSession session(&m_network, AbrRegistry::create(QStringLiteral("bba")));
        session.setMaximumBufferSeconds(3.0);
        QSignalSpy ready(&session, &HlsSession::segmentReady);
        session.open(url("/v/master.m3u8"));
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 3, 5000);
        QTest::qWait(300);
        QCOMPARE(ready.size(), 3); // 3 s buffered: waits for playback
        QCOMPARE(session.bufferSeconds(), 3.0);
        session.setPlaybackPosition(1.0);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 4, 5000);
        QTest::qWait(300);
        QCOMPARE(ready.size(), 4);
        // BBA: below its 5 s reservoir every segment comes from the lowest rung.
        for (int rung : session.chosenRungs())
            QCOMPARE(rung, 0);
    }

    void reportsPlaylistErrors()
    {
        HlsSession session(&m_network, AbrRegistry::create(AbrRegistry::defaultId()));
        QSignalSpy failed(&session, &HlsSession::failed);
        session.open(url("/bad/master.m3u8"));
        QVERIFY(failed.wait(5000));
        QVERIFY2(failed.first().at(0).toString().contains(QStringLiteral("line 2")), qPrintable(failed.first().at(0).toString()));
        QSignalSpy failedMissing(&session, &HlsSession::failed);
        session.open(url("/nowhere.m3u8"));
        QVERIFY(failedMissing.wait(5000));
        QVERIFY(failedMissing.first().at(0).toString().contains(QStringLiteral("404")));
    }
};

QTEST_GUILESS_MAIN(TestHlsSession)
#include "tst_hlssession.moc"
