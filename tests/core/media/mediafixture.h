#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Kinora::Tests {

// Runs the ffmpeg and ffprobe command-line tools for media tests: generating
// inputs and checking outputs with tools independent of the code under test.
// Every call is bounded in time.
class MediaFixture
{
public:
    struct Result
    {
        bool ok = false;        // started, finished in time, exit code 0
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    static Result run(const QString &program, const QStringList &args, int timeoutMs = 120000);
    // ffmpeg -hide_banner -nostdin -loglevel error -y ARGS
    static Result ffmpeg(const QStringList &args, int timeoutMs = 120000);
    // ffprobe -v error -of json ARGS, parsed
    static QJsonObject ffprobe(const QStringList &args, int timeoutMs = 60000);
    // The first video (or audio) stream's fields as ffprobe reports them, frames counted.
    static QJsonObject streamInfo(const QString &path, const QString &selector, bool countFrames = false);
    // Rewrites the first track's tkhd matrix of an MP4 so players turn the picture clockwise by 90, 180 or 270
    // degrees (FFmpeg 5.1's muxer no longer writes a "rotate" tag).
    static bool rotateMp4(const QString &path, int clockwiseDegrees);
    // Mean SSIM ("All") of distorted against reference scaled to width x height; -1 on failure.
    static double ssim(const QString &distorted, const QString &reference, int width, int height);
};

} // namespace Kinora::Tests
