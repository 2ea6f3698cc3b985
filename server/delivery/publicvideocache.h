#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

#include <functional>

namespace Kinora::Server::Delivery {

// Whether a video's media may be read without a token (public, ready and
// published), remembered for a few seconds (a "no" for a fifth of that) so
// that serving segments does not query the database each time. Thread-safe;
// bounded in size.
class PublicVideoCache
{
public:
    using Lookup = std::function<bool(const QString &videoId)>;

    PublicVideoCache(Lookup lookup, int ttlMs, int maxEntries = 20000);

    bool isPublic(const QString &videoId, qint64 nowMs);

private:
    struct Entry
    {
        bool isPublic = false;
        qint64 expiresAtMs = 0;
    };

    Lookup m_lookup;
    int m_ttlMs;
    int m_maxEntries;
    QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace Kinora::Server::Delivery
