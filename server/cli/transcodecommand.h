#pragma once

#include <QStringList>

namespace Kinora::Server::Cli {

// kinora-server transcode INPUT OUTDIR [--segment-seconds N] [--ladder 1080,720,...]
// [--preset P] [--encoder ID] [--threads N] [--json]: builds the HLS ladder of INPUT in OUTDIR.
int runTranscodeCommand(const QStringList &args);

} // namespace Kinora::Server::Cli
