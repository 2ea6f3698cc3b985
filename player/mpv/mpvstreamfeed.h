#pragma once

#include <QByteArray>
#include <QMutex>
#include <QWaitCondition>

#include <cstdint>
#include <deque>

struct mpv_handle;
struct mpv_stream_cb_info;

namespace Kinora::Player {

// Serves the segments the HLS engine chose to mpv as one continuous stream
// through a custom protocol (mpv_stream_cb_add_ro). The engine appends bytes
// on its thread; mpv's demuxer reads on its own and blocks until bytes, the
// end of the stream or a cancel arrive. The feed must outlive the mpv handle.
//
// libmpv calls a stream's close function before it detaches the stream's
// cancel hook, so a cancel racing with a close can still reach a closed
// stream's cookie. Cookies therefore live as long as the feed, and a closed
// one ignores cancels.
class MpvStreamFeed
{
public:
    MpvStreamFeed() = default;
    MpvStreamFeed(const MpvStreamFeed &) = delete;
    MpvStreamFeed &operator=(const MpvStreamFeed &) = delete;

    // Registers protocol:// on the handle; open "protocol://anything" to play the feed.
    bool registerProtocol(mpv_handle *mpv, const char *protocol);

    void append(const QByteArray &bytes);
    void finish();  // no more bytes: mpv sees the end of the stream
    void cancel();  // wake and fail any blocked read
    // Starts a new stream: drops what was not read, ends the stream mpv has
    // open now (it reads end-of-stream) and lets the next open read afresh.
    void reset();
    qint64 bytesRead() const;

private:
    friend class TestMpvStreamFeed;
    static int open(void *userData, char *uri, ::mpv_stream_cb_info *info);
    static int64_t read(void *cookie, char *buffer, uint64_t size);
    static void close(void *cookie);
    // One opened stream: reads only while the feed is still in its generation.
    struct Reader
    {
        MpvStreamFeed *feed;
        quint64 generation;
        bool closed = false; // guarded by feed->m_mutex
    };
    static void cancelRead(void *cookie);

    mutable QMutex m_mutex;
    QWaitCondition m_available;
    std::deque<QByteArray> m_chunks;
    qsizetype m_offsetInFront = 0;
    bool m_finished = false;
    bool m_cancelled = false;
    qint64 m_bytesRead = 0;
    quint64 m_generation = 0;
    std::deque<Reader> m_readers; // stable addresses: push_back never moves them
};

} // namespace Kinora::Player
