#include "server/social/playlistservice.h"

#include "server/catalog/pagecursor.h"
#include "server/catalog/preparedquery.h"
#include "server/catalog/videoservice.h"
#include "server/storage/database.h"
#include "server/storage/writetransaction.h"

#include <QDateTime>

namespace Kinora::Server::Social {

using Catalog::PreparedQuery;

namespace {
const QString SelectPlaylist = QStringLiteral(
    "SELECT id, owner_id, title, description, visibility, kind, item_count, created_at, updated_at FROM playlists");
const QString WatchLaterKind = QStringLiteral("watch_later");

Playlist readPlaylist(const PreparedQuery &q)
{
    Playlist p;
    p.id = q.value(0).toLongLong();
    p.ownerId = q.value(1).toLongLong();
    p.title = q.value(2).toString();
    p.description = q.value(3).toString();
    p.visibility = Catalog::visibilityFromName(q.value(4).toString()).value_or(Catalog::Visibility::Private);
    p.kind = q.value(5).toString();
    p.itemCount = q.value(6).toLongLong();
    p.createdAtMs = q.value(7).toLongLong();
    p.updatedAtMs = q.value(8).toLongLong();
    return p;
}

ServiceError failure(int status, const char *code, const QString &message)
{
    return ServiceError{status, QByteArray(code), message, 0};
}

ServiceError notFound()
{
    return failure(404, "not_found", PlaylistService::tr("no such playlist"));
}

bool canRead(const Playlist &playlist, const Catalog::Viewer &viewer)
{
    return playlist.visibility != Catalog::Visibility::Private || viewer.owns(playlist.ownerId) || viewer.isAdmin();
}
}

PlaylistService::PlaylistService(Storage::Database &database, Catalog::VideoService &videos, const Catalog::CatalogSettings &settings)
    : m_database(database)
    , m_videos(videos)
    , m_settings(settings)
{
}

std::optional<Playlist> PlaylistService::find(const QSqlDatabase &db, qint64 playlistId, QString *error)
{
    PreparedQuery query(db, SelectPlaylist + QStringLiteral(" WHERE id = ?"), {playlistId});
    if (!query.exec()) {
        *error = query.errorText();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return readPlaylist(query);
}

ServiceResult<Playlist> PlaylistService::owned(const QSqlDatabase &db, const Catalog::Viewer &viewer, qint64 playlistId)
{
    QString error;
    const auto playlist = find(db, playlistId, &error);
    if (!playlist)
        return error.isEmpty() ? notFound() : ServiceError::internal(error);
    if (viewer.owns(playlist->ownerId) || viewer.isAdmin())
        return *playlist;
    return canRead(*playlist, viewer) ? failure(403, "forbidden", tr("only the owner may change this playlist")) : notFound();
}

std::optional<ServiceError> PlaylistService::checkFields(const Fields &fields) const
{
    if (fields.title && (fields.title->trimmed().isEmpty() || fields.title->trimmed().size() > m_settings.playlistTitleMaxLength))
        return failure(422, "validation_failed", tr("title must have 1 to %1 characters").arg(m_settings.playlistTitleMaxLength));
    if (fields.description && fields.description->size() > m_settings.playlistDescriptionMaxLength)
        return failure(422, "validation_failed", tr("description must have at most %1 characters").arg(m_settings.playlistDescriptionMaxLength));
    return std::nullopt;
}

ServiceResult<Playlist> PlaylistService::create(const Catalog::Viewer &viewer, const Fields &fields)
{
    if (!viewer.signedIn())
        return failure(401, "unauthorized", tr("sign in to create playlists"));
    if (!fields.title)
        return failure(422, "validation_failed", tr("title is required"));
    if (auto invalid = checkFields(fields))
        return *invalid;
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive())
        return ServiceError::internal(transaction.errorText());
    PreparedQuery count(db, QStringLiteral("SELECT COUNT(*) FROM playlists WHERE owner_id = ?"), {viewer.userId});
    if (!count.exec() || !count.next())
        return ServiceError::internal(count.errorText());
    if (count.value(0).toInt() >= m_settings.maxPlaylistsPerUser)
        return failure(409, "limit_reached", tr("a user may have at most %1 playlists").arg(m_settings.maxPlaylistsPerUser));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const Catalog::Visibility visibility = fields.visibility.value_or(Catalog::Visibility::Private);
    PreparedQuery insert(db, QStringLiteral("INSERT INTO playlists (owner_id, title, description, visibility, kind, item_count, created_at, updated_at) "
                                            "VALUES (?, ?, ?, ?, 'user', 0, ?, ?)"),
                         {viewer.userId, fields.title->trimmed(), fields.description.value_or(QStringLiteral("")),
                          Catalog::visibilityName(visibility), now, now});
    if (!insert.exec())
        return ServiceError::internal(insert.errorText());
    const auto playlist = find(db, insert.lastInsertId(), &error);
    if (!playlist)
        return ServiceError::internal(error);
    if (!transaction.commit())
        return ServiceError::internal(transaction.errorText());
    return *playlist;
}

ServiceResult<Playlist> PlaylistService::get(const Catalog::Viewer &viewer, qint64 playlistId)
{
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    const auto playlist = find(db, playlistId, &error);
    if (!playlist)
        return error.isEmpty() ? notFound() : ServiceError::internal(error);
    if (!canRead(*playlist, viewer))
        return notFound();
    return *playlist;
}

ServiceResult<Playlist> PlaylistService::update(const Catalog::Viewer &viewer, qint64 playlistId, const Fields &fields)
{
    if (auto invalid = checkFields(fields))
        return *invalid;
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    auto playlist = owned(db, viewer, playlistId);
    if (!playlist)
        return playlist;
    if (playlist->isWatchLater() && (fields.title || fields.visibility))
        return failure(409, "watch_later", tr("the watch-later playlist cannot be renamed or shared"));
    Playlist updated = playlist.value();
    if (fields.title)
        updated.title = fields.title->trimmed();
    if (fields.description)
        updated.description = *fields.description;
    if (fields.visibility)
        updated.visibility = *fields.visibility;
    updated.updatedAtMs = QDateTime::currentMSecsSinceEpoch();
    PreparedQuery query(db, QStringLiteral("UPDATE playlists SET title = ?, description = COALESCE(?, ''), visibility = ?, updated_at = ? WHERE id = ?"),
                        {updated.title, updated.description, Catalog::visibilityName(updated.visibility), updated.updatedAtMs, playlistId});
    if (!query.exec())
        return ServiceError::internal(query.errorText());
    return updated;
}

ServiceStatus PlaylistService::remove(const Catalog::Viewer &viewer, qint64 playlistId)
{
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    const auto playlist = owned(db, viewer, playlistId);
    if (!playlist)
        return playlist.error();
    if (playlist->isWatchLater())
        return failure(409, "watch_later", tr("the watch-later playlist cannot be deleted"));
    PreparedQuery query(db, QStringLiteral("DELETE FROM playlists WHERE id = ?"), {playlistId});
    if (!query.exec())
        return ServiceError::internal(query.errorText());
    return std::monostate{};
}

ServiceResult<Catalog::Page<Playlist>> PlaylistService::listOwn(const Catalog::Viewer &viewer, int limit, const QString &cursor)
{
    if (!viewer.signedIn())
        return failure(401, "unauthorized", tr("sign in to list your playlists"));
    QString sql = SelectPlaylist + QStringLiteral(" WHERE owner_id = ?");
    QVariantList values{viewer.userId};
    if (!cursor.isEmpty()) {
        const auto key = Catalog::PageCursor::decode(cursor, QStringLiteral("playlists"), 1);
        if (!key)
            return failure(422, "validation_failed", tr("cursor is not valid"));
        sql += QStringLiteral(" AND id < ?");
        values << key->at(0);
    }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    values << limit + 1;
    PreparedQuery query(m_database.connection(), sql, values);
    if (!query.exec())
        return ServiceError::internal(query.errorText());
    Catalog::Page<Playlist> page;
    while (query.next()) {
        if (page.items.size() == limit) {
            page.nextCursor = Catalog::PageCursor::encode(QStringLiteral("playlists"), {page.items.constLast().id});
            break;
        }
        page.items.append(readPlaylist(query));
    }
    return page;
}

ServiceResult<Playlist> PlaylistService::watchLater(const Catalog::Viewer &viewer)
{
    if (!viewer.signedIn())
        return failure(401, "unauthorized", tr("sign in to use watch later"));
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive())
        return ServiceError::internal(transaction.errorText());
    PreparedQuery existing(db, SelectPlaylist + QStringLiteral(" WHERE owner_id = ? AND kind = ?"), {viewer.userId, WatchLaterKind});
    if (!existing.exec())
        return ServiceError::internal(existing.errorText());
    if (existing.next())
        return readPlaylist(existing);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    PreparedQuery insert(db, QStringLiteral("INSERT INTO playlists (owner_id, title, description, visibility, kind, item_count, created_at, updated_at) "
                                            "VALUES (?, ?, '', 'private', ?, 0, ?, ?)"),
                         {viewer.userId, tr("Watch later"), WatchLaterKind, now, now});
    if (!insert.exec())
        return ServiceError::internal(insert.errorText());
    const auto playlist = find(db, insert.lastInsertId(), &error);
    if (!playlist)
        return ServiceError::internal(error);
    if (!transaction.commit())
        return ServiceError::internal(transaction.errorText());
    return *playlist;
}

