#pragma once

#include "server/app/serviceresult.h"
#include "server/catalog/catalogsettings.h"
#include "server/catalog/page.h"
#include "server/catalog/video.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Kinora::Server::Catalog {
class VideoService;
}

namespace Kinora::Server::Search {

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

    ServiceResult<Catalog::Page<Catalog::Video>> search(const Parameters &parameters);
    ServiceResult<QStringList> suggest(const QString &prefix, int limit);

private:
    SearchIndex &m_index;
    Catalog::VideoService &m_videos;
    const Catalog::CatalogSettings &m_settings;
};

} // namespace Kinora::Server::Search
