#pragma once

#include <QtGlobal>

namespace Kinora::Server::Http {
class Router;
}
namespace Kinora::Server::Accounts {
class AuthGuard;
}

namespace Kinora::Server::Upload {

class UploadService;

// The tus 1.0.0 endpoint /api/v1/uploads/ (core, creation,
// creation-with-upload, termination, checksum, expiration) plus
// GET /api/v1/uploads/{id} as JSON. Translates headers to UploadService calls.
void addUploadRoutes(Http::Router &router, UploadService &service, const Accounts::AuthGuard &guard);

} // namespace Kinora::Server::Upload
