#include "server/playback/playbacksession.h"

#include "server/catalog/video.h"

namespace Kinora::Server::Playback {

QString PlaybackSession::stateName(State state)
{
    switch (state) {
    case State::Active:
        return QStringLiteral("active");
    case State::Stopped:
        return QStringLiteral("stopped");
    case State::Expired:
        return QStringLiteral("expired");
    case State::Replaced:
        return QStringLiteral("replaced");
    }
    return QStringLiteral("active");
}

PlaybackSession::State PlaybackSession::stateFromName(const QString &name)
{
    if (name == QLatin1String("stopped"))
        return State::Stopped;
    if (name == QLatin1String("expired"))
        return State::Expired;
    if (name == QLatin1String("replaced"))
        return State::Replaced;
    return State::Active;
}

QJsonObject PlaybackSession::toJson() const
{
    return QJsonObject{
        {QStringLiteral("sessionId"), id},
        {QStringLiteral("deviceId"), deviceId},
        {QStringLiteral("deviceName"), deviceName},
        {QStringLiteral("videoId"), videoId},
        {QStringLiteral("startedAt"), Catalog::isoTime(startedAtMs)},
        {QStringLiteral("lastHeartbeatAt"), Catalog::isoTime(lastHeartbeatAtMs)},
    };
}

} // namespace Kinora::Server::Playback
