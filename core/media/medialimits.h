#pragma once

#include <QtGlobal>

namespace Kinora::Core {

// Bounds that keep hostile or broken input from costing unbounded time or memory.
// Probing gives up after probeTimeoutMs; anything larger than these is refused.
struct MediaLimits
{
    int maxWidth = 8192;
    int maxHeight = 8192;
    double maxDurationSeconds = 24 * 3600.0;
    int maxStreams = 32;
    qint64 probeSizeBytes = 20 * 1024 * 1024;       // how much of the file the demuxer may read to identify it
    qint64 analyzeDurationUs = 10 * 1000 * 1000;     // how much of the media it may analyse
    int probeTimeoutMs = 15000;                      // wall-clock cap on opening and probing
};

} // namespace Kinora::Core
