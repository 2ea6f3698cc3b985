#include "server/social/playlist.h"

namespace Kinora::Server::Social {

QJsonObject Playlist::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), QString::number(id)},
        {QStringLiteral("ownerId"), QString::number(ownerId)},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("visibility"), Catalog::visibilityName(visibility)},
        {QStringLiteral("kind"), kind},
        {QStringLiteral("itemCount"), itemCount},
        {QStringLiteral("createdAt"), Catalog::isoTime(createdAtMs)},
        {QStringLiteral("updatedAt"), Catalog::isoTime(updatedAtMs)},
    };
}

QJsonObject PlaylistItem::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), QString::number(id)},
        {QStringLiteral("position"), position},
        {QStringLiteral("videoId"), videoId},
        {QStringLiteral("addedAt"), Catalog::isoTime(addedAtMs)},
        {QStringLiteral("video"), video ? QJsonValue(video->toJson()) : QJsonValue(QJsonValue::Null)},
    };
}

} // namespace Kinora::Server::Social
