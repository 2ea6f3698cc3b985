#include "server/cli/configcommand.h"

#include "server/cli/configarguments.h"
#include "server/cli/exitcode.h"

#include <QCoreApplication>
#include <QTextStream>

namespace Kinora::Server::Cli {

int runConfigCommand(const QStringList &args)
{
    ServerConfig config;
    QStringList rest;
    QString error;
    if (!ConfigArguments::parse(args, QProcessEnvironment::systemEnvironment(), &config, &rest, &error) || !rest.isEmpty()) {
        QTextStream(stderr) << "kinora-server config: "
                            << (error.isEmpty() ? QCoreApplication::translate("Kinora::Server::Cli", "unknown argument \"%1\"").arg(rest.value(0)) : error)
                            << '\n';
        return ExitUsage;
    }
    QTextStream out(stdout);
    for (const ServerConfig::Key &key : ServerConfig::keys())
        out << key.name << " = " << key.get(config) << '\n';
    return ExitSuccess;
}

} // namespace Kinora::Server::Cli
