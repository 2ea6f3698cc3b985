#include "server/social/historyservice.h"

#include "server/catalog/pagecursor.h"
#include "server/catalog/preparedquery.h"
#include "server/catalog/videoservice.h"
#include "server/storage/database.h"

#include <QDateTime>

namespace Kinora::Server::Social {

using Catalog::PreparedQuery;

namespace {
ServiceError unauthorized()
{
    return ServiceError{401, QByteArrayLiteral("unauthorized"), HistoryService::tr("sign in to keep a watch history"), 0};
}
}

HistoryService::HistoryService(Storage::Database &database, Catalog::VideoService &videos, const Catalog::CatalogSettings &settings)
    : m_database(database)
    , m_videos(videos)
    , m_settings(settings)
{
}

ServiceResult<HistoryEntry> HistoryService::record(const Catalog::Viewer &viewer, const QString &videoId, qint64 positionMs)
{
    if (!viewer.signedIn())
        return unauthorized();
    if (positionMs < 0)
        return ServiceError{422, QByteArrayLiteral("validation_failed"), tr("positionMs must not be negative"), 0};
    const auto video = m_videos.get(videoId, viewer);
    if (!video)
        return video.error();
    if (video->durationMs > 0)
        positionMs = qMin(positionMs, video->durationMs);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    // An upsert both SQLite (3.24+) and PostgreSQL understand.
    PreparedQuery upsert(db, QStringLiteral("INSERT INTO watch_history (user_id, video_id, position_ms, watched_at) VALUES (?, ?, ?, ?) "
                                            "ON CONFLICT (user_id, video_id) DO UPDATE SET position_ms = excluded.position_ms, "
                                            "watched_at = excluded.watched_at"),
                         {viewer.userId, videoId, positionMs, now});
    if (!upsert.exec())
        return ServiceError::internal(upsert.errorText());
    return HistoryEntry{video.value(), positionMs, now};
}

ServiceResult<Catalog::Page<HistoryEntry>> HistoryService::page(const Catalog::Viewer &viewer, bool unfinishedOnly, int limit,
                                                                const QString &cursor)
{
    if (!viewer.signedIn())
        return unauthorized();
    if (limit < 1 || limit > m_settings.maxPageSize)
        return ServiceError{422, QByteArrayLiteral("validation_failed"), tr("limit must be between 1 and %1").arg(m_settings.maxPageSize), 0};
    const QString kind = unfinishedOnly ? QStringLiteral("continue") : QStringLiteral("history");
    // Only videos the user may still see: their own, or not private, ready and published.
    QString sql = QStringLiteral(
        "SELECT h.video_id, h.position_ms, h.watched_at, v.seq FROM watch_history h JOIN videos v ON v.id = h.video_id "
        "WHERE h.user_id = ? AND (v.owner_id = ? OR (v.visibility <> 'private' AND v.state = 'ready' "
        "AND v.published_at IS NOT NULL AND v.published_at <= ?))");
    QVariantList values{viewer.userId, viewer.userId, QDateTime::currentMSecsSinceEpoch()};
    if (unfinishedOnly)
        sql += QStringLiteral(" AND v.duration_ms > 0 AND h.position_ms * 100 >= v.duration_ms * 5 AND h.position_ms * 100 <= v.duration_ms * 95");
    if (!cursor.isEmpty()) {
        const auto key = Catalog::PageCursor::decode(cursor, kind, 2);
        if (!key)
            return ServiceError{422, QByteArrayLiteral("validation_failed"), tr("cursor is not valid"), 0};
        sql += QStringLiteral(" AND (h.watched_at < ? OR (h.watched_at = ? AND v.seq < ?))");
        values << key->at(0) << key->at(0) << key->at(1);
    }
    sql += QStringLiteral(" ORDER BY h.watched_at DESC, v.seq DESC LIMIT ?");
    values << limit + 1;
    PreparedQuery query(m_database.connection(), sql, values);
    if (!query.exec())
        return ServiceError::internal(query.errorText());
    QStringList ids;
    QList<HistoryEntry> entries;
    QList<qint64> seqs;
    while (query.next()) {
        ids << query.value(0).toString();
        HistoryEntry entry;
        entry.positionMs = query.value(1).toLongLong();
        entry.watchedAtMs = query.value(2).toLongLong();
        entries << entry;
        seqs << query.value(3).toLongLong();
    }
    Catalog::Page<HistoryEntry> result;
    if (entries.size() > limit) {
        entries.resize(limit);
        ids.resize(limit);
        result.nextCursor = Catalog::PageCursor::encode(kind, {entries.constLast().watchedAtMs, seqs.at(limit - 1)});
    }
    const auto videos = m_videos.byIds(ids);
    if (!videos)
        return videos.error();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        for (const Catalog::Video &video : videos.value()) {
            if (video.id == ids.at(i)) {
                entries[i].video = video;
                result.items.append(entries.at(i));
            }
        }
    }
    return result;
}

ServiceResult<Catalog::Page<HistoryEntry>> HistoryService::list(const Catalog::Viewer &viewer, int limit, const QString &cursor)
{
    return page(viewer, false, limit, cursor);
}

ServiceResult<Catalog::Page<HistoryEntry>> HistoryService::continueWatching(const Catalog::Viewer &viewer, int limit, const QString &cursor)
{
    return page(viewer, true, limit, cursor);
}

ServiceStatus HistoryService::remove(const Catalog::Viewer &viewer, const QString &videoId)
{
    if (!viewer.signedIn())
        return unauthorized();
    PreparedQuery query(m_database.connection(), QStringLiteral("DELETE FROM watch_history WHERE user_id = ? AND video_id = ?"),
                        {viewer.userId, videoId});
    if (!query.exec())
        return ServiceError::internal(query.errorText());
    if (query.numRowsAffected() == 0)
        return ServiceError{404, QByteArrayLiteral("not_found"), tr("the video is not in your history"), 0};
    return std::monostate{};
}

ServiceStatus HistoryService::clear(const Catalog::Viewer &viewer)
{
    if (!viewer.signedIn())
        return unauthorized();
    PreparedQuery query(m_database.connection(), QStringLiteral("DELETE FROM watch_history WHERE user_id = ?"), {viewer.userId});
    if (!query.exec())
        return ServiceError::internal(query.errorText());
    return std::monostate{};
}

} // namespace Kinora::Server::Social
