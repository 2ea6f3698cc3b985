#pragma once

namespace Kinora::Server::Http {
class Router;
}
namespace Kinora::Server::Accounts {
class AuthGuard;
}
namespace Kinora::Server::Catalog {
class VideoService;
}

namespace Kinora::Server::Delivery {

class MediaDelivery;

// GET/HEAD /media/{*path} and /media/s/{token}/{*path}: files of the media
// folder (playlists, segments, thumbnails, storyboards) with ranges,
// validators and cache lifetimes suited to HLS, after MediaDelivery allowed
// the request; with delivery.accelRedirectPrefix set, an empty answer with
// X-Accel-Redirect lets nginx send the file. Paths that leave the media
// folder in any way are 404.
// GET /api/v1/videos/{id}/media: the links a player needs for one video.
void addMediaRoutes(Http::Router &router, MediaDelivery &delivery, Catalog::VideoService &videos,
                    const Accounts::AuthGuard &guard);

} // namespace Kinora::Server::Delivery
