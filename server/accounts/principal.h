#pragma once

#include "server/accounts/user.h"

#include <QString>

namespace Kinora::Server::Accounts {

// Who made an authenticated request: the user (as currently stored, so role
// changes apply at once) and the login session the access token belongs to.
struct Principal
{
    User user;
    QString sessionId;
};

} // namespace Kinora::Server::Accounts
