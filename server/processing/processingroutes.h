#pragma once

namespace Kinora::Server::Http {
class Router;
}
namespace Kinora::Server::Accounts {
class AuthGuard;
}

namespace Kinora::Server::Processing {

class ProcessingService;

// REST adapter of the processing state of a video (see server/API.md).
void addProcessingRoutes(Http::Router &router, ProcessingService &processing, const Accounts::AuthGuard &guard);

} // namespace Kinora::Server::Processing
