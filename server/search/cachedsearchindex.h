#pragma once

#include "server/search/searchindex.h"

#include <QByteArray>
#include <QCache>
#include <QMutex>

#include <atomic>
#include <memory>

namespace Kinora::Server::Search {

// A SearchIndex in front of another that remembers recent results (video ids,
// not videos: the service still loads the current rows, so counts and
// visibility are fresh). Every write through this index invalidates all
// remembered results at once; an entry also expires after `ttlMs`, which
// bounds how stale results may be when another server instance writes to a
// shared database, or when a write's transaction commits after a concurrent
// search stored its result. Thread-safe. ttlMs <= 0 turns caching off.
class CachedSearchIndex final : public SearchIndex
{
public:
    CachedSearchIndex(std::unique_ptr<SearchIndex> inner, qint64 ttlMs, int maxEntries);

    bool upsert(const SearchDocument &document, QString *error) override;
    bool remove(qint64 key, QString *error) override;
    std::optional<Result> search(const SearchQuery &query, QString *error) override;
    std::optional<QStringList> suggest(const QString &prefix, int limit, qint64 nowMs, QString *error) override;

    // Whole responses built from a search (its JSON body), under the same
    // invalidation: take generation() before running the search, then
    // storeBody() drops the body if a write came in between.
    static QString searchKey(const SearchQuery &query);
    quint64 generation() const { return m_generation.load(); }
    std::optional<QByteArray> body(const QString &key);
    void storeBody(const QString &key, quint64 generation, QByteArray body);

    quint64 hits() const { return m_hits.load(); }
    quint64 misses() const { return m_misses.load(); }

private:
    struct Entry
    {
        Result result;
        QStringList titles;
        QByteArray body;
        qint64 storedAtMs = 0;
        quint64 generation = 0;
    };

    const Entry *fresh(const QString &key, qint64 nowMs); // call with m_lock held
    void store(const QString &key, Entry entry);
    void invalidate();

    std::unique_ptr<SearchIndex> m_inner;
    const qint64 m_ttlMs;
    QMutex m_lock;
    QCache<QString, Entry> m_entries;
    std::atomic<quint64> m_generation{0};
    std::atomic<quint64> m_hits{0};
    std::atomic<quint64> m_misses{0};
};

} // namespace Kinora::Server::Search
