#include "server/search/searchservice.h"

#include "server/catalog/pagecursor.h"
#include "server/catalog/videoservice.h"
#include "server/search/cachedsearchindex.h"
#include "server/search/searchindex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QDateTime>

namespace Kinora::Server::Search {

namespace {
ServiceError invalid(const QString &message)
{
    return ServiceError{422, QByteArrayLiteral("validation_failed"), message, 0};
}
}

SearchService::SearchService(SearchIndex &index, Catalog::VideoService &videos, const Catalog::CatalogSettings &settings)
    : m_index(index)
    , m_videos(videos)
    , m_settings(settings)
{
}

ServiceResult<SearchQuery> SearchService::makeQuery(const Parameters &p) const
{
    SearchQuery query;
    if (p.text.trimmed().isEmpty())
        return invalid(tr("q is required"));
    if (p.text.size() > m_settings.searchQueryMaxLength)
        return invalid(tr("q must have at most %1 characters").arg(m_settings.searchQueryMaxLength));
    query.text = p.text;

    if (p.duration == QLatin1String("short"))
        query.duration = SearchQuery::Duration::Short;
    else if (p.duration == QLatin1String("medium"))
        query.duration = SearchQuery::Duration::Medium;
    else if (p.duration == QLatin1String("long"))
        query.duration = SearchQuery::Duration::Long;
    else if (!p.duration.isEmpty())
        return invalid(tr("duration must be short, medium or long"));

    if (p.date == QLatin1String("today"))
        query.uploadDate = SearchQuery::UploadDate::Today;
    else if (p.date == QLatin1String("week"))
        query.uploadDate = SearchQuery::UploadDate::Week;
    else if (p.date == QLatin1String("month"))
        query.uploadDate = SearchQuery::UploadDate::Month;
    else if (p.date == QLatin1String("year"))
        query.uploadDate = SearchQuery::UploadDate::Year;
    else if (!p.date.isEmpty())
        return invalid(tr("date must be today, week, month or year"));

    if (!p.category.isEmpty() && !m_settings.categories.contains(p.category))
        return invalid(tr("category must be one of: %1").arg(m_settings.categories.join(QStringLiteral(", "))));
    query.category = p.category;

    if (p.sort == QLatin1String("date"))
        query.sort = SearchQuery::Sort::Date;
    else if (p.sort == QLatin1String("views"))
        query.sort = SearchQuery::Sort::Views;
    else if (!p.sort.isEmpty() && p.sort != QLatin1String("relevance"))
        return invalid(tr("sort must be relevance, date or views"));

    if (p.limit < 1 || p.limit > m_settings.maxPageSize)
        return invalid(tr("limit must be an integer from 1 to %1").arg(m_settings.maxPageSize));
    query.limit = p.limit;
    if (!p.cursor.isEmpty()) {
        const auto offset = Catalog::PageCursor::decode(p.cursor, QStringLiteral("search"), 1);
        if (!offset || offset->at(0) < 0 || offset->at(0) > m_settings.maxSearchOffset)
            return invalid(tr("cursor is not valid"));
        query.offset = int(offset->at(0));
    }
    query.nowMs = QDateTime::currentMSecsSinceEpoch();
    query.maxCandidates = m_settings.maxSearchCandidates;
    return query;
}

ServiceResult<Catalog::Page<Catalog::Video>> SearchService::search(const Parameters &parameters)
{
    const auto query = makeQuery(parameters);
    if (!query)
        return query.error();
    return run(query.value());
}

ServiceResult<QByteArray> SearchService::searchJson(const Parameters &parameters)
{
    const auto query = makeQuery(parameters);
    if (!query)
        return query.error();
    QString key;
    quint64 generation = 0;
    if (m_responseCache) {
        key = CachedSearchIndex::searchKey(query.value());
        generation = m_responseCache->generation();
        if (auto body = m_responseCache->body(key))
            return *body;
    }
    const auto page = run(query.value());
    if (!page)
        return page.error();
    QJsonArray items;
    for (const Catalog::Video &video : page->items)
        items.append(video.toJson());
    QByteArray body = QJsonDocument(QJsonObject{
                                        {QStringLiteral("items"), items},
                                        {QStringLiteral("nextCursor"), page->nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                                                                 : QJsonValue(page->nextCursor)},
                                    })
                          .toJson(QJsonDocument::Compact);
    if (m_responseCache)
        m_responseCache->storeBody(key, generation, body);
    return body;
}

ServiceResult<Catalog::Page<Catalog::Video>> SearchService::run(const SearchQuery &query)
{
    QString error;
    const auto result = m_index.search(query, &error);
    if (!result)
        return ServiceError::internal(error);
    const auto videos = m_videos.byIds(result->videoIds);
    if (!videos)
        return videos.error();
    Catalog::Page<Catalog::Video> page;
    page.items = videos.value();
    const int next = query.offset + query.limit;
    if (result->hasMore && next < m_settings.maxSearchOffset)
        page.nextCursor = Catalog::PageCursor::encode(QStringLiteral("search"), {next});
    return page;
}

ServiceResult<QStringList> SearchService::suggest(const QString &prefix, int limit)
{
    if (prefix.size() > m_settings.searchQueryMaxLength)
        return invalid(tr("q must have at most %1 characters").arg(m_settings.searchQueryMaxLength));
    if (limit < 1 || limit > 20)
        return invalid(tr("limit must be an integer from 1 to 20"));
    QString error;
    const auto titles = m_index.suggest(prefix, limit, QDateTime::currentMSecsSinceEpoch(), &error);
    if (!titles)
        return ServiceError::internal(error);
    return *titles;
}

} // namespace Kinora::Server::Search
