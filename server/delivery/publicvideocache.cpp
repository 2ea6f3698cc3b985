#include "server/delivery/publicvideocache.h"

#include <QMutexLocker>

namespace Kinora::Server::Delivery {

PublicVideoCache::PublicVideoCache(Lookup lookup, int ttlMs, int maxEntries)
    : m_lookup(std::move(lookup))
    , m_ttlMs(ttlMs)
    , m_maxEntries(maxEntries)
{
}

bool PublicVideoCache::isPublic(const QString &videoId, qint64 nowMs)
{
    if (m_ttlMs > 0) {
        QMutexLocker lock(&m_mutex);
        const auto it = m_entries.constFind(videoId);
        if (it != m_entries.constEnd() && it->expiresAtMs > nowMs)
            return it->isPublic;
    }
    // Looked up outside the lock: two threads may both ask the database once.
    const bool answer = m_lookup(videoId);
    if (m_ttlMs > 0) {
        QMutexLocker lock(&m_mutex);
        if (m_entries.size() >= m_maxEntries) {
            for (auto it = m_entries.begin(); it != m_entries.end();)
                it = it->expiresAtMs <= nowMs ? m_entries.erase(it) : std::next(it);
            if (m_entries.size() >= m_maxEntries)
                m_entries.clear();
        }
        // "Not public" is kept shorter, so a video that was just published opens soon.
        m_entries.insert(videoId, Entry{answer, nowMs + (answer ? m_ttlMs : qMax(1, m_ttlMs / 5))});
    }
    return answer;
}

} // namespace Kinora::Server::Delivery
