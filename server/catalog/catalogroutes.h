#pragma once

#include <QtGlobal>

namespace Kinora::Server::Http {
class Router;
}
namespace Kinora::Server::Accounts {
class AuthGuard;
}

namespace Kinora::Server::Catalog {

class ChannelService;
class VideoService;

// REST adapters of videos, channels and categories (see server/API.md).
void addCatalogRoutes(Http::Router &router, VideoService &videos, ChannelService &channels,
                      const Accounts::AuthGuard &guard, qint64 maxJsonBodyBytes);

} // namespace Kinora::Server::Catalog