ServiceResult<Catalog::Page<PlaylistItem>> PlaylistService::items(const Catalog::Viewer &viewer, qint64 playlistId, int limit,
                                                                  const QString &cursor)
{
    if (limit < 1 || limit > m_settings.maxPageSize)
        return failure(422, "validation_failed", tr("limit must be between 1 and %1").arg(m_settings.maxPageSize));
    const auto playlist = get(viewer, playlistId);
    if (!playlist)
        return playlist.error();
    QString sql = QStringLiteral("SELECT id, position, video_id, added_at FROM playlist_items WHERE playlist_id = ?");
    QVariantList values{playlistId};
    if (!cursor.isEmpty()) {
        const auto key = Catalog::PageCursor::decode(cursor, QStringLiteral("items"), 2);
        if (!key)
            return failure(422, "validation_failed", tr("cursor is not valid"));
        sql += QStringLiteral(" AND (position > ? OR (position = ? AND id > ?))");
        values << key->at(0) << key->at(0) << key->at(1);
    }
    sql += QStringLiteral(" ORDER BY position, id LIMIT ?");
    values << limit + 1;
    PreparedQuery query(m_database.connection(), sql, values);
    if (!query.exec())
        return ServiceError::internal(query.errorText());
    Catalog::Page<PlaylistItem> page;
    while (query.next()) {
        if (page.items.size() == limit) {
            page.nextCursor = Catalog::PageCursor::encode(QStringLiteral("items"), {page.items.constLast().position, page.items.constLast().id});
            break;
        }
        PlaylistItem item;
        item.id = query.value(0).toLongLong();
        item.position = query.value(1).toLongLong();
        item.videoId = query.value(2).toString();
        item.addedAtMs = query.value(3).toLongLong();
        page.items.append(item);
    }
    QStringList ids;
    for (const PlaylistItem &item : std::as_const(page.items))
        ids << item.videoId;
    const auto videos = m_videos.byIds(ids);
    if (!videos)
        return videos.error();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (PlaylistItem &item : page.items) {
        for (const Catalog::Video &video : videos.value()) {
            if (video.id == item.videoId && Catalog::VideoService::canSee(video, viewer, now))
                item.video = video;
        }
    }
    return page;
}

