#pragma once

#include "server/accounts/role.h"

namespace Kinora::Server::Playback {

// Limits of playback sessions (playback.* keys): concurrent streams per role
// and for anonymous viewers per client address (0: unlimited), and how long a
// session lives without a heartbeat.
struct PlaybackSettings
{
    int maxStreamsViewer = 3;
    int maxStreamsCreator = 3;
    int maxStreamsModerator = 5;
    int maxStreamsAdmin = 0;
    int maxStreamsAnonymous = 2;
    int sessionTimeoutSeconds = 120;
    int heartbeatSeconds = 10;
    // Ended sessions and their heartbeats are deleted this many days after
    // they ended (0 keeps them for ever).
    int retentionDays = 90;
    // Session starts one client address may make (token bucket), so that
    // starting over and over cannot flood the sessions table.
    int startBurst = 30;
    int startsPerMinute = 60;

    int maxStreamsFor(Accounts::Role role) const
    {
        switch (role) {
        case Accounts::Role::Viewer:
            return maxStreamsViewer;
        case Accounts::Role::Creator:
            return maxStreamsCreator;
        case Accounts::Role::Moderator:
            return maxStreamsModerator;
        case Accounts::Role::Admin:
            return maxStreamsAdmin;
        }
        return maxStreamsViewer;
    }
};

} // namespace Kinora::Server::Playback
