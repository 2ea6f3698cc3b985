#pragma once

#include "server/accounts/principal.h"
#include "server/accounts/role.h"
#include "server/http/httprequest.h"
#include "server/http/httpresponse.h"

#include <QCoreApplication>

#include <optional>

namespace Kinora::Server::Accounts {

class AccountService;

// The check every protected route starts with:
//   auto auth = guard.requireUser(request, Role::Creator);
//   if (!auth) return auth.response;
// 401 "unauthorized" (with WWW-Authenticate: Bearer) without a valid access
// token, 403 "forbidden" when the role is below minRole.
class AuthGuard
{
    Q_DECLARE_TR_FUNCTIONS(AuthGuard)

public:
    struct Outcome
    {
        std::optional<Principal> principal;
        Http::HttpResponse response; // the error to return when principal is empty

        explicit operator bool() const { return principal.has_value(); }
        const User &user() const { return principal->user; }
    };

    explicit AuthGuard(AccountService &accounts);

    Outcome requireUser(const Http::HttpRequest &request, Role minRole = Role::Viewer) const;

private:
    AccountService &m_accounts;
};

} // namespace Kinora::Server::Accounts
