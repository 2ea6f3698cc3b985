#include "server/social/ratingservice.h"

#include "server/catalog/pagecursor.h"
#include "server/catalog/preparedquery.h"
#include "server/catalog/videoservice.h"
#include "server/storage/database.h"
#include "server/storage/writetransaction.h"

#include <QDateTime>

namespace Kinora::Server::Social {

using Catalog::PreparedQuery;

QString ratingName(Rating rating)
{
    switch (rating) {
    case Rating::Like: return QStringLiteral("like");
    case Rating::Dislike: return QStringLiteral("dislike");
    case Rating::None: break;
    }
    return QStringLiteral("none");
}

std::optional<Rating> ratingFromName(const QString &name)
{
    if (name == QLatin1String("like"))
        return Rating::Like;
    if (name == QLatin1String("dislike"))
        return Rating::Dislike;
    if (name == QLatin1String("none"))
        return Rating::None;
    return std::nullopt;
}

QJsonObject RatingService::State::toJson() const
{
    return QJsonObject{{QStringLiteral("rating"), ratingName(rating)},
                       {QStringLiteral("likeCount"), likeCount},
                       {QStringLiteral("dislikeCount"), dislikeCount}};
}

RatingService::RatingService(Storage::Database &database, Catalog::VideoService &videos)
    : m_database(database)
    , m_videos(videos)
{
}

ServiceResult<RatingService::State> RatingService::state(const Catalog::Viewer &viewer, const QString &videoId)
{
    const auto video = m_videos.get(videoId, viewer);
    if (!video)
        return video.error();
    State state{Rating::None, video->likeCount, video->dislikeCount};
    if (viewer.signedIn()) {
        PreparedQuery query(m_database.connection(), QStringLiteral("SELECT rating FROM video_ratings WHERE video_id = ? AND user_id = ?"),
                            {videoId, viewer.userId});
        if (!query.exec())
            return ServiceError::internal(query.errorText());
        if (query.next())
            state.rating = Rating(query.value(0).toInt());
    }
    return state;
}

ServiceResult<RatingService::State> RatingService::rate(const Catalog::Viewer &viewer, const QString &videoId, Rating rating)
{
    if (!viewer.signedIn())
        return ServiceError{401, QByteArrayLiteral("unauthorized"), tr("sign in to rate videos"), 0};
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive())
        return ServiceError::internal(transaction.errorText());
    const auto video = m_videos.get(videoId, viewer);
    if (!video)
        return video.error();

    PreparedQuery current(db, QStringLiteral("SELECT rating FROM video_ratings WHERE video_id = ? AND user_id = ?"), {videoId, viewer.userId});
    if (!current.exec())
        return ServiceError::internal(current.errorText());
    const Rating old = current.next() ? Rating(current.value(0).toInt()) : Rating::None;
    if (old != rating) {
        PreparedQuery change(db, rating == Rating::None
                                     ? QStringLiteral("DELETE FROM video_ratings WHERE video_id = ? AND user_id = ?")
                                 : old == Rating::None
                                     ? QStringLiteral("INSERT INTO video_ratings (video_id, user_id, rating, created_at) VALUES (?, ?, ?, ?)")
                                     : QStringLiteral("UPDATE video_ratings SET rating = ?, created_at = ? WHERE video_id = ? AND user_id = ?"),
                             rating == Rating::None ? QVariantList{videoId, viewer.userId}
                             : old == Rating::None  ? QVariantList{videoId, viewer.userId, int(rating), QDateTime::currentMSecsSinceEpoch()}
                                                    : QVariantList{int(rating), QDateTime::currentMSecsSinceEpoch(), videoId, viewer.userId});
        if (!change.exec())
            return ServiceError::internal(change.errorText());
        const int likeDelta = (rating == Rating::Like) - (old == Rating::Like);
        const int dislikeDelta = (rating == Rating::Dislike) - (old == Rating::Dislike);
        PreparedQuery counts(db, QStringLiteral("UPDATE videos SET like_count = like_count + ?, dislike_count = dislike_count + ? WHERE id = ?"),
                             {likeDelta, dislikeDelta, videoId});
        if (!counts.exec())
            return ServiceError::internal(counts.errorText());
    }
    PreparedQuery read(db, QStringLiteral("SELECT like_count, dislike_count FROM videos WHERE id = ?"), {videoId});
    if (!read.exec() || !read.next())
        return ServiceError::internal(read.errorText());
    State state{rating, read.value(0).toLongLong(), read.value(1).toLongLong()};
    if (!transaction.commit())
        return ServiceError::internal(transaction.errorText());
    return state;
}

ServiceResult<Catalog::Page<Catalog::Video>> RatingService::liked(const Catalog::Viewer &viewer, int limit,
                                                                 const QString &cursor)
{
    if (!viewer.signedIn())
        return ServiceError{401, QByteArrayLiteral("unauthorized"), tr("sign in to see the videos you liked"), 0};
    const int maxPageSize = m_videos.settings().maxPageSize;
    if (limit < 1 || limit > maxPageSize)
        return ServiceError{422, QByteArrayLiteral("validation_failed"), tr("limit must be between 1 and %1").arg(maxPageSize), 0};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QString sql = QStringLiteral("SELECT r.video_id, r.created_at, v.seq FROM video_ratings r JOIN videos v ON v.id = r.video_id "
                                 "WHERE r.user_id = ? AND r.rating = ?");
    QVariantList values{viewer.userId, int(Rating::Like)};
    // Admins see every video; others their own, or those not private, ready and published.
    if (!viewer.isAdmin()) {
        sql += QStringLiteral(" AND (v.owner_id = ? OR (v.visibility <> 'private' AND v.state = 'ready' "
                              "AND v.published_at IS NOT NULL AND v.published_at <= ?))");
        values << viewer.userId << now;
    }
    if (!cursor.isEmpty()) {
        const auto key = Catalog::PageCursor::decode(cursor, QStringLiteral("liked"), 2);
        if (!key)
            return ServiceError{422, QByteArrayLiteral("validation_failed"), tr("cursor is not valid"), 0};
        sql += QStringLiteral(" AND (r.created_at < ? OR (r.created_at = ? AND v.seq < ?))");
        values << key->at(0) << key->at(0) << key->at(1);
    }
    sql += QStringLiteral(" ORDER BY r.created_at DESC, v.seq DESC LIMIT ?");
    values << limit + 1;
    PreparedQuery query(m_database.connection(), sql, values);
    if (!query.exec())
        return ServiceError::internal(query.errorText());
    QStringList ids;
    QList<qint64> likedAt;
    QList<qint64> seqs;
    while (query.next()) {
        ids << query.value(0).toString();
        likedAt << query.value(1).toLongLong();
        seqs << query.value(2).toLongLong();
    }
    Catalog::Page<Catalog::Video> result;
    if (ids.size() > limit) {
        ids.resize(limit);
        result.nextCursor = Catalog::PageCursor::encode(QStringLiteral("liked"), {likedAt.at(limit - 1), seqs.at(limit - 1)});
    }
    const auto videos = m_videos.byIds(ids);
    if (!videos)
        return videos.error();
    for (const Catalog::Video &video : videos.value()) {
        if (Catalog::VideoService::canSee(video, viewer, now))
            result.items.append(video);
    }
    return result;
}

} // namespace Kinora::Server::Social
