#pragma once

#include "server/app/serviceresult.h"
#include "server/catalog/catalogsettings.h"
#include "server/catalog/page.h"
#include "server/catalog/viewer.h"
#include "server/social/playlist.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <optional>

namespace Kinora::Server::Storage {
class Database;
}
namespace Kinora::Server::Catalog {
class VideoService;
}

namespace Kinora::Server::Social {

// Playlists: created, edited and deleted by their owner; read by the owner
// and admins, and by anyone when public or unlisted (only public ones would
// be shown on a channel). Items are ordered by a dense 0-based position that
// add, remove and move keep contiguous. A video appears once per playlist.
class PlaylistService
{
    Q_DECLARE_TR_FUNCTIONS(PlaylistService)

public:
    struct Fields
    {
        std::optional<QString> title;
        std::optional<QString> description;
        std::optional<Catalog::Visibility> visibility;
    };

    PlaylistService(Storage::Database &database, Catalog::VideoService &videos, const Catalog::CatalogSettings &settings);

    ServiceResult<Playlist> create(const Catalog::Viewer &viewer, const Fields &fields);
    ServiceResult<Playlist> get(const Catalog::Viewer &viewer, qint64 playlistId);
    ServiceResult<Playlist> update(const Catalog::Viewer &viewer, qint64 playlistId, const Fields &fields);
    ServiceStatus remove(const Catalog::Viewer &viewer, qint64 playlistId);
    ServiceResult<Catalog::Page<Playlist>> listOwn(const Catalog::Viewer &viewer, int limit, const QString &cursor);
    ServiceResult<Playlist> watchLater(const Catalog::Viewer &viewer);

    ServiceResult<Catalog::Page<PlaylistItem>> items(const Catalog::Viewer &viewer, qint64 playlistId, int limit, const QString &cursor);
    // position < 0: at the end.
    ServiceResult<PlaylistItem> addItem(const Catalog::Viewer &viewer, qint64 playlistId, const QString &videoId, qint64 position = -1);
    ServiceStatus removeItem(const Catalog::Viewer &viewer, qint64 playlistId, qint64 itemId);
    // Moves the item to `position` (clamped to the list), the others close up.
    ServiceStatus moveItem(const Catalog::Viewer &viewer, qint64 playlistId, qint64 itemId, qint64 position);

private:
    std::optional<Playlist> find(const QSqlDatabase &db, qint64 playlistId, QString *error);
    // The playlist if the viewer owns it (or is admin); 404 when they may not see it, 403 otherwise.
    ServiceResult<Playlist> owned(const QSqlDatabase &db, const Catalog::Viewer &viewer, qint64 playlistId);
    std::optional<ServiceError> checkFields(const Fields &fields) const;
    // Rewrites positions 0..n-1 in the given order of item ids.
    bool renumber(const QSqlDatabase &db, qint64 playlistId, const QList<qint64> &order, QString *error);
    std::optional<QList<qint64>> order(const QSqlDatabase &db, qint64 playlistId, QString *error);

    Storage::Database &m_database;
    Catalog::VideoService &m_videos;
    const Catalog::CatalogSettings &m_settings;
};

} // namespace Kinora::Server::Social
