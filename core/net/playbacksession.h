#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Kinora::Core {

// The JSON shapes of the playback sessions API (/api/v1/playback/sessions):
// a session the server opened for this device, another device's session (as
// listed when the stream limit is reached) and the statistics of a heartbeat.

struct PlaybackSession
{
    QString sessionId;
    QString videoId;
    QString masterUrl;         // relative to the server root, may carry a signed token
    double heartbeatSeconds = 0.0;
    QDateTime expiresAt;

    bool isValid() const { return !sessionId.isEmpty(); }
    static PlaybackSession fromJson(const QJsonObject &object);
};

struct ActivePlaybackSession
{
    QString sessionId;
    QString deviceId;
    QString deviceName;
    QString videoId;
    QDateTime startedAt;
    QDateTime lastHeartbeatAt;

    static ActivePlaybackSession fromJson(const QJsonObject &object);
    static QList<ActivePlaybackSession> listFromJson(const QJsonValue &array);
};

struct PlaybackSessionReport
{
    qint64 positionMs = 0;
    QString rendition;         // the rung's name, e.g. "720p"
    qint64 bitrate = 0;        // the rung's declared bits per second
    qint64 bufferMs = 0;
    int stalls = 0;
    qint64 stallMs = 0;
    qint64 bandwidthBps = 0;
    qint64 droppedFrames = 0;
    std::optional<qint64> startupMs; // sent once, with the first beat after the first frame
    int rungSwitches = 0;

    QJsonObject toJson() const;
};

} // namespace Kinora::Core
