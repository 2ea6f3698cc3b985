#include "server/accounts/ratelimiter.h"

#include <QMutexLocker>

#include <cmath>

namespace Kinora::Server::Accounts {

RateLimiter::RateLimiter(int burst, int perMinute, int maxKeys)
    : m_burst(qMax(1, burst))
    , m_perMs(qMax(1, perMinute) / 60000.0)
    , m_maxKeys(qMax(16, maxKeys))
{
}

RateLimiter::Decision RateLimiter::take(const QString &key, qint64 nowMs)
{
    QMutexLocker locker(&m_mutex);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_maxKeys)
            prune(nowMs);
        it = m_buckets.insert(key, Bucket{m_burst, nowMs});
    } else {
        const qint64 elapsed = qMax<qint64>(0, nowMs - it->updatedMs);
        it->tokens = qMin(m_burst, it->tokens + elapsed * m_perMs);
        it->updatedMs = nowMs;
    }
    if (it->tokens >= 1.0) {
        it->tokens -= 1.0;
        return {};
    }
    const double missingMs = (1.0 - it->tokens) / m_perMs;
    return Decision{false, qMax(1, int(std::ceil(missingMs / 1000.0)))};
}

void RateLimiter::prune(qint64 nowMs)
{
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        const double tokens = it->tokens + qMax<qint64>(0, nowMs - it->updatedMs) * m_perMs;
        if (tokens >= m_burst)
            it = m_buckets.erase(it);
        else
            ++it;
    }
    // Still full of active keys: forget the whole table rather than grow without bound.
    if (m_buckets.size() >= m_maxKeys)
        m_buckets.clear();
}

} // namespace Kinora::Server::Accounts
