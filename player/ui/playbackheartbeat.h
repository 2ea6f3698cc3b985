#pragma once

#include <QString>

namespace Kinora::Player {

// What the player tells the server about a playback session at each beat.
struct PlaybackHeartbeat
{
    double positionSeconds = 0.0;
    int rung = -1;             // -1: not HLS or not known yet
    QString rendition;         // the rung's name ("720p"), empty when rung is -1
    long long bitrate = 0;     // the rung's declared bits per second
    double bufferSeconds = 0.0;
    int stalls = 0;            // since the session opened
    double stallSeconds = 0.0; // time spent stalled since the session opened
    int rungSwitches = 0;      // since the session opened
    double bandwidthBps = 0.0; // the engine's estimate
    long long droppedFrames = 0;
};

} // namespace Kinora::Player
