#include "player/abr/throughputabr.h"

#include <algorithm>

namespace Kinora::Player {

int ThroughputAbr::findBestRung(const AbrContext &context, double bandwidthBps, double maxFetchSeconds) const
{
    for (int rung = context.topRung(); rung >= 0; --rung) {
        const double factor = rung <= context.lastRung ? m_settings.bandwidthFactor : m_settings.bandwidthUpFactor;
        const double adjusted = factor * bandwidthBps;
        const double bitrate = context.bitratesKbps.at(rung) * 1000.0;
        const double fetchSeconds = bitrate * context.segmentDurationSeconds / adjusted;
        if (adjusted > bitrate && fetchSeconds < maxFetchSeconds)
            return rung;
    }
    return -1;
}

AbrDecision ThroughputAbr::decide(const AbrContext &context)
{
    const double bandwidth = context.estimatedBandwidthBps;
    int rung = findBestRung(context, bandwidth, context.bufferSeconds);
    if (rung < 0) {
        const double starvation = std::min(context.segmentDurationSeconds, m_settings.maxStarvationDelaySeconds);
        rung = std::max(findBestRung(context, bandwidth, context.bufferSeconds + starvation), 0);
    }
    return {rung, 0.0};
}

} // namespace Kinora::Player
