#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Kinora::Server::Cli {

// Reads a password for a command: from a terminal it prompts on stderr with
// echo off and asks twice; otherwise it reads the first line of stdin.
class PasswordReader
{
    Q_DECLARE_TR_FUNCTIONS(PasswordReader)

public:
    static std::optional<QString> read(const QString &prompt, QString *error);
};

} // namespace Kinora::Server::Cli
