#pragma once

namespace Kinora::Server::Http {
class Router;
}
namespace Kinora::Server::Accounts {
class AuthGuard;
}

namespace Kinora::Server::Search {

class SearchService;

// REST adapters of search and type-ahead suggestions (see server/API.md).
void addSearchRoutes(Http::Router &router, SearchService &search, const Accounts::AuthGuard &guard);

} // namespace Kinora::Server::Search
