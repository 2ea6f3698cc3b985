// bench-ui-stall: how long the studio's GUI thread goes without running its
// event loop while a video is transcoded here, packaged and uploaded.
//   bench-ui-stall [--seconds 30] [--height 1080]
// Generates a test clip, starts kinora-server on loopback, shows the Studio's
// upload queue view and enqueues the clip with "transcode on this computer".
// A 2 ms probe timer on the GUI thread records every gap between its ticks;
// the same probe runs first on the idle window (the anchor: what the machine
// and the event loop give with no work). Prints the longest gap and the 99th
// percentile of both phases and their ratio; the target is a longest stall
// under 100 ms during the transcode.
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include "core/media/testpatternwriter.h"
#include "core/net/apiclient.h"
#include "core/net/studioclient.h"
#include "studio/upload/uploadqueue.h"
#include "studio/wizard/uploadqueueview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace Kinora;

namespace {

// Records the gaps between ticks of a fast timer on the GUI thread.
class StallProbe
{
public:
    explicit StallProbe(int intervalMs)
        : m_intervalMs(intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0)
                m_gapsMs.push_back(double(now - m_last) / 1e6);
            m_last = now;
        });
    }
    void start()
    {
        m_gapsMs.clear();
        m_last = -1;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double longest() const { return m_gapsMs.empty() ? -1.0 : *std::max_element(m_gapsMs.begin(), m_gapsMs.end()); }
    double percentile(double p) const
    {
        if (m_gapsMs.empty())
            return -1.0;
        std::vector<double> sorted = m_gapsMs;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(std::min(sorted.size() - 1, size_t(p / 100.0 * double(sorted.size()))));
    }
    qsizetype over(double ms) const { return std::count_if(m_gapsMs.begin(), m_gapsMs.end(), [ms](double g) { return g > ms; }); }
    qsizetype ticks() const { return qsizetype(m_gapsMs.size()); }

private:
    int m_intervalMs;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    std::vector<double> m_gapsMs;
};

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("Length of the test clip."), QStringLiteral("s"), QStringLiteral("30")});
    parser.addOption({QStringLiteral("height"), QStringLiteral("Height of the test clip (16:9)."), QStringLiteral("px"), QStringLiteral("1080")});
    parser.process(app);
    const double seconds = parser.value(QStringLiteral("seconds")).toDouble();
    const int height = parser.value(QStringLiteral("height")).toInt();

    QTemporaryDir work;
    const QString clip = work.filePath(QStringLiteral("source.mp4"));
    Core::TestPatternSpec spec;
    spec.width = (height * 16 / 9) & ~1;
    spec.height = height;
    spec.frameRate = {30, 1};
    spec.durationSeconds = seconds;
    Core::TestPatternWriter writer(spec);
    writer.setCrf(23);
    std::printf("generating a %dx%d %.0f s clip...\n", spec.width, spec.height, seconds);
    std::fflush(stdout);
    if (!writer.write(clip)) {
        std::fprintf(stderr, "test clip: %s\n", qPrintable(writer.errorString()));
        return 1;
    }

    Tests::ServerProcess server;
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "kinora-server: %s\n", qPrintable(error));
        return 1;
    }
    Tests::TestHttpClient http;
    const auto registered = http.postJson(server.url(QStringLiteral("/api/v1/auth/register")),
                                          QJsonObject{{QStringLiteral("username"), QStringLiteral("bench")},
                                                      {QStringLiteral("password"), QStringLiteral("a long enough passphrase")}});
    if (registered.status != 201) {
        std::fprintf(stderr, "register: HTTP %d\n", registered.status);
        return 1;
    }

    Core::ApiClient api;
    api.setBaseUrl(server.baseUrl());
    api.setTokens(registered.json().value(QLatin1String("accessToken")).toString(),
                  registered.json().value(QLatin1String("refreshToken")).toString());
    Core::StudioClient studio(&api);
    QNetworkAccessManager network;
    Studio::UploadQueue::Options options;
    options.journalPath = work.filePath(QStringLiteral("journal.sqlite"));
    options.workDirectory = work.filePath(QStringLiteral("studio"));
    Studio::UploadQueue queue(&studio, &network, options);
    if (!queue.open(&error)) {
        std::fprintf(stderr, "queue: %s\n", qPrintable(error));
        return 1;
    }
    Studio::UploadQueueView view(&queue);
    view.resize(1280, 720);
    view.show();

    StallProbe probe(2);
    std::printf("idle window, 5 s...\n");
    std::fflush(stdout);
    probe.start();
    spin(5000);
    probe.stop();
    const double idleLongest = probe.longest();
    const double idleP99 = probe.percentile(99.0);
    const qsizetype idleTicks = probe.ticks();

    Studio::UploadRequest request;
    request.filePath = clip;
    request.mode = Studio::UploadRequest::Mode::TranscodeHere;
    request.metadata.title = QStringLiteral("Stall benchmark");
    request.metadata.visibility = QStringLiteral("private");
    QElapsedTimer wall;
    qint64 transcodeMs = -1;
    qint64 uploadedMs = -1;
    Studio::UploadItem::Stage lastStage = Studio::UploadItem::Stage::Queued;
    bool ended = false;
    QObject::connect(&queue, &Studio::UploadQueue::itemChanged, &app, [&](qint64 id) {
        const auto item = queue.item(id);
        if (!item || item->stage == lastStage)
            return;
        if (lastStage == Studio::UploadItem::Stage::Transcoding)
            transcodeMs = wall.elapsed();
        if (item->stage == Studio::UploadItem::Stage::Processing || item->isFinished()) {
            uploadedMs = wall.elapsed();
            ended = true;
            if (item->stage == Studio::UploadItem::Stage::Failed)
                std::fprintf(stderr, "upload failed: %s\n", qPrintable(item->error));
        }
        lastStage = item->stage;
    });
    std::printf("transcode here, package and upload...\n");
    std::fflush(stdout);
    probe.start();
    wall.start();
    if (queue.enqueue(request) == 0) {
        std::fprintf(stderr, "enqueue refused\n");
        return 1;
    }
    while (!ended && wall.elapsed() < 30 * 60 * 1000)
        spin(50);
    probe.stop();
    if (lastStage == Studio::UploadItem::Stage::Failed || !ended)
        return 1;

    auto ratio = [](double a, double b) { return a > 0 && b > 0 ? QString::number(a / b, 'f', 2) : QStringLiteral("-"); };
    std::printf("\n%-30s %12s %12s %8s %s\n", "measure (2 ms probe timer)", "transcoding", "idle", "ratio", "target");
    std::printf("%-30s %12.1f %12.1f %8s %s\n", "longest stall (ms)", probe.longest(), idleLongest,
                qPrintable(ratio(probe.longest(), idleLongest)), "< 100 ms");
    std::printf("%-30s %12.1f %12.1f %8s\n", "99th percentile gap (ms)", probe.percentile(99.0), idleP99,
                qPrintable(ratio(probe.percentile(99.0), idleP99)));
    std::printf("%-30s %12lld %12s\n", "gaps over 50 ms", qlonglong(probe.over(50.0)), "-");
    std::printf("%-30s %12lld %12lld\n", "probe ticks", qlonglong(probe.ticks()), qlonglong(idleTicks));
    std::printf("clip %dx%d %.0f s; transcode %.1f s, until uploaded %.1f s, on %d CPUs\n", spec.width, spec.height,
                seconds, double(transcodeMs) / 1000.0, double(uploadedMs) / 1000.0, QThread::idealThreadCount());
    return 0;
}
