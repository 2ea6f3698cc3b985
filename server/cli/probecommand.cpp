#include "server/cli/probecommand.h"

#include "core/media/mediaprobe.h"
#include "server/cli/exitcode.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

extern "C" {
#include <libavutil/log.h>
}

namespace Kinora::Server::Cli {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Kinora::Server::Cli", text);
}

QJsonObject toJson(const Core::MediaInfo &info)
{
    QJsonArray videos;
    for (const Core::VideoStreamInfo &video : info.videoStreams) {
        videos.append(QJsonObject{
            {QStringLiteral("index"), video.index},
            {QStringLiteral("codec"), video.codec},
            {QStringLiteral("width"), video.width},
            {QStringLiteral("height"), video.height},
            {QStringLiteral("displayWidth"), video.displayWidth()},
            {QStringLiteral("displayHeight"), video.displayHeight()},
            {QStringLiteral("pixelFormat"), video.pixelFormat},
            {QStringLiteral("bitDepth"), video.bitDepth},
            {QStringLiteral("frameRate"), video.frameRate()},
            {QStringLiteral("variableFrameRate"), video.variableFrameRate},
            {QStringLiteral("rotation"), video.rotation},
            {QStringLiteral("sampleAspectRatio"), QStringLiteral("%1:%2").arg(video.sarNum).arg(video.sarDen)},
            {QStringLiteral("transfer"), video.transfer},
            {QStringLiteral("hdr"), video.hdr},
            {QStringLiteral("bitRate"), video.bitRate},
        });
    }
    QJsonArray audios;
    for (const Core::AudioStreamInfo &audio : info.audioStreams) {
        audios.append(QJsonObject{
            {QStringLiteral("index"), audio.index},
            {QStringLiteral("codec"), audio.codec},
            {QStringLiteral("sampleRate"), audio.sampleRate},
            {QStringLiteral("channels"), audio.channels},
            {QStringLiteral("layout"), audio.layout},
            {QStringLiteral("language"), audio.language},
            {QStringLiteral("default"), audio.isDefault},
            {QStringLiteral("bitRate"), audio.bitRate},
        });
    }
    return QJsonObject{
        {QStringLiteral("path"), info.path},
        {QStringLiteral("container"), info.container},
        {QStringLiteral("durationSeconds"), info.durationSeconds},
        {QStringLiteral("bitRate"), info.bitRate},
        {QStringLiteral("video"), videos},
        {QStringLiteral("audio"), audios},
        {QStringLiteral("primaryVideo"), info.hasVideo() ? info.video().index : -1},
        {QStringLiteral("primaryAudio"), info.hasAudio() ? info.audio().index : -1},
    };
}

void printText(QTextStream &out, const Core::MediaInfo &info)
{
    out << tr("File:      %1\n").arg(info.path);
    out << tr("Container: %1\n").arg(info.container);
    out << tr("Duration:  %1 s\n").arg(info.durationSeconds, 0, 'f', 3);
    for (const Core::VideoStreamInfo &video : info.videoStreams) {
        out << tr("Video #%1: %2 %3x%4 (display %5x%6) %7, %8-bit, %9 fps%10, rotation %11, SAR %12:%13, transfer %14%15\n")
                   .arg(video.index)
                   .arg(video.codec)
                   .arg(video.width)
                   .arg(video.height)
                   .arg(video.displayWidth())
                   .arg(video.displayHeight())
                   .arg(video.pixelFormat)
                   .arg(video.bitDepth)
                   .arg(video.frameRate(), 0, 'f', 3)
                   .arg(video.variableFrameRate ? tr(" (variable)") : QString())
                   .arg(video.rotation)
                   .arg(video.sarNum)
                   .arg(video.sarDen)
                   .arg(video.transfer)
                   .arg(video.hdr ? tr(" (HDR)") : QString());
    }
    for (const Core::AudioStreamInfo &audio : info.audioStreams) {
        out << tr("Audio #%1: %2 %3 Hz %4 (%5 channels)%6%7\n")
                   .arg(audio.index)
                   .arg(audio.codec)
                   .arg(audio.sampleRate)
                   .arg(audio.layout)
                   .arg(audio.channels)
                   .arg(audio.language.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(audio.language))
                   .arg(audio.isDefault ? tr(" default") : QString());
    }
}

} // namespace

int runProbeCommand(const QStringList &args)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    av_log_set_level(AV_LOG_ERROR);   // FFmpeg's chatter would drown the progress lines
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Describes the container and streams of a media file."));
    parser.addPositionalArgument(QStringLiteral("FILE"), tr("the media file to probe"));
    const QCommandLineOption json(QStringLiteral("json"), tr("print JSON"));
    const QCommandLineOption help(QStringList{QStringLiteral("help"), QStringLiteral("h")}, tr("show this help"));
    parser.addOption(json);
    parser.addOption(help);
    if (!parser.parse(QStringList{QStringLiteral("probe")} + args)) {
        err << tr("kinora-server probe: %1\n").arg(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(help)) {
        out << tr("Usage: kinora-server probe FILE [--json]\n");
        return ExitSuccess;
    }
    if (parser.positionalArguments().size() != 1) {
        err << tr("kinora-server probe: exactly one FILE is expected; see kinora-server probe --help\n");
        return ExitUsage;
    }
    Core::MediaProbe probe;
    const std::optional<Core::MediaInfo> info = probe.probe(parser.positionalArguments().constFirst());
    if (!info) {
        err << tr("kinora-server probe: %1\n").arg(probe.errorString());
        return ExitFailure;
    }
    if (parser.isSet(json))
        out << QString::fromUtf8(QJsonDocument(toJson(*info)).toJson(QJsonDocument::Indented));
    else
        printText(out, *info);
    return ExitSuccess;
}

} // namespace Kinora::Server::Cli
