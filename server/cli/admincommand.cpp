#include "server/cli/admincommand.h"

#include "server/accounts/accountservice.h"
#include "server/app/servercontext.h"
#include "server/cli/configarguments.h"
#include "server/cli/exitcode.h"
#include "server/cli/passwordreader.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

namespace Kinora::Server::Cli {

namespace {
using Accounts::Role;

QString tr(const char *text)
{
    return QCoreApplication::translate("Kinora::Server::Cli::AdminCommand", text);
}

QString usage()
{
    return tr("Usage:\n"
              "  kinora-server admin create-user NAME --role admin|moderator|creator|viewer [--display-name TEXT]\n"
              "      the password is read from stdin when it is not a terminal, else prompted for\n"
              "  kinora-server admin set-role NAME ROLE\n"
              "  kinora-server admin list-users\n"
              "Exit codes: 0 done, 1 failure, 2 bad arguments or role, 3 user exists / not found, 4 weak password or bad name\n\n")
        + ConfigArguments::helpText();
}

int fail(int code, const QString &message)
{
    QTextStream(stderr) << "kinora-server admin: " << message << '\n';
    return code;
}

int exitCodeFor(const ServiceError &error)
{
    if (error.status == 409 || error.status == 404)
        return ExitConflict;
    if (error.status == 422)
        return ExitInvalid;
    return ExitFailure;
}

std::optional<Role> parseRole(const QString &text)
{
    return Accounts::roleFromName(text);
}

int createUser(ServerContext &context, const QStringList &args)
{
    QString name;
    QString roleText;
    QString displayName;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--role") || arg == QLatin1String("--display-name")) {
            if (i + 1 >= args.size())
                return fail(ExitUsage, tr("%1 needs a value").arg(arg));
            (arg == QLatin1String("--role") ? roleText : displayName) = args.at(++i);
        } else if (arg.startsWith(QLatin1String("--role="))) {
            roleText = arg.mid(7);
        } else if (arg.startsWith(QLatin1String("--display-name="))) {
            displayName = arg.mid(15);
        } else if (arg.startsWith(QLatin1Char('-')) || !name.isEmpty()) {
            return fail(ExitUsage, tr("unexpected argument \"%1\"\n").arg(arg) + usage());
        } else {
            name = arg;
        }
    }
    if (name.isEmpty())
        return fail(ExitUsage, tr("create-user needs a user name\n") + usage());
    if (roleText.isEmpty())
        return fail(ExitUsage, tr("create-user needs --role admin|moderator|creator|viewer"));
    const auto role = parseRole(roleText);
    if (!role)
        return fail(ExitUsage, tr("unknown role \"%1\"; use admin, moderator, creator or viewer").arg(roleText));
    if (const QString problem = context.accounts().checkUsername(name); !problem.isEmpty())
        return fail(ExitInvalid, problem);

    QString error;
    const auto password = PasswordReader::read(tr("Password for %1: ").arg(name), &error);
    if (!password)
        return fail(ExitUsage, error);
    const auto user = context.accounts().createUser(name, *password, displayName, *role);
    if (!user)
        return fail(exitCodeFor(user.error()), user.error().message);
    QTextStream(stdout) << tr("created user %1 (id %2, role %3)\n").arg(user->username).arg(user->id).arg(Accounts::roleName(user->role));
    return ExitSuccess;
}

int setRole(ServerContext &context, const QStringList &args)
{
    if (args.size() != 2)
        return fail(ExitUsage, tr("set-role needs NAME ROLE\n") + usage());
    const auto role = parseRole(args.at(1));
    if (!role)
        return fail(ExitUsage, tr("unknown role \"%1\"; use admin, moderator, creator or viewer").arg(args.at(1)));
    const auto found = context.accounts().findUserByName(args.at(0));
    if (!found)
        return fail(exitCodeFor(found.error()), found.error().message);
    const auto user = context.accounts().setRole(found->id, *role);
    if (!user)
        return fail(exitCodeFor(user.error()), user.error().message);
    QTextStream(stdout) << tr("user %1 now has the role %2\n").arg(user->username, Accounts::roleName(user->role));
    return ExitSuccess;
}

int listUsers(ServerContext &context, const QStringList &args)
{
    if (!args.isEmpty())
        return fail(ExitUsage, tr("list-users takes no arguments\n") + usage());
    QTextStream out(stdout);
    out << QStringLiteral("%1  %2  %3  %4\n").arg(tr("ID").leftJustified(6), tr("USERNAME").leftJustified(32),
                                                  tr("ROLE").leftJustified(9), tr("CREATED"));
    QString cursor;
    do {
        const auto page = context.accounts().listUsers(200, cursor);
        if (!page)
            return fail(ExitFailure, page.error().message);
        for (const Accounts::User &user : page->items)
            out << QStringLiteral("%1  %2  %3  %4\n")
                       .arg(QString::number(user.id).leftJustified(6), user.username.leftJustified(32),
                            Accounts::roleName(user.role).leftJustified(9),
                            QDateTime::fromMSecsSinceEpoch(user.createdAtMs, Qt::UTC).toString(Qt::ISODate));
        cursor = page->nextCursor;
    } while (!cursor.isEmpty());
    return ExitSuccess;
}
}

int runAdminCommand(const QStringList &args)
{
    if (args.isEmpty() || args.constFirst() == QLatin1String("--help") || args.constFirst() == QLatin1String("-h")) {
        QTextStream(args.isEmpty() ? stderr : stdout) << usage();
        return args.isEmpty() ? ExitUsage : ExitSuccess;
    }
    ServerConfig config;
    QStringList rest;
    QString error;
    if (!ConfigArguments::parse(args.mid(1), QProcessEnvironment::systemEnvironment(), &config, &rest, &error))
        return fail(ExitUsage, error);

    const QString sub = args.constFirst();
    if (sub != QLatin1String("create-user") && sub != QLatin1String("set-role") && sub != QLatin1String("list-users"))
        return fail(ExitUsage, tr("unknown admin command \"%1\"\n").arg(sub) + usage());

    ServerContext context(config);
    if (!context.open(&error))
        return fail(ExitFailure, error);
    if (sub == QLatin1String("create-user"))
        return createUser(context, rest);
    if (sub == QLatin1String("set-role"))
        return setRole(context, rest);
    return listUsers(context, rest);
}

} // namespace Kinora::Server::Cli
