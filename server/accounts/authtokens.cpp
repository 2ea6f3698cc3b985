#include "server/accounts/authtokens.h"

namespace Kinora::Server::Accounts {

QJsonObject AuthTokens::toJson() const
{
    return QJsonObject{
        {QStringLiteral("user"), user.toJson()},
        {QStringLiteral("accessToken"), QString::fromLatin1(accessToken)},
        {QStringLiteral("refreshToken"), QString::fromLatin1(refreshToken)},
        {QStringLiteral("expiresIn"), expiresIn},
    };
}

} // namespace Kinora::Server::Accounts
