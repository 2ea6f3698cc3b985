#include "server/catalog/video.h"

#include <QDateTime>
#include <QJsonArray>

namespace Kinora::Server::Catalog {

namespace {
const QStringList &visibilityNames()
{
    static const QStringList names{QStringLiteral("public"), QStringLiteral("unlisted"), QStringLiteral("private")};
    return names;
}
const QStringList &stateNames()
{
    static const QStringList names{QStringLiteral("draft"), QStringLiteral("uploading"), QStringLiteral("processing"),
                                   QStringLiteral("ready"), QStringLiteral("failed")};
    return names;
}
QJsonValue timeOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(isoTime(ms)) : QJsonValue(QJsonValue::Null);
}
}

QString visibilityName(Visibility visibility)
{
    return visibilityNames().at(int(visibility));
}

std::optional<Visibility> visibilityFromName(const QString &name)
{
    const qsizetype i = visibilityNames().indexOf(name);
    return i < 0 ? std::nullopt : std::optional<Visibility>(Visibility(i));
}

QString videoStateName(VideoState state)
{
    return stateNames().at(int(state));
}

std::optional<VideoState> videoStateFromName(const QString &name)
{
    const qsizetype i = stateNames().indexOf(name);
    return i < 0 ? std::nullopt : std::optional<VideoState>(VideoState(i));
}

QString isoTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) : QString();
}

bool Video::isListed(qint64 nowMs) const
{
    return visibility == Visibility::Public && state == VideoState::Ready && publishedAtMs > 0 && publishedAtMs <= nowMs;
}

QJsonObject Video::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},
        {QStringLiteral("ownerId"), QString::number(ownerId)},
        {QStringLiteral("channel"), QJsonObject{{QStringLiteral("id"), QString::number(channelId)},
                                                {QStringLiteral("name"), channelName}}},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
        {QStringLiteral("category"), category},
        {QStringLiteral("language"), language},
        {QStringLiteral("visibility"), visibilityName(visibility)},
        {QStringLiteral("state"), videoStateName(state)},
        {QStringLiteral("failureReason"), state == VideoState::Failed ? QJsonValue(failureReason) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("scheduledAt"), timeOrNull(scheduledAtMs)},
        {QStringLiteral("publishedAt"), timeOrNull(publishedAtMs)},
        {QStringLiteral("durationMs"), durationMs},
        {QStringLiteral("thumbnail"), thumbnail},
        {QStringLiteral("createdAt"), isoTime(createdAtMs)},
        {QStringLiteral("updatedAt"), isoTime(updatedAtMs)},
        {QStringLiteral("viewCount"), viewCount},
        {QStringLiteral("likeCount"), likeCount},
        {QStringLiteral("dislikeCount"), dislikeCount},
        {QStringLiteral("commentCount"), commentCount},
    };
}

} // namespace Kinora::Server::Catalog
