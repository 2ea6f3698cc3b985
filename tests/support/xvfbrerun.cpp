#include "tests/support/xvfbrerun.h"

#include <QCoreApplication>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>

namespace Kinora::Tests {

int runUnderXvfb(int argc, char **argv, const std::function<int(int argc, char **argv)> &test, int timeoutMs,
                 const QString &screen)
{
    if (qgetenv("KINORA_SCREENSHOT_CHILD") == "1")
        return test(argc, argv);
    QCoreApplication app(argc, argv);
    const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("xvfb-run"));
    if (xvfb.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty()) {
        std::printf("SKIP: xvfb-run or ffmpeg is not installed\n");
        return 77;
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("KINORA_SCREENSHOT_CHILD"), QStringLiteral("1"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    environment.insert(QStringLiteral("LIBGL_ALWAYS_SOFTWARE"), QStringLiteral("1"));
    QProcess child;
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    QStringList arguments = {QStringLiteral("-a"), QStringLiteral("-s"), QStringLiteral("-screen 0 ") + screen,
                             app.applicationFilePath()};
    arguments.append(app.arguments().mid(1));
    child.start(xvfb, arguments);
    if (!child.waitForFinished(timeoutMs)) {
        child.kill();
        child.waitForFinished(5000);
        return 1;
    }
    return child.exitStatus() == QProcess::NormalExit ? child.exitCode() : 1;
}

} // namespace Kinora::Tests
