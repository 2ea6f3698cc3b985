#include "core/net/playbacksession.h"

#include <QJsonArray>

namespace Kinora::Core {

namespace {

QDateTime dateFrom(const QJsonObject &object, QLatin1String key)
{
    return QDateTime::fromString(object.value(key).toString(), Qt::ISODateWithMs);
}

} // namespace

PlaybackSession PlaybackSession::fromJson(const QJsonObject &object)
{
    PlaybackSession session;
    session.sessionId = object.value(QLatin1String("sessionId")).toString();
    session.videoId = object.value(QLatin1String("videoId")).toString();
    session.masterUrl = object.value(QLatin1String("masterUrl")).toString();
    session.heartbeatSeconds = object.value(QLatin1String("heartbeatSeconds")).toDouble();
    session.expiresAt = dateFrom(object, QLatin1String("expiresAt"));
    return session;
}

ActivePlaybackSession ActivePlaybackSession::fromJson(const QJsonObject &object)
{
    ActivePlaybackSession session;
    session.sessionId = object.value(QLatin1String("sessionId")).toString();
    session.deviceId = object.value(QLatin1String("deviceId")).toString();
    session.deviceName = object.value(QLatin1String("deviceName")).toString();
    session.videoId = object.value(QLatin1String("videoId")).toString();
    session.startedAt = dateFrom(object, QLatin1String("startedAt"));
    session.lastHeartbeatAt = dateFrom(object, QLatin1String("lastHeartbeatAt"));
    return session;
}

QList<ActivePlaybackSession> ActivePlaybackSession::listFromJson(const QJsonValue &array)
{
    QList<ActivePlaybackSession> sessions;
    const QJsonArray items = array.toArray();
    for (const QJsonValue &item : items)
        sessions.append(fromJson(item.toObject()));
    return sessions;
}

QJsonObject PlaybackSessionReport::toJson() const
{
    QJsonObject object{
        {QStringLiteral("positionMs"), positionMs},
        {QStringLiteral("rendition"), rendition},
        {QStringLiteral("bitrate"), bitrate},
        {QStringLiteral("bufferMs"), bufferMs},
        {QStringLiteral("stalls"), stalls},
        {QStringLiteral("stallMs"), stallMs},
        {QStringLiteral("bandwidthBps"), bandwidthBps},
        {QStringLiteral("droppedFrames"), droppedFrames},
        {QStringLiteral("rungSwitches"), rungSwitches},
    };
    if (startupMs)
        object.insert(QStringLiteral("startupMs"), *startupMs);
    return object;
}

} // namespace Kinora::Core
