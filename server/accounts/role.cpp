#include "server/accounts/role.h"

namespace Kinora::Server::Accounts {

QString roleName(Role role)
{
    switch (role) {
    case Role::Viewer: return QStringLiteral("viewer");
    case Role::Creator: return QStringLiteral("creator");
    case Role::Moderator: return QStringLiteral("moderator");
    case Role::Admin: return QStringLiteral("admin");
    }
    return QStringLiteral("viewer");
}

std::optional<Role> roleFromName(const QString &name)
{
    for (Role role : {Role::Viewer, Role::Creator, Role::Moderator, Role::Admin}) {
        if (name.compare(roleName(role), Qt::CaseInsensitive) == 0)
            return role;
    }
    return std::nullopt;
}

bool roleAtLeast(Role role, Role minimum)
{
    return static_cast<int>(role) >= static_cast<int>(minimum);
}

} // namespace Kinora::Server::Accounts
