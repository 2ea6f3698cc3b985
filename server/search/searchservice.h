#pragma once

#include "server/app/serviceresult.h"
#include "server/catalog/catalogsettings.h"
#include "server/catalog/page.h"
#include "server/catalog/video.h"
#include "server/search/searchquery.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Kinora::Server::Catalog {
class VideoService;
}

namespace Kinora::Server::Search {

class CachedSearchIndex;
class SearchIndex;

// Search as the API offers it: checks and converts the parameters (q,
// duration short|medium|long, date today|week|month|year, category, sort
// relevance|date|views, limit, cursor), asks the index, and loads the videos.
// Cursors carry the offset of the next page; pages stop at maxSearchOffset.
class SearchService
{
    Q_DECLARE_TR_FUNCTIONS(SearchService)

public:
    struct Parameters
    {
        QString text;
        QString duration;
        QString date;
        QString category;
        QString sort;
        int limit = 20;
        QString cursor;
    };

    SearchService(SearchIndex &index, Catalog::VideoService &videos, const Catalog::CatalogSettings &settings);

    // Optional: remembers whole search responses (the videos' counts may then
    // lag by up to catalog.searchCacheMs; index writes clear it at once).
    void setResponseCache(CachedSearchIndex *cache) { m_responseCache = cache; }

    ServiceResult<Catalog::Page<Catalog::Video>> search(const Parameters &parameters);
    // The same search as the API's JSON body ({"items":[...],"nextCursor":...}).
    ServiceResult<QByteArray> searchJson(const Parameters &parameters);
    ServiceResult<QStringList> suggest(const QString &prefix, int limit);

private:
    ServiceResult<SearchQuery> makeQuery(const Parameters &parameters) const;
    ServiceResult<Catalog::Page<Catalog::Video>> run(const SearchQuery &query);

    SearchIndex &m_index;
    CachedSearchIndex *m_responseCache = nullptr;
    Catalog::VideoService &m_videos;
    const Catalog::CatalogSettings &m_settings;
};

} // namespace Kinora::Server::Search
