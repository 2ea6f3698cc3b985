#pragma once

#include <QString>

namespace Kinora::Server::Http {
class Router;
}

namespace Kinora::Server::Delivery {

// GET/HEAD /media/{*path}: files of the media folder (playlists, segments,
// thumbnails, storyboards) with ranges, validators and cache lifetimes suited
// to HLS: playlists revalidated after a short time, segments and images
// immutable. Paths that leave the media folder in any way are 404.
void addMediaRoutes(Http::Router &router, const QString &mediaDir);

} // namespace Kinora::Server::Delivery
