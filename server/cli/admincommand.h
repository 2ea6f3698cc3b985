#pragma once

#include <QStringList>

namespace Kinora::Server::Cli {

// kinora-server admin create-user NAME --role ROLE [--display-name TEXT]
// kinora-server admin set-role NAME ROLE
// kinora-server admin list-users
// (each with the shared options: --data-dir, --config, --set)
int runAdminCommand(const QStringList &args);

} // namespace Kinora::Server::Cli
