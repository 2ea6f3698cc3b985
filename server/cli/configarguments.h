#pragma once

#include "server/app/serverconfig.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QStringList>

namespace Kinora::Server::Cli {

// The options every command shares: --config FILE, --data-dir DIR,
// --listen HOST:PORT and --set KEY=VALUE. Builds the ServerConfig from the
// defaults, the INI file (--config, else $KINORA_CONFIG), the KINORA_*
// environment and these flags, in that order; leaves other arguments in *rest.
class ConfigArguments
{
    Q_DECLARE_TR_FUNCTIONS(ConfigArguments)

public:
    static bool parse(const QStringList &args, const QProcessEnvironment &environment, ServerConfig *config,
                      QStringList *rest, QString *error);
    static QString helpText();
};

} // namespace Kinora::Server::Cli