std::optional<QList<qint64>> PlaylistService::order(const QSqlDatabase &db, qint64 playlistId, QString *error)
{
    PreparedQuery query(db, QStringLiteral("SELECT id FROM playlist_items WHERE playlist_id = ? ORDER BY position, id"), {playlistId});
    if (!query.exec()) {
        *error = query.errorText();
        return std::nullopt;
    }
    QList<qint64> ids;
    while (query.next())
        ids.append(query.value(0).toLongLong());
    return ids;
}

bool PlaylistService::renumber(const QSqlDatabase &db, qint64 playlistId, const QList<qint64> &order, QString *error)
{
    for (qsizetype i = 0; i < order.size(); ++i) {
        PreparedQuery update(db, QStringLiteral("UPDATE playlist_items SET position = ? WHERE id = ? AND position <> ?"),
                             {qint64(i), order.at(i), qint64(i)});
        if (!update.exec()) {
            *error = update.errorText();
            return false;
        }
    }
    PreparedQuery count(db, QStringLiteral("UPDATE playlists SET item_count = ?, updated_at = ? WHERE id = ?"),
                        {qint64(order.size()), QDateTime::currentMSecsSinceEpoch(), playlistId});
    if (!count.exec()) {
        *error = count.errorText();
        return false;
    }
    return true;
}

