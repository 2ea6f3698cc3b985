#include "server/cli/commandtable.h"

#include "server/cli/admincommand.h"
#include "server/cli/configcommand.h"
#include "server/cli/configarguments.h"
#include "server/cli/exitcode.h"
#include "server/cli/probecommand.h"
#include "server/cli/seeddemocommand.h"
#include "server/cli/servecommand.h"
#include "server/cli/transcodecommand.h"

#include <QCoreApplication>
#include <QTextStream>

namespace Kinora::Server::Cli {

const QList<Command> &commands()
{
    static const QList<Command> table{
        {"serve", &runServeCommand, QT_TRANSLATE_NOOP("Kinora::Server::Cli", "run the server (the default command)")},
        {"admin", &runAdminCommand, QT_TRANSLATE_NOOP("Kinora::Server::Cli", "manage accounts: create-user, set-role, list-users")},
        {"config", &runConfigCommand, QT_TRANSLATE_NOOP("Kinora::Server::Cli", "print the effective configuration")},
        {"probe", &runProbeCommand, QT_TRANSLATE_NOOP("Kinora::Server::Cli", "describe a media file: probe FILE [--json]")},
        {"seed-demo", &runSeedDemoCommand, QT_TRANSLATE_NOOP("Kinora::Server::Cli", "create the demo account and generated demo videos: seed-demo [--videos N] [--seconds S]")},
        {"transcode", &runTranscodeCommand, QT_TRANSLATE_NOOP("Kinora::Server::Cli", "build an HLS ladder: transcode INPUT OUTDIR [--ladder 1080,720] [--json]")},
    };
    return table;
}

namespace {
QString usage()
{
    QString text = QCoreApplication::translate("Kinora::Server::Cli",
                                               "Usage: kinora-server [COMMAND] [OPTIONS]\n\n"
                                               "Headless server of the Kinora video platform.\n\n"
                                               "Commands:\n");
    for (const Command &command : commands())
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(command.name).leftJustified(10),
                         QCoreApplication::translate("Kinora::Server::Cli", command.summary));
    text += QCoreApplication::translate("Kinora::Server::Cli",
                                        "\n  --help, -h     show this help\n"
                                        "  --version, -V  show the version\n\n");
    text += ConfigArguments::helpText();
    text += QCoreApplication::translate("Kinora::Server::Cli",
                                        "\nExamples:\n"
                                        "  kinora-server --data-dir /srv/kinora --listen 0.0.0.0:8080\n"
                                        "  kinora-server admin create-user alice --role admin < password.txt\n"
                                        "  kinora-server seed-demo --data-dir /srv/kinora --videos 6\n");
    return text;
}
}

int runCommandLine(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!arguments.isEmpty()) {
        const QString &first = arguments.constFirst();
        if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
            out << usage();
            return ExitSuccess;
        }
        if (first == QLatin1String("--version") || first == QLatin1String("-V")) {
            out << "kinora-server " << QStringLiteral(KINORA_VERSION) << '\n';
            return ExitSuccess;
        }
        if (!first.startsWith(QLatin1Char('-'))) {
            for (const Command &command : commands()) {
                if (first == QLatin1String(command.name))
                    return command.run(arguments.mid(1));
            }
            err << QCoreApplication::translate("Kinora::Server::Cli", "kinora-server: unknown command \"%1\"; see kinora-server --help\n")
                       .arg(first);
            return ExitUsage;
        }
    }
    return runServeCommand(arguments);
}

} // namespace Kinora::Server::Cli
