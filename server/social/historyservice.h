#pragma once

#include "server/app/serviceresult.h"
#include "server/catalog/catalogsettings.h"
#include "server/catalog/page.h"
#include "server/catalog/viewer.h"
#include "server/social/historyentry.h"

#include <QCoreApplication>

namespace Kinora::Server::Storage {
class Database;
}
namespace Kinora::Server::Catalog {
class VideoService;
}

namespace Kinora::Server::Social {

// Watch history: one entry per user and video with the last position (the
// player reports it), most recent first; entries of videos the user may no
// longer see are left out. Continue watching: entries whose position lies
// between 5 % and 95 % of the video's duration.
class HistoryService
{
    Q_DECLARE_TR_FUNCTIONS(HistoryService)

public:
    HistoryService(Storage::Database &database, Catalog::VideoService &videos, const Catalog::CatalogSettings &settings);

    // The position is clamped to the video's duration when that is known.
    ServiceResult<HistoryEntry> record(const Catalog::Viewer &viewer, const QString &videoId, qint64 positionMs);
    ServiceResult<Catalog::Page<HistoryEntry>> list(const Catalog::Viewer &viewer, int limit, const QString &cursor);
    ServiceResult<Catalog::Page<HistoryEntry>> continueWatching(const Catalog::Viewer &viewer, int limit, const QString &cursor);
    ServiceStatus remove(const Catalog::Viewer &viewer, const QString &videoId);
    ServiceStatus clear(const Catalog::Viewer &viewer);

private:
    ServiceResult<Catalog::Page<HistoryEntry>> page(const Catalog::Viewer &viewer, bool unfinishedOnly, int limit, const QString &cursor);

    Storage::Database &m_database;
    Catalog::VideoService &m_videos;
    const Catalog::CatalogSettings &m_settings;
};

} // namespace Kinora::Server::Social
