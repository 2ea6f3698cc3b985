#pragma once

#include "server/search/searchindex.h"

#include <QStringList>

namespace Kinora::Server::Storage {
class Database;
}

namespace Kinora::Server::Search {

// SearchIndex on PostgreSQL full-text search (table video_search_pg, key
// seq = videos.seq, a stored tsvector `document` with the title weighted A,
// the tags B and the description C, a GIN index; created by
// v6_search.postgres.sql). Same results and order as Fts5SearchIndex.
//
// Relevance order: score = R * P * F, highest first, where
//   R = ts_rank('{0, 1/3, 2/3, 1}', document, query)   (weights {D,C,B,A}:
//       title weighs 3, tags 2, description 1, as the FTS5 bm25 weights;
//       no length normalisation, so a title match stays above a
//       description match in a long document)
//   P = 1 + 0.5 * views / (views + 1000)           popularity, 1 .. 1.5
//   F = 1 + 0.5 * 30 / (30 + age in days)          freshness, 1.5 new .. ~1 old
// Ties go to the newer row.
//
// Cost bound: a query ranks at most SearchQuery::maxCandidates matches, the
// most recently added ones (highest seq), then filters and orders those.
// Suggestions look at the newest SuggestCandidates title matches.
//
// User text never reaches the tsquery parser as syntax: it is cut into words
// (Fts5SearchIndex::words, so both backends see the same words), every word
// is quoted as a lexeme and the expression is bound as a parameter;
// operators (&, |, !, <->), quotes and labels typed by users are separators.
class PostgresSearchIndex final : public SearchIndex
{
public:
    static constexpr int SuggestCandidates = 200;

    explicit PostgresSearchIndex(Storage::Database &database);

    bool upsert(const SearchDocument &document, QString *error) override;
    bool remove(qint64 key, QString *error) override;
    std::optional<Result> search(const SearchQuery &query, QString *error) override;
    std::optional<QStringList> suggest(const QString &prefix, int limit, qint64 nowMs, QString *error) override;

    // A to_tsquery expression: every word quoted, all required (&); the last
    // one as a prefix (:*) when lastIsPrefix; restricted to the title (weight
    // A) when titleOnly.
    static QString tsQueryExpression(const QStringList &words, bool lastIsPrefix, bool titleOnly = false);

private:
    Storage::Database &m_database;
};

} // namespace Kinora::Server::Search
