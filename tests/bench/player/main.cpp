// bench-player: measures the player on loopback and compares it with the mpv
// command line in the same run.
//   bench-player [--dir LADDER_DIR] [--seconds 30] [--runs 5]
// Generates (or reuses) a 1080p three-rung HLS ladder with the ffmpeg CLI,
// serves it over local HTTP, then measures start-up (play request to first
// frame), seek time (seek request to the first frame after it), and the CPU
// time and peak RSS of a process playing the ladder for the given time:
// Kinora's engine (this binary in --play mode) versus
// `mpv --vo=null --ao=null master.m3u8`: CPU from wait4(), peak RSS from
// VmHWM sampled every 20 ms while the process runs.
#include "localhttpserver.h"
#include "testladder.h"

#include "player/abr/abrregistry.h"
#include "player/hls/hlssession.h"
#include "player/mpv/mpvhlsplayer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>
#include <functional>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <vector>

extern char **environ;

using namespace Kinora::Player;

namespace {

struct Usage
{
    double cpuSeconds = -1.0;
    double peakRssMb = -1.0;
    double wallSeconds = -1.0;
    int exitCode = -1;
};

double median(std::vector<double> values)
{
    if (values.empty())
        return -1.0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Runs the event loop (sleeping between events) until the condition holds or time runs out.
bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (condition())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start(5);
    if (!condition())
        loop.exec();
    return condition();
}

// VmHWM of a running process in MiB: per address space, so unlike
// ru_maxrss it does not inherit the parent's size across fork and exec.
double peakRssMb(pid_t pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1.0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1.0;
}

// Runs a process to completion while this one keeps serving HTTP; its usage from wait4().
Usage runMeasured(const QStringList &command, int timeoutMs)
{
    std::vector<QByteArray> storage;
    for (const QString &part : command)
        storage.push_back(part.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &part : storage)
        argv.push_back(part.data());
    argv.push_back(nullptr);
    Usage usage;
    pid_t pid = 0;
    if (posix_spawnp(&pid, argv.front(), nullptr, nullptr, argv.data(), environ) != 0)
        return usage;
    QElapsedTimer timer;
    timer.start();
    int status = 0;
    rusage resources{};
    double peak = -1.0;
    while (wait4(pid, &status, WNOHANG, &resources) == 0) {
        if (timer.elapsed() > timeoutMs)
            kill(pid, SIGKILL);
        peak = std::max(peak, peakRssMb(pid));
        waitFor([] { return false; }, 20); // keeps serving HTTP meanwhile
    }
    usage.wallSeconds = double(timer.elapsed()) / 1000.0;
    usage.cpuSeconds = double(resources.ru_utime.tv_sec + resources.ru_stime.tv_sec)
        + double(resources.ru_utime.tv_usec + resources.ru_stime.tv_usec) / 1e6;
    usage.peakRssMb = peak;
    usage.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return usage;
}

// --play mode: plays the URL with Kinora's engine for the given seconds.
int play(const QUrl &url, double seconds)
{
    QNetworkAccessManager network;
    MpvHlsPlayer player(&network, AbrRegistry::defaultId());
    if (!player.initialize({{"vo", "null"}, {"ao", "null"}})) {
        std::fprintf(stderr, "%s\n", qPrintable(player.errorString()));
        return 2;
    }
    bool ended = false;
    bool failed = false;
    QObject::connect(&player, &MpvHlsPlayer::endReached, &player, [&] { ended = true; });
    QObject::connect(&player, &MpvHlsPlayer::failed, &player, [&](const QString &message) {
        std::fprintf(stderr, "%s\n", qPrintable(message));
        failed = true;
    });
    player.open(url);
    waitFor([&] { return ended || failed || player.position() >= seconds; }, int(seconds * 1000) + 60000);
    QStringList rungs;
    for (int rung : player.session().chosenRungs())
        rungs.append(QString::number(rung));
    std::printf("kinora played rungs %s (0 = 360p, 2 = 1080p) to %.1f s\n", qPrintable(rungs.join(u',')), player.position());
    return failed ? 1 : 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, const QString &fallback) {
        const qsizetype index = args.indexOf(name);
        return index >= 0 && index + 1 < args.size() ? args.at(index + 1) : fallback;
    };
    const double seconds = option(QStringLiteral("--seconds"), QStringLiteral("30")).toDouble();
    if (args.contains(QStringLiteral("--play")))
        return play(QUrl(option(QStringLiteral("--play"), QString())), seconds);