ServiceResult<PlaylistItem> PlaylistService::addItem(const Catalog::Viewer &viewer, qint64 playlistId, const QString &videoId, qint64 position)
{
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive())
        return ServiceError::internal(transaction.errorText());
    const auto playlist = owned(db, viewer, playlistId);
    if (!playlist)
        return playlist.error();
    const auto video = m_videos.get(videoId, viewer);
    if (!video)
        return failure(422, "validation_failed", tr("videoId does not name a video you can see"));
    PreparedQuery duplicate(db, QStringLiteral("SELECT 1 FROM playlist_items WHERE playlist_id = ? AND video_id = ?"), {playlistId, videoId});
    if (!duplicate.exec())
        return ServiceError::internal(duplicate.errorText());
    if (duplicate.next())
        return failure(409, "already_in_playlist", tr("the video is already in this playlist"));
    auto ids = order(db, playlistId, &error);
    if (!ids)
        return ServiceError::internal(error);
    if (ids->size() >= m_settings.maxPlaylistItems)
        return failure(409, "limit_reached", tr("a playlist holds at most %1 videos").arg(m_settings.maxPlaylistItems));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    PreparedQuery insert(db, QStringLiteral("INSERT INTO playlist_items (playlist_id, video_id, position, added_at) VALUES (?, ?, ?, ?)"),
                         {playlistId, videoId, qint64(ids->size()), now});
    if (!insert.exec())
        return ServiceError::internal(insert.errorText());
    const qint64 itemId = insert.lastInsertId();
    const qint64 place = position < 0 || position > ids->size() ? ids->size() : position;
    ids->insert(place, itemId);
    if (!renumber(db, playlistId, *ids, &error))
        return ServiceError::internal(error);
    if (!transaction.commit())
        return ServiceError::internal(transaction.errorText());
    return PlaylistItem{itemId, place, videoId, now, video.value()};
}

ServiceStatus PlaylistService::removeItem(const Catalog::Viewer &viewer, qint64 playlistId, qint64 itemId)
{
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive())
        return ServiceError::internal(transaction.errorText());
    const auto playlist = owned(db, viewer, playlistId);
    if (!playlist)
        return playlist.error();
    auto ids = order(db, playlistId, &error);
    if (!ids)
        return ServiceError::internal(error);
    if (!ids->removeOne(itemId))
        return failure(404, "not_found", tr("no such item in this playlist"));
    PreparedQuery remove(db, QStringLiteral("DELETE FROM playlist_items WHERE id = ?"), {itemId});
    if (!remove.exec())
        return ServiceError::internal(remove.errorText());
    if (!renumber(db, playlistId, *ids, &error))
        return ServiceError::internal(error);
    if (!transaction.commit())
        return ServiceError::internal(transaction.errorText());
    return std::monostate{};
}

ServiceStatus PlaylistService::moveItem(const Catalog::Viewer &viewer, qint64 playlistId, qint64 itemId, qint64 position)
{
    if (position < 0)
        return failure(422, "validation_failed", tr("position must not be negative"));
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive())
        return ServiceError::internal(transaction.errorText());
    const auto playlist = owned(db, viewer, playlistId);
    if (!playlist)
        return playlist.error();
    auto ids = order(db, playlistId, &error);
    if (!ids)
        return ServiceError::internal(error);
    if (!ids->removeOne(itemId))
        return failure(404, "not_found", tr("no such item in this playlist"));
    ids->insert(qMin(position, qint64(ids->size())), itemId);
    if (!renumber(db, playlistId, *ids, &error))
        return ServiceError::internal(error);
    if (!transaction.commit())
        return ServiceError::internal(transaction.errorText());
    return std::monostate{};
}

} // namespace Kinora::Server::Social
