#pragma once

#include <QString>

namespace Kinora::Core {

// Turns FFmpeg return codes into sentences a user can read, always naming the
// file, the stream and the step that failed.
class FfmpegError
{
public:
    // The text FFmpeg gives for an AVERROR code, e.g. "Invalid data found when processing input".
    static QString describe(int code);
    // "<file>: <what> failed: <describe(code)>"; stream < 0 leaves the stream out.
    static QString format(const QString &file, int stream, const QString &what, int code);
};

} // namespace Kinora::Core
