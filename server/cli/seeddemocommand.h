#pragma once

#include <QStringList>

namespace Kinora::Server::Cli {

// kinora-server seed-demo [--videos N] [--seconds S] [--ladder 360,240] [--password TEXT]
// (with the shared options: --data-dir, --config, --set): creates the creator
// account "demo", its channel and N public, ready videos generated from test
// patterns, so a new server shows a populated catalog. Running it again adds
// only what is missing.
int runSeedDemoCommand(const QStringList &args);

} // namespace Kinora::Server::Cli
