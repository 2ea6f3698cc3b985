#pragma once

namespace Kinora::Server::Http {
class Router;
}

namespace Kinora::Server {

class ServerContext;

// GET /api/v1/health, GET /metrics and the plain-HTTP fallback of GET /ws.
void addSystemRoutes(Http::Router &router, ServerContext &context);

} // namespace Kinora::Server
