#include "core/net/videosummary.h"

#include <QJsonArray>

namespace Kinora::Core {

namespace {

QDateTime parseTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

// Ids are decimal strings in the API; accept numbers too.
QString idString(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return value.toString();
}

} // namespace

VideoSummary VideoSummary::fromJson(const QJsonObject &json)
{
    VideoSummary video;
    video.id = idString(json.value(QLatin1String("id")));
    video.ownerId = idString(json.value(QLatin1String("ownerId")));
    const QJsonObject channel = json.value(QLatin1String("channel")).toObject();
    video.channelId = idString(channel.value(QLatin1String("id")));
    video.channelName = channel.value(QLatin1String("name")).toString();
    video.title = json.value(QLatin1String("title")).toString();
    video.description = json.value(QLatin1String("description")).toString();
    for (const QJsonValue &tag : json.value(QLatin1String("tags")).toArray())
        video.tags.append(tag.toString());
    video.category = json.value(QLatin1String("category")).toString();
    video.language = json.value(QLatin1String("language")).toString();
    video.visibility = json.value(QLatin1String("visibility")).toString();
    video.state = json.value(QLatin1String("state")).toString();
    video.failureReason = json.value(QLatin1String("failureReason")).toString();
    video.thumbnail = json.value(QLatin1String("thumbnail")).toString();
    video.scheduledAt = parseTime(json.value(QLatin1String("scheduledAt")));
    video.publishedAt = parseTime(json.value(QLatin1String("publishedAt")));
    video.createdAt = parseTime(json.value(QLatin1String("createdAt")));
    video.durationMs = json.value(QLatin1String("durationMs")).toInteger();
    video.viewCount = json.value(QLatin1String("viewCount")).toInteger();
    video.likeCount = json.value(QLatin1String("likeCount")).toInteger();
    video.dislikeCount = json.value(QLatin1String("dislikeCount")).toInteger();
    video.commentCount = json.value(QLatin1String("commentCount")).toInteger();
    video.posterUrl = json.value(QLatin1String("posterUrl")).toString();
    return video;
}

WatchEntry WatchEntry::fromJson(const QJsonObject &json)
{
    WatchEntry entry;
    entry.video = VideoSummary::fromJson(json.value(QLatin1String("video")).toObject());
    entry.positionMs = json.value(QLatin1String("positionMs")).toInteger();
    entry.watchedAt = parseTime(json.value(QLatin1String("watchedAt")));
    return entry;
}

} // namespace Kinora::Core
