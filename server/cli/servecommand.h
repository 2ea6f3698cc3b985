#pragma once

#include <QStringList>

namespace Kinora::Server::Cli {

// kinora-server [serve] [--data-dir DIR] [--listen HOST:PORT] [--config FILE] [--set KEY=VALUE]
int runServeCommand(const QStringList &args);

} // namespace Kinora::Server::Cli
