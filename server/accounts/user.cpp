#include "server/accounts/user.h"

#include <QDateTime>

namespace Kinora::Server::Accounts {

QJsonObject User::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), QString::number(id)},
        {QStringLiteral("username"), username},
        {QStringLiteral("displayName"), displayName},
        {QStringLiteral("role"), roleName(role)},
        {QStringLiteral("createdAt"), QDateTime::fromMSecsSinceEpoch(createdAtMs, Qt::UTC).toString(Qt::ISODateWithMs)},
    };
}

} // namespace Kinora::Server::Accounts
