#pragma once

namespace Kinora::Server::Http {
class Router;
}

namespace Kinora::Server {

class ServerContext;

// Every route of the server, registered in one place. `serve` and the API.md
// test call this same function. A feature adds its routes through one call here.
void registerRoutes(Http::Router &router, ServerContext &context);

} // namespace Kinora::Server
