#pragma once

#include <QtGlobal>

namespace Kinora::Server::Http {
class Router;
}
namespace Kinora::Server::Accounts {
class AuthGuard;
}

namespace Kinora::Server::Playback {

class PlaybackService;

// /api/v1/playback/sessions: start (POST), list the caller's (GET), heartbeat
// (POST .../{id}/heartbeat) and stop (DELETE .../{id}). Translates JSON to
// PlaybackService calls. trustForwardedFor: the client address of anonymous
// viewers is the last X-Forwarded-For entry (behind a proxy).
void addPlaybackRoutes(Http::Router &router, PlaybackService &service, const Accounts::AuthGuard &guard,
                       qint64 maxJsonBodyBytes, bool trustForwardedFor);

} // namespace Kinora::Server::Playback