    const int runs = option(QStringLiteral("--runs"), QStringLiteral("5")).toInt();
    QTemporaryDir temporary;
    const QString dir = option(QStringLiteral("--dir"), temporary.path());
    if (!QFile::exists(dir + QStringLiteral("/master.m3u8"))) {
        std::printf("encoding a %g s 1080p ladder in %s ...\n", seconds, qPrintable(dir));
        std::fflush(stdout);
        const QList<TestLadder::Rung> rungs = {{QStringLiteral("r0"), QStringLiteral("640x360"), 800},
                                               {QStringLiteral("r1"), QStringLiteral("1280x720"), 2500},
                                               {QStringLiteral("r2"), QStringLiteral("1920x1080"), 5000}};
        QString error;
        for (const TestLadder::Rung &rung : rungs) {
            if (!TestLadder::encode(dir, rung, int(seconds), 2, &error)) {
                std::fprintf(stderr, "ffmpeg: %s\n", qPrintable(error));
                return 1;
            }
        }
        QFile master(dir + QStringLiteral("/master.m3u8"));
        if (!master.open(QIODevice::WriteOnly))
            return 1;
        master.write("#EXTM3U\n"
                     "#EXT-X-STREAM-INF:BANDWIDTH=950000,RESOLUTION=640x360\nr0/index.m3u8\n"
                     "#EXT-X-STREAM-INF:BANDWIDTH=2750000,RESOLUTION=1280x720\nr1/index.m3u8\n"
                     "#EXT-X-STREAM-INF:BANDWIDTH=5400000,RESOLUTION=1920x1080\nr2/index.m3u8\n");
    }
    LocalHttpServer server;
    server.setRoot(dir);
    if (!server.listen())
        return 1;
    const QUrl master(server.baseUrl() + QStringLiteral("/master.m3u8"));

    // Start-up and seek times, in this process.
    std::vector<double> startups;
    std::vector<double> seeks;
    for (int run = 0; run < runs; ++run) {
        QNetworkAccessManager network;
        MpvHlsPlayer player(&network, AbrRegistry::defaultId());
        if (!player.initialize({{"vo", "null"}, {"ao", "null"}}))
            return 1;
        bool restarted = false;
        QObject::connect(&player, &MpvHlsPlayer::playbackRestarted, &player, [&] { restarted = true; });
        QElapsedTimer clock;
        clock.start();
        player.open(master);
        if (!waitFor([&] { return restarted; }, 20000))
            return 1;
        startups.push_back(double(clock.nsecsElapsed()) / 1e6);
        waitFor([&] { return player.position() > 0.5; }, 10000);
        const double target = 4.0 + 5.0 * run;
        restarted = false;
        clock.restart();
        player.seek(std::min(target, seconds - 4.0));
        if (!waitFor([&] { return restarted; }, 20000))
            return 1;
        seeks.push_back(double(clock.nsecsElapsed()) / 1e6);
    }

    // CPU and peak RSS over the same playback: ours, then mpv's.
    const Usage ours = runMeasured({app.applicationFilePath(), QStringLiteral("--play"), master.toString(),
                                    QStringLiteral("--seconds"), QString::number(seconds)},
                                   int(seconds * 1000) + 90000);
    const QString mpvPath = QStandardPaths::findExecutable(QStringLiteral("mpv"));
    Usage theirs;
    if (!mpvPath.isEmpty())
        theirs = runMeasured({mpvPath, QStringLiteral("--no-config"), QStringLiteral("--vo=null"), QStringLiteral("--ao=null"),
                              QStringLiteral("--really-quiet"), QStringLiteral("--length=%1").arg(seconds), master.toString()},
                             int(seconds * 1000) + 90000);

    auto ratio = [](double a, double b) { return a > 0 && b > 0 ? QString::number(a / b, 'f', 2) : QStringLiteral("-"); };
    std::printf("\n%-34s %12s %12s %8s %s\n", "measure", "kinora", "mpv CLI", "ratio", "target");
    std::printf("%-34s %12.1f %12s %8s %s\n", "start-up to first frame (ms, med)", median(startups), "-", "-", "< 500 ms");
    std::printf("%-34s %12.1f %12s %8s %s\n", "seek to first frame (ms, median)", median(seeks), "-", "-", "-");
    std::printf("%-34s %12.2f %12.2f %8s %s\n", "CPU time playing (s)", ours.cpuSeconds, theirs.cpuSeconds,
                qPrintable(ratio(ours.cpuSeconds, theirs.cpuSeconds)), "<= 1.30");
    std::printf("%-34s %12.1f %12.1f %8s %s\n", "peak RSS (MiB)", ours.peakRssMb, theirs.peakRssMb,
                qPrintable(ratio(ours.peakRssMb, theirs.peakRssMb)), "<= 1.30");
    std::printf("%-34s %12.1f %12.1f %8s\n", "wall time (s)", ours.wallSeconds, theirs.wallSeconds, "");
    std::printf("exit codes: kinora %d, mpv %d; %d start-up/seek runs; start-ups", ours.exitCode, theirs.exitCode, runs);
    for (double value : startups)
        std::printf(" %.0f", value);
    std::printf(" ms; seeks");
    for (double value : seeks)
        std::printf(" %.0f", value);
    std::printf(" ms\n");
    return 0;
}
