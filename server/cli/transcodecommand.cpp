#include "server/cli/transcodecommand.h"

#include "core/media/hlstranscoder.h"
#include "server/cli/exitcode.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

extern "C" {
#include <libavutil/log.h>
}
#include <QThread>
#include <QTimer>

#include <atomic>
#include <csignal>

namespace Kinora::Server::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Kinora::Server::Cli", text);
}

// Set from the SIGINT/SIGTERM handler; only an atomic flag is safe to touch there.
std::atomic_bool s_interrupted{false};

extern "C" void onInterrupt(int)
{
    s_interrupted.store(true);
}

QJsonObject resultJson(const Core::HlsTranscoder &transcoder, const QString &outDir)
{
    QJsonArray variants;
    for (const Core::HlsVariant &variant : transcoder.variants()) {
        variants.append(QJsonObject{
            {QStringLiteral("name"), variant.name},
            {QStringLiteral("width"), variant.width},
            {QStringLiteral("height"), variant.height},
            {QStringLiteral("frameRate"), variant.frameRate},
            {QStringLiteral("codecs"), variant.codecs},
            {QStringLiteral("bandwidth"), variant.peakBitrate()},
            {QStringLiteral("averageBandwidth"), variant.averageBitrate()},
            {QStringLiteral("segments"), int(variant.segments.size())},
        });
    }
    return QJsonObject{
        {QStringLiteral("master"), QString(outDir + QStringLiteral("/master.m3u8"))},
        {QStringLiteral("durationSeconds"), transcoder.mediaInfo().durationSeconds},
        {QStringLiteral("segmentSeconds"), transcoder.plan().segmentSeconds},
        {QStringLiteral("notes"), QJsonArray::fromStringList(transcoder.plan().notes)},
        {QStringLiteral("variants"), variants},
    };
}

} // namespace

int runTranscodeCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    av_log_set_level(AV_LOG_ERROR);   // FFmpeg's chatter would drown the progress lines
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("INPUT"), tr("the source media file"));
    parser.addPositionalArgument(QStringLiteral("OUTDIR"), tr("the folder that receives master.m3u8"));
    const QCommandLineOption segment(QStringLiteral("segment-seconds"), tr("segment duration (default 4)"), QStringLiteral("N"));
    const QCommandLineOption ladder(QStringLiteral("ladder"), tr("renditions by height, e.g. 1080,720,480,360"), QStringLiteral("LIST"));
    const QCommandLineOption preset(QStringLiteral("preset"), tr("x264 preset (default veryfast)"), QStringLiteral("P"));
    const QCommandLineOption encoder(QStringLiteral("encoder"), tr("libx264, vaapi, nvenc or qsv (default libx264)"), QStringLiteral("ID"));
    const QCommandLineOption threads(QStringLiteral("threads"), tr("encoder threads per rendition (default: automatic)"), QStringLiteral("N"));
    const QCommandLineOption json(QStringLiteral("json"), tr("progress and result as JSON"));
    const QCommandLineOption help(QStringList{QStringLiteral("help"), QStringLiteral("h")}, tr("show this help"));
    for (const QCommandLineOption &option : {segment, ladder, preset, encoder, threads, json, help})
        parser.addOption(option);
    if (!parser.parse(QStringList{QStringLiteral("transcode")} + args)) {
        err << tr("kinora-server transcode: %1\n").arg(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        out << tr("Usage: kinora-server transcode INPUT OUTDIR [--segment-seconds N] [--ladder 1080,720,480,360]\n"
                  "       [--preset veryfast] [--encoder libx264] [--threads N] [--json]\n");
        return ExitSuccess;
    }
    if (parser.positionalArguments().size() != 2) {
        err << tr("kinora-server transcode: INPUT and OUTDIR are expected; see kinora-server transcode --help\n");
        return ExitUsage;
    }

    Core::TranscodeSettings settings;
    if (parser.isSet(segment)) {
        bool ok = false;
        settings.ladder.segmentSeconds = parser.value(segment).toDouble(&ok);
        if (!ok || settings.ladder.segmentSeconds < 1.0 || settings.ladder.segmentSeconds > 30.0) {
            err << tr("kinora-server transcode: --segment-seconds must be a number from 1 to 30\n");
            return ExitUsage;
        }
    }
    if (parser.isSet(ladder)) {
        for (const QString &part : parser.value(ladder).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const int height = QString(part).remove(QLatin1Char('p')).trimmed().toInt(&ok);
            if (!ok || height <= 0) {
                err << tr("kinora-server transcode: --ladder expects heights such as 1080,720,480\n");
                return ExitUsage;
            }
            settings.ladder.heights.append(height);
        }
    }
    if (parser.isSet(preset))
        settings.preset = parser.value(preset);
    if (parser.isSet(encoder))
        settings.encoderId = parser.value(encoder);
    if (parser.isSet(threads))
        settings.encoderThreads = std::max(0, parser.value(threads).toInt());
    const bool asJson = parser.isSet(json);
    const QString input = parser.positionalArguments().at(0);
    const QString outDir = parser.positionalArguments().at(1);

    auto *transcoder = new Core::HlsTranscoder;
    transcoder->setInput(input);
    transcoder->setOutputDirectory(outDir);
    transcoder->setSettings(settings);
    QThread worker;
    transcoder->moveToThread(&worker);
    QEventLoop loop;
    bool success = false;
    QString error;

    QObject::connect(&worker, &QThread::started, transcoder, &Core::HlsTranscoder::start);
    QObject::connect(transcoder, &Core::HlsTranscoder::progressed, &loop, [&err, asJson](const Core::TranscodeProgress &p) {
        if (asJson) {
            const QJsonObject line{{QStringLiteral("percent"), p.percent}, {QStringLiteral("fps"), p.fps},
                                   {QStringLiteral("speed"), p.speed}, {QStringLiteral("eta"), p.etaSeconds}};
            err << QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)) << '\n';
        } else {
            err << tr("progress %1%  %2 fps  %3x  ETA %4 s\n")
                       .arg(p.percent, 5, 'f', 1)
                       .arg(p.fps, 0, 'f', 1)
                       .arg(p.speed, 0, 'f', 2)
                       .arg(p.etaSeconds < 0 ? QStringLiteral("?") : QString::number(p.etaSeconds, 'f', 0));
        }
        err.flush();
    });
    QObject::connect(transcoder, &Core::HlsTranscoder::warningRaised, &loop, [&err](const QString &warning) {
        err << tr("warning: %1\n").arg(warning);
        err.flush();
    });
    QObject::connect(transcoder, &Core::HlsTranscoder::finished, &loop,
                     [&loop, &success, &error](bool ok, const QString &message) {
                         success = ok;
                         error = message;
                         loop.quit();
                     });
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, &loop, [transcoder] {
        if (s_interrupted.load())
            transcoder->cancel();
    });
    s_interrupted.store(false);
    auto previousInt = std::signal(SIGINT, onInterrupt);
    auto previousTerm = std::signal(SIGTERM, onInterrupt);
    interruptPoll.start(100);
    worker.start();
    loop.exec();
    worker.quit();
    worker.wait();
    std::signal(SIGINT, previousInt);
    std::signal(SIGTERM, previousTerm);
    const QJsonObject result = success ? resultJson(*transcoder, outDir) : QJsonObject();
    delete transcoder;   // its thread has ended: safe to delete from here

    if (!success) {
        err << tr("kinora-server transcode: %1\n").arg(error);
        return ExitFailure;
    }
    if (asJson)
        out << QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Indented));
    else
        out << tr("%1/master.m3u8\n").arg(outDir);
    return ExitSuccess;
}

} // namespace Kinora::Server::Cli
