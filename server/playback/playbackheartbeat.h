#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Kinora::Server::Playback {

// What a player reports every few seconds: where it is, which rendition it
// plays and how playback goes. fromJson() accepts only plausible values.
struct PlaybackHeartbeat
{
    Q_DECLARE_TR_FUNCTIONS(PlaybackHeartbeat)

public:
    qint64 positionMs = 0;
    QString rendition;
    qint64 bitrate = 0;
    qint64 bufferMs = 0;
    int stalls = 0;
    qint64 stallMs = 0;
    qint64 bandwidthBps = 0;
    qint64 droppedFrames = 0;
    std::optional<qint64> startupMs;
    int rungSwitches = 0;

    // nullopt with *error naming the field when a value is missing, mistyped or out of range.
    static std::optional<PlaybackHeartbeat> fromJson(const QJsonObject &object, QString *error);
};

} // namespace Kinora::Server::Playback
