#pragma once

#include "core/media/ffmpegptr.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>

namespace Kinora::Core {

// Hands decoded frames and encoded audio packets from the decoding thread to
// one rendition's encoding thread. Frames are bounded (back-pressure on the
// decoder); audio packets are small and never block.
class RenditionQueue
{
public:
    struct Item
    {
        FramePtr frame;      // a video frame, or
        PacketPtr audio;     // an encoded audio packet, or
        bool end = false;    // no more input
    };

    explicit RenditionQueue(int frameCapacity) : m_capacity(frameCapacity) {}

    // Waits up to `wait` for room; false when the queue stayed full (the caller reports progress and retries).
    bool pushFrame(FramePtr &frame, std::chrono::milliseconds wait);
    void pushAudio(PacketPtr packet);
    void pushEnd();
    void abort();                  // wakes the consumer; pop() then returns an end item
    Item pop();
    bool isAborted();

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_items;
    int m_frames = 0;
    int m_capacity;
    bool m_aborted = false;
};

} // namespace Kinora::Core
