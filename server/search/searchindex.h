#pragma once

#include "server/search/searchdocument.h"
#include "server/search/searchquery.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace Kinora::Server::Search {

// The full-text index of listed videos, behind an interface so that another
// backend (PostgreSQL tsvector, an external engine) can replace the SQLite
// FTS5 one. Writes use the calling thread's database connection, so they
// join the caller's transaction. Search results are public video ids in
// result order; filters on listing state are the index's job.
class SearchIndex
{
public:
    struct Result
    {
        QStringList videoIds;
        bool hasMore = false;
    };

    virtual ~SearchIndex() = default;

    virtual bool upsert(const SearchDocument &document, QString *error) = 0;
    virtual bool remove(qint64 key, QString *error) = 0;
    // Empty optional and *error on a database failure; a query without any
    // searchable word gives an empty result, not an error.
    virtual std::optional<Result> search(const SearchQuery &query, QString *error) = 0;
    // Titles of listed videos that contain the words of `prefix`, the last
    // one as a prefix (type-ahead).
    virtual std::optional<QStringList> suggest(const QString &prefix, int limit, qint64 nowMs, QString *error) = 0;
};

} // namespace Kinora::Server::Search
