#pragma once

#include <QList>
#include <QStringList>

namespace Kinora::Server::Cli {

// A command receives the arguments that follow its name and returns the exit code.
using CommandFunction = int (*)(const QStringList &args);

struct Command
{
    const char *name;
    CommandFunction run;
    const char *summary; // translated in the "Kinora::Server::Cli" context
};

// Every subcommand of kinora-server, chosen by name. A new command is one
// file (its run function) and one line in commandtable.cpp.
const QList<Command> &commands();

// Dispatches "kinora-server [COMMAND] ARGS": no command (or options only)
// means "serve"; --help and --version are answered here.
int runCommandLine(const QStringList &arguments);

} // namespace Kinora::Server::Cli
