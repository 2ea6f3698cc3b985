#pragma once

#include "core/hls/mediasegment.h"
#include "core/hls/startpoint.h"

#include <QList>

#include <optional>

namespace Kinora::Hls {

// A parsed media playlist (RFC 8216 4.3.3): the segments of one rendition.
struct MediaPlaylist
{
    enum class Type { Unspecified, Event, Vod };

    int version = 1;
    double targetDuration = 0.0;
    qint64 mediaSequence = 0;
    qint64 discontinuitySequence = 0;
    Type type = Type::Unspecified;
    bool endList = false;
    bool independentSegments = false;
    bool iFramesOnly = false;
    std::optional<StartPoint> start;
    QList<MediaSegment> segments;

    bool isLive() const { return !endList && type != Type::Vod; }
    double totalDuration() const
    {
        double total = 0.0;
        for (const MediaSegment &segment : segments)
            total += segment.duration;
        return total;
    }
};

} // namespace Kinora::Hls
