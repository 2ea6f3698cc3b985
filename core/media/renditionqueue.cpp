#include "core/media/renditionqueue.h"

namespace Kinora::Core {

bool RenditionQueue::pushFrame(FramePtr &frame, std::chrono::milliseconds wait)
{
    std::unique_lock lock(m_mutex);
    if (!m_changed.wait_for(lock, wait, [this] { return m_frames < m_capacity || m_aborted; }))
        return false;
    if (m_aborted) {
        frame.reset();
        return true;
    }
    Item item;
    item.frame = std::move(frame);
    m_items.push_back(std::move(item));
    ++m_frames;
    m_changed.notify_all();
    return true;
}

void RenditionQueue::pushAudio(PacketPtr packet)
{
    std::lock_guard lock(m_mutex);
    Item item;
    item.audio = std::move(packet);
    m_items.push_back(std::move(item));
    m_changed.notify_all();
}

void RenditionQueue::pushEnd()
{
    std::lock_guard lock(m_mutex);
    Item item;
    item.end = true;
    m_items.push_back(std::move(item));
    m_changed.notify_all();
}

void RenditionQueue::abort()
{
    std::lock_guard lock(m_mutex);
    m_aborted = true;
    m_changed.notify_all();
}

bool RenditionQueue::isAborted()
{
    std::lock_guard lock(m_mutex);
    return m_aborted;
}

RenditionQueue::Item RenditionQueue::pop()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_items.empty() || m_aborted; });
    if (m_aborted) {
        Item end;
        end.end = true;
        return end;
    }
    Item item = std::move(m_items.front());
    m_items.pop_front();
    if (item.frame)
        --m_frames;
    m_changed.notify_all();
    return item;
}

} // namespace Kinora::Core
