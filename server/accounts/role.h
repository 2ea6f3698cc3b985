#pragma once

#include <QString>

#include <optional>

namespace Kinora::Server::Accounts {

// Account roles in increasing order of power; a check for a role admits every
// role above it.
enum class Role { Viewer = 0, Creator = 1, Moderator = 2, Admin = 3 };

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name); // case-insensitive
bool roleAtLeast(Role role, Role minimum);

} // namespace Kinora::Server::Accounts
