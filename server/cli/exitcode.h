#pragma once

namespace Kinora::Server::Cli {

// Exit codes of every kinora-server command (documented in API.md).
enum ExitCode {
    ExitSuccess = 0,
    ExitFailure = 1,  // runtime failure: database, files, network
    ExitUsage = 2,    // bad arguments, unknown command or role, bad configuration
    ExitConflict = 3, // the user exists already, or does not exist
    ExitInvalid = 4,  // refused input: weak password, bad user name
};

} // namespace Kinora::Server::Cli
