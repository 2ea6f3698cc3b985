#include "server/cli/servecommand.h"

#include "server/app/serverapplication.h"
#include "server/cli/configarguments.h"
#include "server/cli/exitcode.h"

#include <QCoreApplication>
#include <QTextStream>

namespace Kinora::Server::Cli {

int runServeCommand(const QStringList &args)
{
    QTextStream err(stderr);
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        QTextStream(stdout) << QCoreApplication::translate("Kinora::Server::Cli", "Usage: kinora-server serve [OPTIONS]\n\n")
                            << ConfigArguments::helpText();
        return ExitSuccess;
    }
    ServerConfig config;
    QStringList rest;
    QString error;
    if (!ConfigArguments::parse(args, QProcessEnvironment::systemEnvironment(), &config, &rest, &error)) {
        err << "kinora-server: " << error << '\n';
        return ExitUsage;
    }
    if (!rest.isEmpty()) {
        err << QCoreApplication::translate("Kinora::Server::Cli", "kinora-server: unknown argument \"%1\"; see kinora-server --help\n")
                   .arg(rest.constFirst());
        return ExitUsage;
    }
    ServerApplication application(config);
    if (!application.start(&error)) {
        err << "kinora-server: " << error << '\n';
        return ExitFailure;
    }
    return application.exec();
}

} // namespace Kinora::Server::Cli
