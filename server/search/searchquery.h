#pragma once

#include <QString>

namespace Kinora::Server::Search {

// What a search asks for, already validated: the user's text (any characters;
// the index quotes it), optional filters and the sort order. Pages are
// reached by offset (search results have no stable key to resume from).
struct SearchQuery
{
    enum class Duration { Any, Short, Medium, Long };      // <4 min, 4-20 min, >20 min
    enum class UploadDate { Any, Today, Week, Month, Year }; // within the last 1/7/30/365 days
    enum class Sort { Relevance, Date, Views };

    QString text;
    Duration duration = Duration::Any;
    UploadDate uploadDate = UploadDate::Any;
    QString category; // empty: any
    Sort sort = Sort::Relevance;
    int limit = 20;
    int offset = 0;
    qint64 nowMs = 0; // the time listings are judged against (publish times, freshness)
    // At most this many matches (the most recently added) are filtered and
    // ordered: bounds the cost of a query whose words are in most videos.
    int maxCandidates = 500;
};

} // namespace Kinora::Server::Search
