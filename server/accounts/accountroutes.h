#pragma once

#include <QtGlobal>

namespace Kinora::Server::Http {
class Router;
}

namespace Kinora::Server::Accounts {

class AccountService;
class AuthGuard;

// The HTTP adapters of AccountService: /api/v1/auth/*, /api/v1/users/me*,
// /api/v1/admin/users*. They parse JSON, call the service and shape replies;
// every rule lives in the service.
void addAccountRoutes(Http::Router &router, AccountService &accounts, const AuthGuard &guard, qint64 maxJsonBodyBytes);

} // namespace Kinora::Server::Accounts
