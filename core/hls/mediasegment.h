#pragma once

#include "core/hls/byterange.h"
#include "core/hls/mediainitialization.h"
#include "core/hls/segmentkey.h"

#include <QDateTime>
#include <QString>
#include <QUrl>

#include <optional>

namespace Kinora::Hls {

// One media segment of a media playlist, with every tag that applies to it
// already resolved (absolute URI, key, map, sequence numbers).
struct MediaSegment
{
    QUrl uri;
    double duration = 0.0;
    QString title;
    qint64 sequenceNumber = 0;
    qint64 discontinuitySequence = 0;
    bool discontinuity = false;
    std::optional<ByteRange> byteRange;
    SegmentKey key;
    std::optional<MediaInitialization> initialization;
    QDateTime programDateTime; // invalid when not given or not derivable
};

} // namespace Kinora::Hls
