#include "core/net/videocomment.h"

namespace Kinora::Core {

VideoComment VideoComment::fromJson(const QJsonObject &json)
{
    VideoComment comment;
    comment.id = json.value(QLatin1String("id")).toString();
    comment.videoId = json.value(QLatin1String("videoId")).toString();
    const QJsonObject author = json.value(QLatin1String("author")).toObject();
    comment.authorId = author.value(QLatin1String("id")).toString();
    comment.authorName = author.value(QLatin1String("displayName")).toString();
    comment.parentId = json.value(QLatin1String("parentId")).toString();
    comment.body = json.value(QLatin1String("body")).toString();
    comment.replyCount = json.value(QLatin1String("replyCount")).toInt();
    comment.createdAt = QDateTime::fromString(json.value(QLatin1String("createdAt")).toString(), Qt::ISODateWithMs);
    const QJsonValue edited = json.value(QLatin1String("editedAt"));
    if (edited.isString())
        comment.editedAt = QDateTime::fromString(edited.toString(), Qt::ISODateWithMs);
    return comment;
}

} // namespace Kinora::Core
