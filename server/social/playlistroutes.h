#pragma once

#include <QtGlobal>

namespace Kinora::Server::Http {
class Router;
}
namespace Kinora::Server::Accounts {
class AuthGuard;
}
namespace Kinora::Server::Catalog {
struct CatalogSettings;
}

namespace Kinora::Server::Social {

class PlaylistService;

// REST adapters of playlists and watch later (see server/API.md).
void addPlaylistRoutes(Http::Router &router, PlaylistService &playlists, const Accounts::AuthGuard &guard,
                       const Catalog::CatalogSettings &settings, qint64 maxJsonBodyBytes);

} // namespace Kinora::Server::Social
