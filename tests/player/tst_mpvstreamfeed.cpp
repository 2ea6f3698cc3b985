#include "player/mpv/mpvstreamfeed.h"

#include <QTest>

#include <mpv/stream_cb.h>

#include <thread>

namespace Kinora::Player {

// Drives the stream callbacks the way libmpv's stream_cb does, including the
// order libmpv uses when it frees a stream: close first, cancel hook later.
class TestMpvStreamFeed : public QObject
{
    Q_OBJECT

    static mpv_stream_cb_info openStream(MpvStreamFeed &feed)
    {
        mpv_stream_cb_info info{};
        char uri[] = "kinora://feed/1";
        if (MpvStreamFeed::open(&feed, uri, &info) != 0)
            qFatal("open failed");
        return info;
    }

    static QByteArray readSome(const mpv_stream_cb_info &info, int64_t *result = nullptr)
    {
        char buffer[64];
        const int64_t count = info.read_fn(info.cookie, buffer, sizeof buffer);
        if (result)
            *result = count;
        return count > 0 ? QByteArray(buffer, int(count)) : QByteArray();
    }

private Q_SLOTS:
    void readsAppendedBytesThenTheEnd()
    {
        MpvStreamFeed feed;
        const mpv_stream_cb_info info = openStream(feed);
        feed.append("abc");
        feed.append("def");
        QCOMPARE(readSome(info), QByteArray("abcdef"));
        feed.finish();
        int64_t result = -2;
        QVERIFY(readSome(info, &result).isEmpty());
        QCOMPARE(result, 0);
        QCOMPARE(feed.bytesRead(), 6);
        info.close_fn(info.cookie);
    }

    void cancelWakesABlockedRead()
    {
        MpvStreamFeed feed;
        const mpv_stream_cb_info info = openStream(feed);
        int64_t result = -2;
        std::thread reader([&] { readSome(info, &result); });
        QTest::qWait(50);
        info.cancel_fn(info.cookie);
        reader.join();
        QCOMPARE(result, -1);
        info.close_fn(info.cookie);
    }

    void cancelAfterCloseDoesNotReachTheNextStream()
    {
        MpvStreamFeed feed;
        const mpv_stream_cb_info first = openStream(feed);
        first.close_fn(first.cookie);
        // libmpv may still run the closed stream's cancel hook: it must be
        // harmless (no freed cookie, under ASan) and must not fail the next stream.
        first.cancel_fn(first.cookie);
        const mpv_stream_cb_info second = openStream(feed);
        first.cancel_fn(first.cookie);
        feed.append("xyz");
        int64_t result = -2;
        QCOMPARE(readSome(second, &result), QByteArray("xyz"));
        QCOMPARE(result, 3);
        second.close_fn(second.cookie);
    }

    void resetEndsTheOpenStreamAndStaleCancelsAreIgnored()
    {
        MpvStreamFeed feed;
        const mpv_stream_cb_info old = openStream(feed);
        feed.append("old");
        feed.reset();
        int64_t result = -2;
        QVERIFY(readSome(old, &result).isEmpty());
        QCOMPARE(result, 0); // superseded: mpv reads the end of that stream
        const mpv_stream_cb_info fresh = openStream(feed);
        old.cancel_fn(old.cookie); // from the previous generation
        feed.append("new");
        QCOMPARE(readSome(fresh), QByteArray("new"));
        old.close_fn(old.cookie);
        fresh.close_fn(fresh.cookie);
    }

    void manyOpensKeepCookiesValid()
    {
        MpvStreamFeed feed;
        QList<mpv_stream_cb_info> streams;
        for (int i = 0; i < 200; ++i) {
            streams.append(openStream(feed));
            streams.last().close_fn(streams.last().cookie);
        }
        // The most recent closed cookies stay usable for a late cancel.
        for (qsizetype i = streams.size() - 32; i < streams.size(); ++i)
            streams.at(i).cancel_fn(streams.at(i).cookie);
        const mpv_stream_cb_info live = openStream(feed);
        feed.append("ok");
        QCOMPARE(readSome(live), QByteArray("ok"));
        live.close_fn(live.cookie);
    }
};

} // namespace Kinora::Player

QTEST_GUILESS_MAIN(Kinora::Player::TestMpvStreamFeed)
#include "tst_mpvstreamfeed.moc"
