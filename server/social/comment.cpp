#include "server/social/comment.h"

#include "server/catalog/video.h"

namespace Kinora::Server::Social {

QJsonObject Comment::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), QString::number(id)},
        {QStringLiteral("videoId"), videoId},
        {QStringLiteral("author"), QJsonObject{{QStringLiteral("id"), QString::number(authorId)},
                                               {QStringLiteral("displayName"), authorName}}},
        {QStringLiteral("parentId"), parentId > 0 ? QJsonValue(QString::number(parentId)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("body"), body},
        {QStringLiteral("replyCount"), replyCount},
        {QStringLiteral("createdAt"), Catalog::isoTime(createdAtMs)},
        {QStringLiteral("editedAt"), editedAtMs > 0 ? QJsonValue(Catalog::isoTime(editedAtMs)) : QJsonValue(QJsonValue::Null)},
    };
}

} // namespace Kinora::Server::Social
