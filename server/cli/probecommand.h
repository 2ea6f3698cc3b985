#pragma once

#include <QStringList>

namespace Kinora::Server::Cli {

// kinora-server probe FILE [--json]: prints what the media probe finds in FILE.
int runProbeCommand(const QStringList &args);

} // namespace Kinora::Server::Cli
