#include "core/net/playlistsummary.h"

namespace Kinora::Core {

namespace {

QDateTime parseTime(const QJsonValue &value)
{
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODateWithMs) : QDateTime();
}

// Ids are decimal strings in the API; accept numbers too.
QString idString(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return value.toString();
}

} // namespace

PlaylistSummary PlaylistSummary::fromJson(const QJsonObject &json)
{
    PlaylistSummary playlist;
    playlist.id = idString(json.value(QLatin1String("id")));
    playlist.ownerId = idString(json.value(QLatin1String("ownerId")));
    playlist.title = json.value(QLatin1String("title")).toString();
    playlist.description = json.value(QLatin1String("description")).toString();
    playlist.visibility = json.value(QLatin1String("visibility")).toString();
    playlist.kind = json.value(QLatin1String("kind")).toString();
    playlist.itemCount = json.value(QLatin1String("itemCount")).toInteger();
    playlist.createdAt = parseTime(json.value(QLatin1String("createdAt")));
    playlist.updatedAt = parseTime(json.value(QLatin1String("updatedAt")));
    return playlist;
}

PlaylistItem PlaylistItem::fromJson(const QJsonObject &json)
{
    PlaylistItem item;
    item.id = idString(json.value(QLatin1String("id")));
    item.position = json.value(QLatin1String("position")).toInteger();
    item.videoId = json.value(QLatin1String("videoId")).toString();
    item.addedAt = parseTime(json.value(QLatin1String("addedAt")));
    const QJsonValue video = json.value(QLatin1String("video"));
    if (video.isObject())
        item.video = VideoSummary::fromJson(video.toObject());
    return item;
}

} // namespace Kinora::Core
