#include "server/accounts/authguard.h"

#include "server/accounts/accountservice.h"

namespace Kinora::Server::Accounts {

AuthGuard::AuthGuard(AccountService &accounts)
    : m_accounts(accounts)
{
}

AuthGuard::Outcome AuthGuard::requireUser(const Http::HttpRequest &request, Role minRole) const
{
    Outcome outcome;
    const QByteArray token = request.bearerToken();
    if (token.isEmpty()) {
        outcome.response = Http::HttpResponse::error(401, QByteArrayLiteral("unauthorized"),
                                                     tr("this route needs an access token (Authorization: Bearer)"));
        outcome.response.setHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer realm=\"kinora\""));
        return outcome;
    }
    ServiceResult<Principal> principal = m_accounts.authenticate(token);
    if (!principal) {
        if (principal.error().status != 401) {
            outcome.response = principal.error().toHttpResponse();
            return outcome;
        }
        outcome.response = Http::HttpResponse::error(401, QByteArrayLiteral("unauthorized"),
                                                     tr("the access token is invalid, expired or revoked"));
        outcome.response.setHeader(QByteArrayLiteral("WWW-Authenticate"),
                                   QByteArrayLiteral("Bearer realm=\"kinora\", error=\"invalid_token\""));
        return outcome;
    }
    if (!roleAtLeast(principal->user.role, minRole)) {
        outcome.response = Http::HttpResponse::error(403, QByteArrayLiteral("forbidden"),
                                                     tr("this route needs the role %1 or above").arg(roleName(minRole)));
        return outcome;
    }
    outcome.principal = principal.value();
    return outcome;
}

} // namespace Kinora::Server::Accounts
