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

class CommentService;

// REST adapters of comments (see server/API.md).
void addCommentRoutes(Http::Router &router, CommentService &comments, const Accounts::AuthGuard &guard,
                      const Catalog::CatalogSettings &settings, qint64 maxJsonBodyBytes);

} // namespace Kinora::Server::Social
