#include "server/cli/passwordreader.h"

#include <QTextStream>

#include <cstdio>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace Kinora::Server::Cli {

namespace {
constexpr size_t kMaxPasswordBytes = 4096;

// One line of stdin without its line ending; nullopt at end of input.
std::optional<QByteArray> readLine()
{
    std::string line;
    int c = 0;
    bool any = false;
    while ((c = std::getchar()) != EOF) {
        any = true;
        if (c == '\n')
            break;
        if (line.size() < kMaxPasswordBytes + 1)
            line.push_back(char(c));
    }
    if (!any)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QByteArray::fromStdString(line);
}

std::optional<QByteArray> readHidden(const QString &prompt)
{
    QTextStream(stderr) << prompt << Qt::flush;
    termios saved{};
    const bool canHide = ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (canHide) {
        termios hidden = saved;
        hidden.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden);
    }
    const auto line = readLine();
    if (canHide)
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    QTextStream(stderr) << '\n';
    return line;
}
}

std::optional<QString> PasswordReader::read(const QString &prompt, QString *error)
{
    if (!::isatty(STDIN_FILENO)) {
        const auto line = readLine();
        if (!line) {
            *error = tr("no password on standard input");
            return std::nullopt;
        }
        if (size_t(line->size()) > kMaxPasswordBytes) {
            *error = tr("the password is too long");
            return std::nullopt;
        }
        return QString::fromUtf8(*line);
    }
    const auto first = readHidden(prompt);
    if (!first) {
        *error = tr("no password entered");
        return std::nullopt;
    }
    const auto second = readHidden(tr("Repeat the password: "));
    if (!second || *second != *first) {
        *error = tr("the two passwords differ");
        return std::nullopt;
    }
    return QString::fromUtf8(*first);
}

} // namespace Kinora::Server::Cli
