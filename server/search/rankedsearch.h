#pragma once

#include "server/search/searchindex.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace Kinora::Server::Search {

// The part of a search both index backends share: the listing condition,
// the filters, the sort and the page, applied to the backend's candidates.
// `candidates` is a subquery selecting `seq` and `score` (its own parameters
// :match and :candidates are bound here); `relevance` orders by the score,
// popularity and freshness in the backend's SQL dialect and may use :now2.
struct RankedSearch
{
    QString candidates;
    QString relevance;
    QString match; // the backend's query expression, bound as :match
};

// "Listed": public, ready and published (the publish time may be in the future
// for a scheduled video, which stays hidden until then). Uses :now; the
// videos table is `v`.
QString listedCondition();

std::optional<SearchIndex::Result> runRankedSearch(QSqlDatabase &db, const RankedSearch &search,
                                                   const SearchQuery &request, QString *error);

// Type-ahead: titles of listed videos among `candidates` (a subquery selecting
// `seq`, with its :match and :candidates bound here), most viewed first,
// without repeats that differ only in case.
std::optional<QStringList> runSuggestion(QSqlDatabase &db, const QString &candidates, const QString &match,
                                         int candidateCount, int limit, qint64 nowMs, QString *error);

} // namespace Kinora::Server::Search
