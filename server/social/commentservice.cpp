#include "server/social/commentservice.h"

#include "server/catalog/pagecursor.h"
#include "server/catalog/preparedquery.h"
#include "server/catalog/videoservice.h"
#include "server/storage/database.h"
#include "server/storage/writetransaction.h"

#include <QDateTime>

namespace Kinora::Server::Social {

using Catalog::PreparedQuery;

namespace {
const QString SelectComment = QStringLiteral(
    "SELECT m.id, m.video_id, m.author_id, u.display_name, m.parent_id, m.body, m.reply_count, m.created_at, m.edited_at "
    "FROM comments m JOIN users u ON u.id = m.author_id");

Comment readComment(const PreparedQuery &q)
{
    Comment c;
    c.id = q.value(0).toLongLong();
    c.videoId = q.value(1).toString();
    c.authorId = q.value(2).toLongLong();
    c.authorName = q.value(3).toString();
    c.parentId = q.value(4).toLongLong();
    c.body = q.value(5).toString();
    c.replyCount = q.value(6).toLongLong();
    c.createdAtMs = q.value(7).toLongLong();
    c.editedAtMs = q.value(8).toLongLong();
    return c;
}

ServiceError notFound()
{
    return ServiceError{404, QByteArrayLiteral("not_found"), CommentService::tr("no such comment"), 0};
}
}

CommentService::CommentService(Storage::Database &database, Catalog::VideoService &videos, const Catalog::CatalogSettings &settings)
    : m_database(database)
    , m_videos(videos)
    , m_settings(settings)
{
}

std::optional<Comment> CommentService::find(const QSqlDatabase &db, qint64 commentId, QString *error)
{
    PreparedQuery query(db, SelectComment + QStringLiteral(" WHERE m.id = ?"), {commentId});
    if (!query.exec()) {
        *error = query.errorText();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return readComment(query);
}

std::optional<ServiceError> CommentService::checkBody(const QString &body) const
{
    if (body.trimmed().isEmpty() || body.size() > m_settings.commentMaxLength)
        return ServiceError{422, QByteArrayLiteral("validation_failed"),
                            tr("body must have 1 to %1 characters").arg(m_settings.commentMaxLength), 0};
    return std::nullopt;
}

ServiceResult<Comment> CommentService::add(const Catalog::Viewer &viewer, const QString &videoId, const QString &body, qint64 parentId)
{
    if (!viewer.signedIn())
        return ServiceError{401, QByteArrayLiteral("unauthorized"), tr("sign in to comment"), 0};
    if (auto invalid = checkBody(body))
        return *invalid;
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
    if (parentId > 0) {
        const auto parent = find(db, parentId, &error);
        if (!parent || parent->videoId != videoId)
            return error.isEmpty() ? ServiceError{422, QByteArrayLiteral("validation_failed"), tr("parentId is not a comment of this video"), 0}
                                   : ServiceError::internal(error);
        if (parent->parentId > 0)
            parentId = parent->parentId; // threads have two levels
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    PreparedQuery insert(db, QStringLiteral("INSERT INTO comments (video_id, author_id, parent_id, body, reply_count, created_at) VALUES (?, ?, ?, ?, 0, ?)"),
                         {videoId, viewer.userId, parentId > 0 ? QVariant(parentId) : QVariant(QMetaType(QMetaType::LongLong)), body, now});
    if (!insert.exec())
        return ServiceError::internal(insert.errorText());
    const qint64 id = insert.lastInsertId();
    PreparedQuery count(db, QStringLiteral("UPDATE videos SET comment_count = comment_count + 1 WHERE id = ?"), {videoId});
    if (!count.exec())
        return ServiceError::internal(count.errorText());
    if (parentId > 0) {
        PreparedQuery replies(db, QStringLiteral("UPDATE comments SET reply_count = reply_count + 1 WHERE id = ?"), {parentId});
        if (!replies.exec())
            return ServiceError::internal(replies.errorText());
    }
    const auto created = find(db, id, &error);
    if (!created)
        return ServiceError::internal(error);
    if (!transaction.commit())
        return ServiceError::internal(transaction.errorText());
    return *created;
}

ServiceResult<Catalog::Page<Comment>> CommentService::list(const Catalog::Viewer &viewer, const QString &videoId, qint64 parentId,
                                                           int limit, const QString &cursor)
{
    if (limit < 1 || limit > m_settings.maxPageSize)
        return ServiceError{422, QByteArrayLiteral("validation_failed"), tr("limit must be between 1 and %1").arg(m_settings.maxPageSize), 0};
    const auto video = m_videos.get(videoId, viewer);
    if (!video)
        return video.error();
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    QString sql = SelectComment + QStringLiteral(" WHERE m.video_id = ?");
    QVariantList values{videoId};
    if (parentId > 0) {
        const auto parent = find(db, parentId, &error);
        if (!parent || parent->videoId != videoId)
            return error.isEmpty() ? notFound() : ServiceError::internal(error);
        sql += QStringLiteral(" AND m.parent_id = ?");
        values << parentId;
    } else {
        sql += QStringLiteral(" AND m.parent_id IS NULL");
    }
    // Top-level comments newest first, replies in the order they were written.
    const bool newestFirst = parentId == 0;
    if (!cursor.isEmpty()) {
        const auto key = Catalog::PageCursor::decode(cursor, QStringLiteral("comments"), 1);
        if (!key)
            return ServiceError{422, QByteArrayLiteral("validation_failed"), tr("cursor is not valid"), 0};
        sql += newestFirst ? QStringLiteral(" AND m.id < ?") : QStringLiteral(" AND m.id > ?");
        values << key->at(0);
    }
    sql += newestFirst ? QStringLiteral(" ORDER BY m.id DESC LIMIT ?") : QStringLiteral(" ORDER BY m.id ASC LIMIT ?");
    values << limit + 1;
    PreparedQuery query(db, sql, values);
    if (!query.exec())
        return ServiceError::internal(query.errorText());
    Catalog::Page<Comment> page;
    while (query.next()) {
        if (page.items.size() == limit) {
            page.nextCursor = Catalog::PageCursor::encode(QStringLiteral("comments"), {page.items.constLast().id});
            break;
        }
        page.items.append(readComment(query));
    }
    return page;
}

ServiceResult<Catalog::Page<Comment>> CommentService::replies(const Catalog::Viewer &viewer, qint64 commentId, int limit,
                                                              const QString &cursor)
{
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    const auto comment = find(db, commentId, &error);
    if (!comment)
        return error.isEmpty() ? notFound() : ServiceError::internal(error);
    const auto page = list(viewer, comment->videoId, comment->parentId > 0 ? comment->parentId : comment->id, limit, cursor);
    if (!page && page.error().status == 404)
        return notFound(); // do not tell whether the video exists
    return page;
}

ServiceResult<Comment> CommentService::edit(const Catalog::Viewer &viewer, qint64 commentId, const QString &body)
{
    if (auto invalid = checkBody(body))
        return *invalid;
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    auto comment = find(db, commentId, &error);
    if (!comment)
        return error.isEmpty() ? notFound() : ServiceError::internal(error);
    if (!m_videos.get(comment->videoId, viewer))
        return notFound();
    if (!viewer.owns(comment->authorId))
        return ServiceError{403, QByteArrayLiteral("forbidden"), tr("only the author may edit a comment"), 0};
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    PreparedQuery update(db, QStringLiteral("UPDATE comments SET body = ?, edited_at = ? WHERE id = ?"), {body, now, commentId});
    if (!update.exec())
        return ServiceError::internal(update.errorText());
    comment->body = body;
    comment->editedAtMs = now;
    return *comment;
}

ServiceStatus CommentService::remove(const Catalog::Viewer &viewer, qint64 commentId)
{
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive())
        return ServiceError::internal(transaction.errorText());
    const auto comment = find(db, commentId, &error);
    if (!comment)
        return error.isEmpty() ? notFound() : ServiceError::internal(error);
    const auto video = m_videos.get(comment->videoId, viewer);
    if (!video)
        return notFound();
    if (!viewer.owns(comment->authorId) && !viewer.owns(video->ownerId) && !viewer.isModerator())
        return ServiceError{403, QByteArrayLiteral("forbidden"),
                            tr("only the author, the owner of the video or a moderator may delete a comment"), 0};
    // Its replies go with it (ON DELETE CASCADE).
    const qint64 removed = 1 + comment->replyCount;
    PreparedQuery remove(db, QStringLiteral("DELETE FROM comments WHERE id = ?"), {commentId});
    if (!remove.exec())
        return ServiceError::internal(remove.errorText());
    PreparedQuery count(db, QStringLiteral("UPDATE videos SET comment_count = comment_count - ? WHERE id = ?"), {removed, comment->videoId});
    if (!count.exec())
        return ServiceError::internal(count.errorText());
    if (comment->parentId > 0) {
        PreparedQuery replies(db, QStringLiteral("UPDATE comments SET reply_count = reply_count - 1 WHERE id = ?"), {comment->parentId});
        if (!replies.exec())
            return ServiceError::internal(replies.errorText());
    }
    if (!transaction.commit())
        return ServiceError::internal(transaction.errorText());
    return std::monostate{};
}

} // namespace Kinora::Server::Social
