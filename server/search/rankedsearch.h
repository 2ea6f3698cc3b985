#pragma once

#include "server/search/searchindex.h"

#include <QSqlDatabase>
#include <QString>

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

} // namespace Kinora::Server::Search
