#include "testladder.h"

#include <QDir>
#include <QProcess>

bool TestLadder::encode(const QString &directory, const Rung &rung, int seconds, int segmentSeconds, QString *error)
{
    QDir(directory).mkpath(rung.name);
    const QString rate = QString::number(rung.videoKbps) + QStringLiteral("k");
    const QString gop = QString::number(25 * segmentSeconds);
    const QStringList args = {
        QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"), QStringLiteral("-y"),
        QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
        QStringLiteral("testsrc2=size=%1:rate=25,noise=alls=12:allf=t").arg(rung.size),
        QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=frequency=440:sample_rate=48000"),
        QStringLiteral("-t"), QString::number(seconds),
        QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("ultrafast"),
        QStringLiteral("-b:v"), rate, QStringLiteral("-minrate"), rate, QStringLiteral("-maxrate"), rate,
        QStringLiteral("-bufsize"), rate, QStringLiteral("-x264-params"), QStringLiteral("nal-hrd=cbr"),
        QStringLiteral("-g"), gop, QStringLiteral("-keyint_min"), gop, QStringLiteral("-sc_threshold"), QStringLiteral("0"),
        QStringLiteral("-c:a"), QStringLiteral("aac"), QStringLiteral("-b:a"), QStringLiteral("64k"),
        QStringLiteral("-f"), QStringLiteral("hls"), QStringLiteral("-hls_time"), QString::number(segmentSeconds),
        QStringLiteral("-hls_playlist_type"), QStringLiteral("vod"),
        QStringLiteral("-hls_segment_filename"), directory + QLatin1Char('/') + rung.name + QStringLiteral("/seg%03d.ts"),
        directory + QLatin1Char('/') + rung.name + QStringLiteral("/index.m3u8")};
    QProcess ffmpeg;
    ffmpeg.start(QStringLiteral("ffmpeg"), args);
    if (!ffmpeg.waitForFinished(300000) || ffmpeg.exitStatus() != QProcess::NormalExit || ffmpeg.exitCode() != 0) {
        *error = QString::fromUtf8(ffmpeg.readAllStandardError());
        return false;
    }
    return true;
}
