#pragma once

#include <QJsonObject>
#include <QString>

namespace Kinora::Server::Playback {

// One device playing one video. userId 0: an anonymous viewer, counted
// against the limit of its client address (clientKey).
struct PlaybackSession
{
    enum class State { Active, Stopped, Expired, Replaced };

    QString id;
    qint64 userId = 0;
    QString clientKey;
    QString deviceId;
    QString deviceName;
    QString videoId;
    State state = State::Active;
    qint64 startedAtMs = 0;
    qint64 lastHeartbeatAtMs = 0;
    qint64 endedAtMs = 0;
    bool viewCounted = false;
    qint64 positionMs = 0;

    static QString stateName(State state);
    static State stateFromName(const QString &name);

    // {sessionId, deviceId, deviceName, videoId, startedAt, lastHeartbeatAt}
    QJsonObject toJson() const;
};

} // namespace Kinora::Server::Playback
