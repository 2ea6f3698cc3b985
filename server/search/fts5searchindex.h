#pragma once

#include "server/search/searchindex.h"

#include <QStringList>

namespace Kinora::Server::Storage {
class Database;
}

namespace Kinora::Server::Search {

// SearchIndex on SQLite FTS5 (table video_search, rowid = -videos.seq so that
// ascending rowid order is newest first; columns title, tags, description;
// created by v2_catalog.sqlite.sql).
//
// Relevance order: score = R * P * F, highest first, where
//   R = -bm25(video_search, 3, 2, 1)   (title weighs 3, tags 2, description 1;
//                                       FTS5's bm25 is negative, better is lower)
//   P = 1 + 0.5 * views / (views + 1000)           popularity, 1 .. 1.5
//   F = 1 + 0.5 * 30 / (30 + age in days)          freshness, 1.5 new .. ~1 old
// so popularity and freshness reorder close matches but never lift a weak
// match above a much stronger one. Ties go to the newer row.
//
// Cost bound: a query ranks at most SearchQuery::maxCandidates matches, the
// most recently added ones (FTS5 streams them and stops), then
// filters and orders those. A word found in most videos thus costs the same
// as a rarer one; its older matches are reachable by adding words or filters.
// Suggestions look at the newest SuggestCandidates title matches.
//
// User text never reaches FTS5 as syntax: it is cut into words (letters and
// digits) and every word is quoted; operators, quotes, column filters and
// parentheses typed by users are thus plain separators.
class Fts5SearchIndex final : public SearchIndex
{
public:
    static constexpr int MaxQueryWords = 16;
    static constexpr int SuggestCandidates = 200;

    explicit Fts5SearchIndex(Storage::Database &database);

    bool upsert(const SearchDocument &document, QString *error) override;
    bool remove(qint64 key, QString *error) override;
    std::optional<Result> search(const SearchQuery &query, QString *error) override;
    std::optional<QStringList> suggest(const QString &prefix, int limit, qint64 nowMs, QString *error) override;

    // The words of a user's text (letters and digits), at most MaxQueryWords.
    static QStringList words(const QString &text);
    // An FTS5 MATCH expression: every word quoted, all required; the last one
    // as a prefix when lastIsPrefix; restricted to one column when column is set.
    static QString matchExpression(const QStringList &words, bool lastIsPrefix, const QString &column = {});

private:
    Storage::Database &m_database;
};

} // namespace Kinora::Server::Search
