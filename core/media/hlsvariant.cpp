#include "core/media/hlsvariant.h"

#include <cmath>

namespace Kinora::Core {

qint64 HlsVariant::peakBitrate() const
{
    double longest = 0.0;
    for (const HlsSegment &segment : segments)
        longest = std::max(longest, segment.durationSeconds);
    double peak = 0.0;
    for (const HlsSegment &segment : segments) {
        // A short tail segment would overstate the peak; Apple measures whole segments.
        if (segment.durationSeconds <= 0.0 || (segments.size() > 1 && segment.durationSeconds < 0.5 * longest))
            continue;
        peak = std::max(peak, segment.bytes * 8.0 / segment.durationSeconds);
    }
    // BANDWIDTH must never be below AVERAGE-BANDWIDTH (a short tail can lift the average).
    return std::max(qint64(std::ceil(peak)), averageBitrate());
}

qint64 HlsVariant::averageBitrate() const
{
    double bytes = 0.0;
    double duration = 0.0;
    for (const HlsSegment &segment : segments) {
        bytes += segment.bytes;
        duration += segment.durationSeconds;
    }
    return duration > 0.0 ? qint64(std::ceil(bytes * 8.0 / duration)) : 0;
}

} // namespace Kinora::Core
