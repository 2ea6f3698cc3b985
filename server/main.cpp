#include "server/cli/commandtable.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kinora-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("Kinora"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KINORA_VERSION));
    return Kinora::Server::Cli::runCommandLine(QCoreApplication::arguments().mid(1));
}
