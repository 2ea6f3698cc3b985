#pragma once

#include "core/media/hlssegment.h"

#include <QList>
#include <QString>

namespace Kinora::Core {

// One finished rendition as the master playlist announces it.
struct HlsVariant
{
    QString name;                 // folder, e.g. "720p"
    int width = 0;                // 0 for audio-only
    int height = 0;
    double frameRate = 0.0;
    QString codecs;               // e.g. "avc1.64001f,mp4a.40.2"
    QList<HlsSegment> segments;

    qint64 peakBitrate() const;   // highest segment bitrate (bits/s)
    qint64 averageBitrate() const;
};

} // namespace Kinora::Core
