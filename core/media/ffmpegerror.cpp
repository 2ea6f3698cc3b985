#include "core/media/ffmpegerror.h"

#include <QCoreApplication>

extern "C" {
#include <libavutil/error.h>
}

namespace Kinora::Core {

QString FfmpegError::describe(int code)
{
    char buffer[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, buffer, sizeof buffer);
    return QString::fromUtf8(buffer);
}

QString FfmpegError::format(const QString &file, int stream, const QString &what, int code)
{
    if (stream < 0)
        return QCoreApplication::translate("FfmpegError", "%1: %2 failed: %3").arg(file, what, describe(code));
    return QCoreApplication::translate("FfmpegError", "%1: stream %2: %3 failed: %4")
        .arg(file)
        .arg(stream)
        .arg(what, describe(code));
}

} // namespace Kinora::Core
