#include "server/search/rankedsearch.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Kinora::Server::Search {

namespace {
constexpr qint64 DayMs = 86'400'000;

qint64 uploadDateDays(SearchQuery::UploadDate date)
{
    switch (date) {
    case SearchQuery::UploadDate::Any: return 0;
    case SearchQuery::UploadDate::Today: return 1;
    case SearchQuery::UploadDate::Week: return 7;
    case SearchQuery::UploadDate::Month: return 30;
    case SearchQuery::UploadDate::Year: return 365;
    }
    return 0;
}
} // namespace

QString listedCondition()
{
    return QStringLiteral(
        "v.visibility = 'public' AND v.state = 'ready' AND v.published_at IS NOT NULL AND v.published_at <= :now");
}

std::optional<SearchIndex::Result> runRankedSearch(QSqlDatabase &db, const RankedSearch &search,
                                                   const SearchQuery &request, QString *error)
{
    QString sql = QStringLiteral("SELECT v.id FROM (") + search.candidates
        + QStringLiteral(") c JOIN videos v ON v.seq = c.seq WHERE ") + listedCondition();
    switch (request.duration) {
    case SearchQuery::Duration::Any: break;
    case SearchQuery::Duration::Short: sql += QStringLiteral(" AND v.duration_ms < 240000"); break;
    case SearchQuery::Duration::Medium: sql += QStringLiteral(" AND v.duration_ms >= 240000 AND v.duration_ms <= 1200000"); break;
    case SearchQuery::Duration::Long: sql += QStringLiteral(" AND v.duration_ms > 1200000"); break;
    }
    const qint64 days = uploadDateDays(request.uploadDate);
    if (days > 0)
        sql += QStringLiteral(" AND v.published_at >= :since");
    if (!request.category.isEmpty())
        sql += QStringLiteral(" AND v.category = :category");
    switch (request.sort) {
    case SearchQuery::Sort::Relevance: sql += QStringLiteral(" ORDER BY ") + search.relevance; break;
    case SearchQuery::Sort::Date: sql += QStringLiteral(" ORDER BY v.published_at DESC, v.seq DESC"); break;
    case SearchQuery::Sort::Views: sql += QStringLiteral(" ORDER BY v.view_count DESC, v.seq DESC"); break;
    }
    sql += QStringLiteral(" LIMIT :limit OFFSET :offset");

    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    query.bindValue(QStringLiteral(":match"), search.match);
    query.bindValue(QStringLiteral(":candidates"), qMax(1, request.maxCandidates));
    query.bindValue(QStringLiteral(":now"), request.nowMs);
    if (request.sort == SearchQuery::Sort::Relevance)
        query.bindValue(QStringLiteral(":now2"), request.nowMs);
    if (days > 0)
        query.bindValue(QStringLiteral(":since"), request.nowMs - days * DayMs);
    if (!request.category.isEmpty())
        query.bindValue(QStringLiteral(":category"), request.category);
    query.bindValue(QStringLiteral(":limit"), request.limit + 1);
    query.bindValue(QStringLiteral(":offset"), request.offset);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    SearchIndex::Result result;
    while (query.next())
        result.videoIds.append(query.value(0).toString());
    if (result.videoIds.size() > request.limit) {
        result.videoIds.resize(request.limit);
        result.hasMore = true;
    }
    return result;
}

std::optional<QStringList> runSuggestion(QSqlDatabase &db, const QString &candidates, const QString &match,
                                         int candidateCount, int limit, qint64 nowMs, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Popular titles first; a few extra rows so that duplicates can be dropped.
    if (!query.prepare(QStringLiteral("SELECT v.title FROM (") + candidates
                       + QStringLiteral(") c JOIN videos v ON v.seq = c.seq WHERE ") + listedCondition()
                       + QStringLiteral(" ORDER BY v.view_count DESC, v.seq DESC LIMIT :limit"))) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    query.bindValue(QStringLiteral(":match"), match);
    query.bindValue(QStringLiteral(":candidates"), candidateCount);
    query.bindValue(QStringLiteral(":now"), nowMs);
    query.bindValue(QStringLiteral(":limit"), limit * 3);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    QStringList titles;
    QStringList seen;
    while (query.next() && titles.size() < limit) {
        const QString title = query.value(0).toString();
        const QString key = title.toCaseFolded();
        if (seen.contains(key))
            continue;
        seen.append(key);
        titles.append(title);
    }
    return titles;
}

} // namespace Kinora::Server::Search
