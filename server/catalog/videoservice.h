#pragma once

#include "server/app/serviceresult.h"
#include "server/catalog/catalogsettings.h"
#include "server/catalog/page.h"
#include "server/catalog/video.h"
#include "server/catalog/videochanges.h"
#include "server/catalog/videolistquery.h"
#include "server/catalog/viewer.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Kinora::Server::Storage {
class Database;
}
namespace Kinora::Server::Search {
class SearchIndex;
}

namespace Kinora::Server::Catalog {

class ChannelService;

// Videos: creation of drafts, visibility rules, partial updates, deletion
// (rows and media folder), listings, and the state changes of the processing
// pipeline. Keeps the search index in step inside the same transaction.
//
// Who sees a video: the owner and admins always; others only when it is
// ready, its publish time has passed and it is public or unlisted. Everything
// else is answered 404, so hidden videos are not revealed.
class VideoService
{
    Q_DECLARE_TR_FUNCTIONS(VideoService)

public:
    VideoService(Storage::Database &database, const CatalogSettings &settings, ChannelService &channels,
                 Search::SearchIndex &searchIndex, QString mediaDir);

    // A draft owned by the viewer in their channel (created if needed); title required.
    ServiceResult<Video> create(const Viewer &viewer, const VideoChanges &fields);
    ServiceResult<Video> get(const QString &id, const Viewer &viewer);
    ServiceResult<Video> update(const QString &id, const Viewer &viewer, const VideoChanges &changes);
    ServiceStatus remove(const QString &id, const Viewer &viewer);
    ServiceResult<Page<Video>> list(const VideoListQuery &query);
    // All videos of the viewer, drafts included, newest created first.
    ServiceResult<Page<Video>> listOwn(const Viewer &viewer, int limit, const QString &cursor);
    // Videos by public id in the given order; missing ids are skipped.
    ServiceResult<QList<Video>> byIds(const QStringList &ids);
    ServiceResult<Video> setCustomThumbnail(const QString &id, const Viewer &viewer, const QByteArray &data,
                                            const QByteArray &contentType);

    // For the processing pipeline: moves the state (with the reason for
    // `failed`) and, when known (>= 0), the duration. Reaching `ready` sets
    // the publish time: the scheduled time if one is set, else now.
    ServiceResult<Video> setProcessingState(const QString &id, VideoState state, const QString &failureReason = {},
                                            qint64 durationMs = -1);
    // For playback sessions: counts views.
    ServiceStatus addViews(const QString &id, qint64 count);

    // Whether the viewer may see the video (the rule above).
    static bool canSee(const Video &video, const Viewer &viewer, qint64 nowMs);
    QString mediaFolder(const QString &id) const; // MEDIA/videos/<id>
    const CatalogSettings &settings() const { return m_settings; }

private:
    std::optional<Video> find(QSqlDatabase &db, const QString &id, QString *error);
    std::optional<ServiceError> validate(const VideoChanges &changes, const Video &current, qint64 nowMs) const;
    void apply(const VideoChanges &changes, Video *video, qint64 nowMs) const;
    bool store(QSqlDatabase &db, Video &video, bool insert, QString *error);
    bool syncIndex(const Video &video, QString *error);
    // Keyset pagination over (keyExpression, seq), both descending.
    ServiceResult<Page<Video>> runListing(const QString &where, const QList<QVariant> &binds, const QString &keyExpression,
                                          const QString &cursorKind, int limit, const QString &cursor);

    Storage::Database &m_database;
    const CatalogSettings &m_settings;
    ChannelService &m_channels;
    Search::SearchIndex &m_searchIndex;
    QString m_mediaDir;
};

} // namespace Kinora::Server::Catalog
