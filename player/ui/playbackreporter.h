#pragma once

#include "player/ui/playbackheartbeat.h"

#include <QString>

namespace Kinora::Player {

// Where the player reports a playback session (the server's sessions API in
// the app, a recording object in tests). Called on the GUI thread; an
// implementation must not block it.
class PlaybackReporter
{
public:
    virtual ~PlaybackReporter() = default;

    virtual void openSession(const QString &videoId) = 0;
    virtual void reportStartup(double seconds) = 0; // play request to first frame
    virtual void heartbeat(const PlaybackHeartbeat &beat) = 0;
    virtual void closeSession(const PlaybackHeartbeat &last) = 0;
};

} // namespace Kinora::Player
