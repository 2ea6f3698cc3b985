#pragma once

#include "player/abr/throughputsample.h"

#include <QList>

namespace Kinora::Player {

// Everything an ABR controller may look at before choosing the rung of the
// next segment. The ladder is sorted by ascending bitrate.
struct AbrContext
{
    QList<double> bitratesKbps;
    double segmentDurationSeconds = 4.0;
    double bufferSeconds = 0.0;
    double bufferCapacitySeconds = 60.0;
    int lastRung = -1;            // -1 before the first segment
    int segmentIndex = 0;
    int segmentsRemaining = -1;   // including the next one; -1 when unknown (live)
    double estimatedBandwidthBps = 0.0; // from the shared BandwidthEstimator
    QList<ThroughputSample> history;    // oldest first
    double idleSecondsSinceLastDownload = 0.0; // time the player waited before this request
    double rebufferSecondsSinceLastDecision = 0.0;

    int rungCount() const { return int(bitratesKbps.size()); }
    int topRung() const { return int(bitratesKbps.size()) - 1; }
    double segmentBits(int rung) const { return bitratesKbps.at(rung) * 1000.0 * segmentDurationSeconds; }
    // Highest rung whose bitrate does not exceed bitsPerSecond (0 if none does).
    int highestRungWithin(double bitsPerSecond) const
    {
        int rung = 0;
        for (int i = 0; i < rungCount(); ++i) {
            if (bitratesKbps.at(i) * 1000.0 <= bitsPerSecond)
                rung = i;
        }
        return rung;
    }
};

} // namespace Kinora::Player
