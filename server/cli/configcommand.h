#pragma once

#include <QStringList>

namespace Kinora::Server::Cli {

// kinora-server config [OPTIONS]: prints every key with its effective value.
int runConfigCommand(const QStringList &args);

} // namespace Kinora::Server::Cli
