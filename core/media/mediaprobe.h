#pragma once

#include "core/media/ffmpegptr.h"
#include "core/media/mediainfo.h"
#include "core/media/medialimits.h"

#include <optional>

namespace Kinora::Core {

class IoInterrupt;

// Opens a file with bounded effort (time, bytes read, MediaLimits) and describes
// its container and streams. Every failure yields one sentence naming the file.
class MediaProbe
{
public:
    explicit MediaProbe(const MediaLimits &limits = {});

    std::optional<MediaInfo> probe(const QString &path);
    QString errorString() const { return m_error; }

    // Opens and analyses the input the way probe() does; the transcoder uses it
    // so that it runs under the same bounds. The interrupt object must outlive the context.
    InputFormatContextPtr open(const QString &path, IoInterrupt *interrupt);
    // Describes an opened context and checks it against the limits.
    std::optional<MediaInfo> describe(AVFormatContext *context, const QString &path);

private:
    QString fail(const QString &path, const QString &reason);

    MediaLimits m_limits;
    QString m_error;
};

} // namespace Kinora::Core
