#include "server/catalog/videoservice.h"

#include "server/catalog/channelservice.h"
#include "server/catalog/imageupload.h"
#include "server/catalog/pagecursor.h"
#include "server/catalog/videoid.h"
#include "server/search/searchindex.h"
#include "server/storage/database.h"
#include "server/storage/writetransaction.h"

#include <QDateTime>
#include <QDir>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

namespace Kinora::Server::Catalog {

namespace {

const QString SelectColumns = QStringLiteral(
    "SELECT v.seq, v.id, v.owner_id, v.channel_id, c.name, v.title, v.description, v.tags, v.category, v.language, "
    "v.visibility, v.state, v.failure_reason, v.scheduled_at, v.published_at, v.duration_ms, v.thumbnail, "
    "v.created_at, v.updated_at, v.view_count, v.like_count, v.dislike_count, v.comment_count");
const QString FromClause = QStringLiteral(" FROM videos v JOIN channels c ON c.id = v.channel_id");
constexpr int ColumnCount = 23;

const QString ListedCondition = QStringLiteral(
    "v.visibility = 'public' AND v.state = 'ready' AND v.published_at IS NOT NULL AND v.published_at <= ?");

ServiceError failure(int status, const char *code, const QString &message)
{
    return ServiceError{status, QByteArray(code), message, 0};
}

ServiceError notFound()
{
    return failure(404, "not_found", VideoService::tr("no such video"));
}

QVariant nullable(qint64 value)
{
    return value > 0 ? QVariant(value) : QVariant(QMetaType(QMetaType::LongLong));
}

Video readVideo(const QSqlQuery &q)
{
    Video v;
    v.seq = q.value(0).toLongLong();
    v.id = q.value(1).toString();
    v.ownerId = q.value(2).toLongLong();
    v.channelId = q.value(3).toLongLong();
    v.channelName = q.value(4).toString();
    v.title = q.value(5).toString();
    v.description = q.value(6).toString();
    const QString tags = q.value(7).toString();
    v.tags = tags.isEmpty() ? QStringList() : tags.split(QLatin1Char('\n'));
    v.category = q.value(8).toString();
    v.language = q.value(9).toString();
    v.visibility = visibilityFromName(q.value(10).toString()).value_or(Visibility::Private);
    v.state = videoStateFromName(q.value(11).toString()).value_or(VideoState::Draft);
    v.failureReason = q.value(12).toString();
    v.scheduledAtMs = q.value(13).toLongLong();
    v.publishedAtMs = q.value(14).toLongLong();
    v.durationMs = q.value(15).toLongLong();
    v.thumbnail = q.value(16).toString();
    v.createdAtMs = q.value(17).toLongLong();
    v.updatedAtMs = q.value(18).toLongLong();
    v.viewCount = q.value(19).toLongLong();
    v.likeCount = q.value(20).toLongLong();
    v.dislikeCount = q.value(21).toLongLong();
    v.commentCount = q.value(22).toLongLong();
    return v;
}

bool hasControlCharacters(const QString &text, bool allowNewlines)
{
    for (QChar c : text) {
        if (c.category() == QChar::Other_Control && !(allowNewlines && (c == QLatin1Char('\n') || c == QLatin1Char('\t') || c == QLatin1Char('\r'))))
            return true;
    }
    return false;
}

} // namespace

VideoService::VideoService(Storage::Database &database, const CatalogSettings &settings, ChannelService &channels,
                           Search::SearchIndex &searchIndex, QString mediaDir)
    : m_database(database)
    , m_settings(settings)
    , m_channels(channels)
    , m_searchIndex(searchIndex)
    , m_mediaDir(std::move(mediaDir))
{
}

QString VideoService::mediaFolder(const QString &id) const
{
    return QDir(m_mediaDir).filePath(QStringLiteral("videos/") + id);
}

bool VideoService::canSee(const Video &video, const Viewer &viewer, qint64 nowMs)
{
    if (viewer.owns(video.ownerId) || viewer.isAdmin())
        return true;
    return video.visibility != Visibility::Private && video.state == VideoState::Ready && video.publishedAtMs > 0
        && video.publishedAtMs <= nowMs;
}

std::optional<Video> VideoService::find(QSqlDatabase &db, const QString &id, QString *error)
{
    if (!VideoId::isValid(id))
        return std::nullopt;
    QSqlQuery query(db);
    query.prepare(SelectColumns + FromClause + QStringLiteral(" WHERE v.id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return readVideo(query);
}

std::optional<ServiceError> VideoService::validate(const VideoChanges &changes, const Video &current, qint64 nowMs) const
{
    auto invalid = [](const QString &message) { return failure(422, "validation_failed", message); };
    if (changes.title) {
        const QString title = changes.title->trimmed();
        if (title.isEmpty() || title.size() > m_settings.titleMaxLength || hasControlCharacters(title, false))
            return invalid(tr("title must have 1 to %1 characters and no control characters").arg(m_settings.titleMaxLength));
    }
    if (changes.description && (changes.description->size() > m_settings.descriptionMaxLength || hasControlCharacters(*changes.description, true)))
        return invalid(tr("description must have at most %1 characters").arg(m_settings.descriptionMaxLength));
    if (changes.tags) {
        if (changes.tags->size() > m_settings.maxTags)
            return invalid(tr("at most %1 tags are allowed").arg(m_settings.maxTags));
        for (const QString &tag : *changes.tags) {
            const QString t = tag.trimmed();
            if (t.isEmpty() || t.size() > m_settings.tagMaxLength || hasControlCharacters(t, false))
                return invalid(tr("every tag must have 1 to %1 characters").arg(m_settings.tagMaxLength));
        }
    }
    if (changes.category && !changes.category->isEmpty() && !m_settings.categories.contains(*changes.category))
        return invalid(tr("category must be one of: %1").arg(m_settings.categories.join(QStringLiteral(", "))));
    if (changes.language && !changes.language->isEmpty()) {
        static const QRegularExpression tag(QStringLiteral("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"));
        if (changes.language->size() > m_settings.languageMaxLength || !tag.match(*changes.language).hasMatch())
            return invalid(tr("language must be a language tag such as \"en\" or \"pt-BR\""));
    }
    if (changes.thumbnail) {
        bool ok = false;
        const int index = changes.thumbnail->toInt(&ok);
        const bool custom = *changes.thumbnail == QLatin1String("custom");
        if (!custom && (!ok || index < 0 || index >= m_settings.thumbnailCandidates || QString::number(index) != *changes.thumbnail))
            return invalid(tr("thumbnail must be a candidate index from 0 to %1 or \"custom\"").arg(m_settings.thumbnailCandidates - 1));
        if (custom && !QDir(mediaFolder(current.id)).exists(QStringLiteral("thumbs/custom")))
            return invalid(tr("thumbnail \"custom\" needs an uploaded image first"));
    }
    if (changes.scheduledAtMs) {
        const bool published = current.publishedAtMs > 0 && current.publishedAtMs <= nowMs;
        if (published)
            return failure(409, "already_published", tr("the video is already published; its schedule cannot change"));
        if (*changes.scheduledAtMs != 0 && *changes.scheduledAtMs <= nowMs)
            return invalid(tr("scheduledAt must lie in the future"));
    }
    return std::nullopt;
}

void VideoService::apply(const VideoChanges &changes, Video *video, qint64 nowMs) const
{
    if (changes.title)
        video->title = changes.title->trimmed();
    if (changes.description)
        video->description = *changes.description;
    if (changes.tags) {
        QStringList tags;
        for (const QString &tag : *changes.tags) {
            if (!tags.contains(tag.trimmed()))
                tags.append(tag.trimmed());
        }
        video->tags = tags;
    }
    if (changes.category)
        video->category = *changes.category;
    if (changes.language)
        video->language = *changes.language;
    if (changes.visibility)
        video->visibility = *changes.visibility;
    if (changes.thumbnail)
        video->thumbnail = *changes.thumbnail;
    if (changes.scheduledAtMs) {
        video->scheduledAtMs = *changes.scheduledAtMs;
        if (video->state == VideoState::Ready) // not yet published (validate): move the publish time
            video->publishedAtMs = video->scheduledAtMs > 0 ? video->scheduledAtMs : nowMs;
    }
    video->updatedAtMs = nowMs;
}

bool VideoService::store(QSqlDatabase &db, Video &video, bool insert, QString *error)
{
    // Empty texts may be null QStrings, which bind as NULL: COALESCE keeps the columns NOT NULL.
    QSqlQuery query(db);
    if (insert) {
        query.prepare(QStringLiteral(
            "INSERT INTO videos (id, owner_id, channel_id, title, description, tags, category, language, visibility, state, "
            "failure_reason, scheduled_at, published_at, duration_ms, thumbnail, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, ?, COALESCE(?, ''), ?, ?, ?, ?, ?, ?)"));
        query.addBindValue(video.id);
        query.addBindValue(video.ownerId);
        query.addBindValue(video.channelId);
    } else {
        query.prepare(QStringLiteral(
            "UPDATE videos SET title = ?, description = COALESCE(?, ''), tags = COALESCE(?, ''), category = COALESCE(?, ''), "
            "language = COALESCE(?, ''), visibility = ?, state = ?, failure_reason = COALESCE(?, ''), scheduled_at = ?, published_at = ?, duration_ms = ?, thumbnail = ?, updated_at = ? WHERE seq = ?"));
    }
    query.addBindValue(video.title);
    query.addBindValue(video.description);
    query.addBindValue(video.tags.join(QLatin1Char('\n')));
    query.addBindValue(video.category);
    query.addBindValue(video.language);
    query.addBindValue(visibilityName(video.visibility));
    query.addBindValue(videoStateName(video.state));
    query.addBindValue(video.failureReason);
    query.addBindValue(nullable(video.scheduledAtMs));
    query.addBindValue(nullable(video.publishedAtMs));
    query.addBindValue(video.durationMs);
    query.addBindValue(video.thumbnail);
    if (insert)
        query.addBindValue(video.createdAtMs);
    query.addBindValue(video.updatedAtMs);
    if (!insert)
        query.addBindValue(video.seq);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    if (insert)
        video.seq = query.lastInsertId().toLongLong();
    return true;
}

bool VideoService::syncIndex(const Video &video, QString *error)
{
    // Only public, ready videos are indexed; the publish time is checked at query time.
    if (video.visibility == Visibility::Public && video.state == VideoState::Ready)
        return m_searchIndex.upsert(Search::SearchDocument{video.seq, video.title, video.tags, video.description}, error);
    return m_searchIndex.remove(video.seq, error);
}

ServiceResult<Video> VideoService::create(const Viewer &viewer, const VideoChanges &fields)
{
    if (!viewer.signedIn())
        return failure(401, "unauthorized", tr("sign in to create a video"));
    if (!fields.title)
        return failure(422, "validation_failed", tr("title is required"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Video video;
    video.ownerId = viewer.userId;
    video.createdAtMs = now;
    if (auto invalid = validate(fields, video, now))
        return *invalid;
    const auto channel = m_channels.ensureForUser(viewer.userId);
    if (!channel)
        return channel.error();
    video.channelId = channel->id;
    video.channelName = channel->name;
    apply(fields, &video, now);

    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    // A clash of two random 66-bit ids is next to impossible; retry anyway.
    for (int attempt = 0; attempt < 3; ++attempt) {
        video.id = VideoId::generate();
        if (store(db, video, true, &error))
            return video;
        QSqlQuery probe(db);
        probe.prepare(QStringLiteral("SELECT 1 FROM videos WHERE id = ?"));
        probe.addBindValue(video.id);
        if (!probe.exec() || !probe.next())
            break;
    }
    return ServiceError::internal(error);
}

ServiceResult<Video> VideoService::get(const QString &id, const Viewer &viewer)
{
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    const auto video = find(db, id, &error);
    if (!video)
        return error.isEmpty() ? notFound() : ServiceError::internal(error);
    if (!canSee(*video, viewer, QDateTime::currentMSecsSinceEpoch()))
        return notFound();
    return *video;
}

ServiceResult<Video> VideoService::update(const QString &id, const Viewer &viewer, const VideoChanges &changes)
{
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive())
        return ServiceError::internal(transaction.errorText());
    auto video = find(db, id, &error);
    if (!video)
        return error.isEmpty() ? notFound() : ServiceError::internal(error);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (!viewer.owns(video->ownerId) && !viewer.isAdmin())
        return canSee(*video, viewer, now) ? failure(403, "forbidden", tr("only the owner may edit this video")) : notFound();
    if (auto invalid = validate(changes, *video, now))
        return *invalid;
    apply(changes, &*video, now);
    if (!store(db, *video, false, &error) || !syncIndex(*video, &error))
        return ServiceError::internal(error);
    if (!transaction.commit())
        return ServiceError::internal(transaction.errorText());
    return *video;
}

ServiceStatus VideoService::remove(const QString &id, const Viewer &viewer)
{
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    {
        Storage::WriteTransaction transaction(m_database, db);
        if (!transaction.isActive())
            return ServiceError::internal(transaction.errorText());
        const auto video = find(db, id, &error);
        if (!video)
            return error.isEmpty() ? notFound() : ServiceError::internal(error);
        if (!viewer.owns(video->ownerId) && !viewer.isAdmin())
            return canSee(*video, viewer, QDateTime::currentMSecsSinceEpoch())
                ? failure(403, "forbidden", tr("only the owner may delete this video")) : notFound();
        if (!m_searchIndex.remove(video->seq, &error))
            return ServiceError::internal(error);
        QSqlQuery counts(db);
        counts.prepare(QStringLiteral("UPDATE playlists SET item_count = item_count - 1 "
                                      "WHERE id IN (SELECT playlist_id FROM playlist_items WHERE video_id = ?)"));
        counts.addBindValue(video->id);
        if (!counts.exec())
            return ServiceError::internal(counts.lastError().text());
        // Ratings, comments, playlist items and history go with the row (ON DELETE CASCADE).
        QSqlQuery query(db);
        query.prepare(QStringLiteral("DELETE FROM videos WHERE seq = ?"));
        query.addBindValue(video->seq);
        if (!query.exec())
            return ServiceError::internal(query.lastError().text());
        if (!transaction.commit())
            return ServiceError::internal(transaction.errorText());
    }
    // After the commit: a failed delete leaves the files, never rows without files.
    const QString folder = mediaFolder(id);
    if (QDir(folder).exists() && !QDir(folder).removeRecursively())
        return ServiceError::internal(tr("the video was deleted but its folder %1 could not be removed entirely").arg(folder));
    return std::monostate{};
}

ServiceResult<Page<Video>> VideoService::runListing(const QString &where, const QList<QVariant> &binds, const QString &keyExpression,
                                                    const QString &cursorKind, int limit, const QString &cursor)
{
    if (limit < 1 || limit > m_settings.maxPageSize)
        return failure(422, "validation_failed", tr("limit must be between 1 and %1").arg(m_settings.maxPageSize));
    QString sql = SelectColumns + QStringLiteral(", ") + keyExpression + FromClause + QStringLiteral(" WHERE ") + where;
    QList<QVariant> values = binds;
    if (!cursor.isEmpty()) {
        const auto key = PageCursor::decode(cursor, cursorKind, 2);
        if (!key)
            return failure(422, "validation_failed", tr("cursor is not valid"));
        sql += QStringLiteral(" AND (%1 < ? OR (%1 = ? AND v.seq < ?))").arg(keyExpression);
        values << key->at(0) << key->at(0) << key->at(1);
    }
    sql += QStringLiteral(" ORDER BY %1 DESC, v.seq DESC LIMIT ?").arg(keyExpression);
    values << limit + 1;

    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return ServiceError::internal(query.lastError().text());
    Page<Video> page;
    qint64 lastKey = 0;
    while (query.next()) {
        if (page.items.size() == limit) {
            page.nextCursor = PageCursor::encode(cursorKind, {lastKey, page.items.constLast().seq});
            break;
        }
        page.items.append(readVideo(query));
        lastKey = query.value(ColumnCount).toLongLong();
    }
    return page;
}

ServiceResult<Page<Video>> VideoService::list(const VideoListQuery &request)
{
    QString where = ListedCondition;
    QList<QVariant> binds{QDateTime::currentMSecsSinceEpoch()};
    if (!request.category.isEmpty()) {
        if (!m_settings.categories.contains(request.category))
            return failure(422, "validation_failed", tr("category must be one of: %1").arg(m_settings.categories.join(QStringLiteral(", "))));
        where += QStringLiteral(" AND v.category = ?");
        binds << request.category;
    }
    if (request.channelId > 0) {
        where += QStringLiteral(" AND v.channel_id = ?");
        binds << request.channelId;
    }
    if (request.subscriberId > 0) {
        where += QStringLiteral(" AND v.channel_id IN (SELECT s.channel_id FROM subscriptions s WHERE s.user_id = ?)");
        binds << request.subscriberId;
    }
    const bool popular = request.sort == VideoListQuery::Sort::Popular;
    return runListing(where, binds, popular ? QStringLiteral("v.view_count") : QStringLiteral("v.published_at"),
                      popular ? QStringLiteral("popular") : QStringLiteral("newest"), request.limit, request.cursor);
}

ServiceResult<Page<Video>> VideoService::listOwn(const Viewer &viewer, int limit, const QString &cursor)
{
    if (!viewer.signedIn())
        return failure(401, "unauthorized", tr("sign in to list your videos"));
    return runListing(QStringLiteral("v.owner_id = ?"), {viewer.userId}, QStringLiteral("v.created_at"),
                      QStringLiteral("own"), limit, cursor);
}

ServiceResult<QList<Video>> VideoService::byIds(const QStringList &ids)
{
    QList<Video> videos;
    if (ids.isEmpty())
        return videos;
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    QStringList marks;
    for (qsizetype i = 0; i < ids.size(); ++i)
        marks << QStringLiteral("?");
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(SelectColumns + FromClause + QStringLiteral(" WHERE v.id IN (%1)").arg(marks.join(QLatin1Char(','))));
    for (const QString &id : ids)
        query.addBindValue(id);
    if (!query.exec())
        return ServiceError::internal(query.lastError().text());
    QHash<QString, Video> found;
    while (query.next()) {
        Video video = readVideo(query);
        found.insert(video.id, video);
    }
    for (const QString &id : ids) {
        const auto it = found.constFind(id);
        if (it != found.constEnd())
            videos.append(*it);
    }
    return videos;
}

ServiceResult<Video> VideoService::setCustomThumbnail(const QString &id, const Viewer &viewer, const QByteArray &data,
                                                      const QByteArray &contentType)
{
    auto video = get(id, viewer);
    if (!video)
        return video;
    if (!viewer.owns(video->ownerId) && !viewer.isAdmin())
        return failure(403, "forbidden", tr("only the owner may change the thumbnail"));
    const auto type = ImageUpload::validate(data, contentType, m_settings.maxImageBytes);
    if (!type)
        return type.error();
    const QString dir = QDir(mediaFolder(id)).filePath(QStringLiteral("thumbs"));
    if (!QDir().mkpath(dir))
        return ServiceError::internal(tr("cannot create %1").arg(dir));
    QSaveFile file(QDir(dir).filePath(QStringLiteral("custom")));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return ServiceError::internal(tr("cannot write the thumbnail: %1").arg(file.errorString()));
    VideoChanges changes;
    changes.thumbnail = QStringLiteral("custom");
    return update(id, viewer, changes);
}

ServiceResult<Video> VideoService::setProcessingState(const QString &id, VideoState state, const QString &failureReason,
                                                      qint64 durationMs)
{
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive())
        return ServiceError::internal(transaction.errorText());
    auto video = find(db, id, &error);
    if (!video)
        return error.isEmpty() ? notFound() : ServiceError::internal(error);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    video->state = state;
    video->failureReason = state == VideoState::Failed ? failureReason.left(m_settings.failureReasonMaxLength) : QString();
    if (durationMs >= 0)
        video->durationMs = durationMs;
    if (state == VideoState::Ready && video->publishedAtMs == 0)
        video->publishedAtMs = video->scheduledAtMs > now ? video->scheduledAtMs : now;
    video->updatedAtMs = now;
    if (!store(db, *video, false, &error) || !syncIndex(*video, &error))
        return ServiceError::internal(error);
    if (!transaction.commit())
        return ServiceError::internal(transaction.errorText());
    return *video;
}

ServiceStatus VideoService::addViews(const QString &id, qint64 count)
{
    if (count < 0)
        return failure(422, "validation_failed", tr("count must not be negative"));
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE videos SET view_count = view_count + ? WHERE id = ?"));
    query.addBindValue(count);
    query.addBindValue(id);
    if (!query.exec())
        return ServiceError::internal(query.lastError().text());
    if (query.numRowsAffected() == 0)
        return notFound();
    return std::monostate{};
}

} // namespace Kinora::Server::Catalog
