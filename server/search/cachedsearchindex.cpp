#include "server/search/cachedsearchindex.h"

#include <QDateTime>
#include <QMutexLocker>

namespace Kinora::Server::Search {

CachedSearchIndex::CachedSearchIndex(std::unique_ptr<SearchIndex> inner, qint64 ttlMs, int maxEntries)
    : m_inner(std::move(inner))
    , m_ttlMs(ttlMs)
    , m_entries(qMax(1, maxEntries))
{
}

bool CachedSearchIndex::upsert(const SearchDocument &document, QString *error)
{
    invalidate();
    const bool ok = m_inner->upsert(document, error);
    invalidate();
    return ok;
}

bool CachedSearchIndex::remove(qint64 key, QString *error)
{
    invalidate();
    const bool ok = m_inner->remove(key, error);
    invalidate();
    return ok;
}

QString CachedSearchIndex::searchKey(const SearchQuery &query)
{
    // The text as the index reads it: case and inner spacing do not change
    // the words an FTS tokenizer sees.
    return QStringLiteral("s|%1|%2|%3|%4|%5|%6|%7|%8")
        .arg(int(query.duration))
        .arg(int(query.uploadDate))
        .arg(int(query.sort))
        .arg(query.limit)
        .arg(query.offset)
        .arg(query.maxCandidates)
        .arg(query.category, query.text.simplified().toCaseFolded());
}

const CachedSearchIndex::Entry *CachedSearchIndex::fresh(const QString &key, qint64 nowMs)
{
    const Entry *entry = m_entries.object(key);
    if (!entry)
        return nullptr;
    if (entry->generation != m_generation.load() || nowMs - entry->storedAtMs >= m_ttlMs || nowMs < entry->storedAtMs) {
        m_entries.remove(key);
        return nullptr;
    }
    return entry;
}

void CachedSearchIndex::store(const QString &key, Entry entry)
{
    QMutexLocker locker(&m_lock);
    // A write that happened while the query ran makes its result unusable.
    if (entry.generation != m_generation.load())
        return;
    m_entries.insert(key, new Entry(std::move(entry)));
}

void CachedSearchIndex::invalidate()
{
    QMutexLocker locker(&m_lock);
    ++m_generation;
    m_entries.clear();
}

std::optional<SearchIndex::Result> CachedSearchIndex::search(const SearchQuery &query, QString *error)
{
    if (m_ttlMs <= 0)
        return m_inner->search(query, error);
    const QString key = searchKey(query);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    quint64 generation = 0;
    {
        QMutexLocker locker(&m_lock);
        if (const Entry *entry = fresh(key, now)) {
            ++m_hits;
            return entry->result;
        }
        generation = m_generation.load();
    }
    ++m_misses;
    std::optional<Result> result = m_inner->search(query, error);
    if (result)
        store(key, Entry{*result, {}, {}, now, generation});
    return result;
}

std::optional<QByteArray> CachedSearchIndex::body(const QString &key)
{
    if (m_ttlMs <= 0)
        return std::nullopt;
    QMutexLocker locker(&m_lock);
    if (const Entry *entry = fresh(QStringLiteral("b|") + key, QDateTime::currentMSecsSinceEpoch())) {
        ++m_hits;
        return entry->body;
    }
    ++m_misses;
    return std::nullopt;
}

void CachedSearchIndex::storeBody(const QString &key, quint64 generation, QByteArray body)
{
    if (m_ttlMs <= 0)
        return;
    Entry entry;
    entry.body = std::move(body);
    entry.storedAtMs = QDateTime::currentMSecsSinceEpoch();
    entry.generation = generation;
    store(QStringLiteral("b|") + key, std::move(entry));
}

std::optional<QStringList> CachedSearchIndex::suggest(const QString &prefix, int limit, qint64 nowMs, QString *error)
{
    if (m_ttlMs <= 0)
        return m_inner->suggest(prefix, limit, nowMs, error);
    // A type-ahead prefix keeps its trailing space: "cat " and "cat" differ.
    const QString key = QStringLiteral("p|%1|%2").arg(limit).arg(prefix.toCaseFolded());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    quint64 generation = 0;
    {
        QMutexLocker locker(&m_lock);
        if (const Entry *entry = fresh(key, now)) {
            ++m_hits;
            return entry->titles;
        }
        generation = m_generation.load();
    }
    ++m_misses;
    std::optional<QStringList> titles = m_inner->suggest(prefix, limit, nowMs, error);
    if (titles)
        store(key, Entry{{}, *titles, {}, now, generation});
    return titles;
}

} // namespace Kinora::Server::Search
