#include "player/mpv/mpvstreamfeed.h"

#include <mpv/client.h>
#include <mpv/stream_cb.h>

#include <algorithm>
#include <cstring>

namespace Kinora::Player {

bool MpvStreamFeed::registerProtocol(mpv_handle *mpv, const char *protocol)
{
    return mpv_stream_cb_add_ro(mpv, protocol, this, &MpvStreamFeed::open) >= 0;
}

int MpvStreamFeed::open(void *userData, char *, mpv_stream_cb_info *info)
{
    auto *feed = static_cast<MpvStreamFeed *>(userData);
    QMutexLocker locker(&feed->m_mutex);
    feed->m_cancelled = false; // a cancel belonged to the stream mpv closed before
    // Closed readers stay allocated; only the oldest go, once many streams
    // have opened since and mpv has long finished freeing theirs.
    while (feed->m_readers.size() > 64 && feed->m_readers.front().closed)
        feed->m_readers.pop_front();
    feed->m_readers.push_back(Reader{feed, feed->m_generation});
    info->cookie = &feed->m_readers.back();
    info->read_fn = &MpvStreamFeed::read;
    info->close_fn = &MpvStreamFeed::close;
    info->cancel_fn = &MpvStreamFeed::cancelRead;
    info->seek_fn = nullptr; // a live feed: mpv buffers what it needs to probe
    info->size_fn = nullptr;
    return 0;
}

void MpvStreamFeed::append(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    QMutexLocker locker(&m_mutex);
    m_chunks.push_back(bytes);
    m_available.wakeAll();
}

void MpvStreamFeed::finish()
{
    QMutexLocker locker(&m_mutex);
    m_finished = true;
    m_available.wakeAll();
}

void MpvStreamFeed::cancel()
{
    QMutexLocker locker(&m_mutex);
    m_cancelled = true;
    m_available.wakeAll();
}

void MpvStreamFeed::reset()
{
    QMutexLocker locker(&m_mutex);
    ++m_generation;
    m_chunks.clear();
    m_offsetInFront = 0;
    m_finished = false;
    m_available.wakeAll();
}

qint64 MpvStreamFeed::bytesRead() const
{
    QMutexLocker locker(&m_mutex);
    return m_bytesRead;
}

int64_t MpvStreamFeed::read(void *cookie, char *buffer, uint64_t size)
{
    auto *reader = static_cast<Reader *>(cookie);
    auto *feed = reader->feed;
    QMutexLocker locker(&feed->m_mutex);
    while (feed->m_chunks.empty() && !feed->m_finished && !feed->m_cancelled && reader->generation == feed->m_generation)
        feed->m_available.wait(&feed->m_mutex, 200); // bounded: re-checks cancel regularly
    if (reader->generation != feed->m_generation)
        return 0; // superseded by a restart
    if (feed->m_cancelled)
        return -1;
    if (feed->m_chunks.empty())
        return 0; // finished
    uint64_t copied = 0;
    while (copied < size && !feed->m_chunks.empty()) {
        const QByteArray &front = feed->m_chunks.front();
        const uint64_t available = uint64_t(front.size() - feed->m_offsetInFront);
        const uint64_t count = std::min(available, size - copied);
        std::memcpy(buffer + copied, front.constData() + feed->m_offsetInFront, count);
        copied += count;
        feed->m_offsetInFront += qsizetype(count);
        if (feed->m_offsetInFront >= front.size()) {
            feed->m_chunks.pop_front();
            feed->m_offsetInFront = 0;
        }
    }
    feed->m_bytesRead += qint64(copied);
    return int64_t(copied);
}

void MpvStreamFeed::close(void *cookie)
{
    auto *reader = static_cast<Reader *>(cookie);
    QMutexLocker locker(&reader->feed->m_mutex);
    reader->closed = true;
}

void MpvStreamFeed::cancelRead(void *cookie)
{
    auto *reader = static_cast<Reader *>(cookie);
    QMutexLocker locker(&reader->feed->m_mutex);
    if (!reader->closed && reader->generation == reader->feed->m_generation) {
        reader->feed->m_cancelled = true;
        reader->feed->m_available.wakeAll();
    }
}

} // namespace Kinora::Player
