#include "server/cli/configarguments.h"

namespace Kinora::Server::Cli {

namespace {
// Splits "--name=value" or "--name value"; returns false when the value is missing.
bool takeValue(const QStringList &args, qsizetype &i, const QString &name, QString *value, bool *matched)
{
    const QString &arg = args.at(i);
    *matched = false;
    if (arg == name) {
        *matched = true;
        if (i + 1 >= args.size())
            return false;
        *value = args.at(++i);
        return true;
    }
    if (arg.startsWith(name + QLatin1Char('='))) {
        *matched = true;
        *value = arg.mid(name.size() + 1);
        return true;
    }
    return true;
}
}

bool ConfigArguments::parse(const QStringList &args, const QProcessEnvironment &environment, ServerConfig *config,
                            QStringList *rest, QString *error)
{
    struct Flag
    {
        QString key;
        QString value;
    };
    QList<Flag> flags;
    QString configFile = environment.value(QStringLiteral("KINORA_CONFIG"));
    rest->clear();
    const QStringList names{QStringLiteral("--config"), QStringLiteral("--data-dir"), QStringLiteral("--listen"), QStringLiteral("--set")};
    for (qsizetype i = 0; i < args.size(); ++i) {
        bool handled = false;
        for (const QString &name : names) {
            QString value;
            bool matched = false;
            if (!takeValue(args, i, name, &value, &matched)) {
                *error = tr("%1 needs a value").arg(name);
                return false;
            }
            if (!matched)
                continue;
            handled = true;
            if (name == QLatin1String("--config")) {
                configFile = value;
            } else if (name == QLatin1String("--data-dir")) {
                flags.append({QStringLiteral("dataDir"), value});
            } else if (name == QLatin1String("--listen")) {
                flags.append({QStringLiteral("listen"), value});
            } else {
                const qsizetype eq = value.indexOf(QLatin1Char('='));
                if (eq <= 0) {
                    *error = tr("--set needs KEY=VALUE, not \"%1\"").arg(value);
                    return false;
                }
                flags.append({value.left(eq).trimmed(), value.mid(eq + 1)});
            }
            break;
        }
        if (!handled)
            rest->append(args.at(i));
    }

    if (!configFile.isEmpty() && !config->loadFile(configFile, error))
        return false;
    if (!config->loadEnvironment(environment, error))
        return false;
    for (const Flag &flag : flags) {
        QString problem;
        if (!config->set(flag.key, flag.value, &problem)) {
            *error = problem;
            return false;
        }
    }
    return true;
}

QString ConfigArguments::helpText()
{
    return tr("Options shared by every command:\n"
              "  --config FILE        INI configuration file (also $KINORA_CONFIG)\n"
              "  --data-dir DIR       data directory (default %1)\n"
              "  --listen HOST:PORT   address to listen on (default 127.0.0.1:8080; port 0: any free port)\n"
              "  --set KEY=VALUE      any configuration key, e.g. --set auth.accessTokenTtl=600\n"
              "Sources, later ones winning: defaults, --config file, KINORA_* environment, flags.\n"
              "Every key is listed in API.md and by `kinora-server config`.\n")
        .arg(ServerConfig::defaultDataDir());
}

} // namespace Kinora::Server::Cli
