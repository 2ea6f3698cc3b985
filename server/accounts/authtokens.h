#pragma once

#include "server/accounts/user.h"

#include <QByteArray>
#include <QJsonObject>

namespace Kinora::Server::Accounts {

// What register, login and refresh return: {user, accessToken, refreshToken, expiresIn}.
struct AuthTokens
{
    User user;
    QByteArray accessToken;
    QByteArray refreshToken;
    int expiresIn = 0; // seconds the access token lives

    QJsonObject toJson() const;
};

} // namespace Kinora::Server::Accounts
