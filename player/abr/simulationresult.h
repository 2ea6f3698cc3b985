#pragma once

#include "player/abr/segmentrecord.h"

#include <QList>
#include <QString>

namespace Kinora::Player {

// Per-session outcome of the ABR simulator. QoE_lin = sum of bitrates in
// Mbit/s - rebuffer penalty x stall seconds - switch penalty x sum of
// |bitrate changes| in Mbit/s. Stalls include the start-up wait for the
// first segment, as in Pensieve's evaluation; startupSeconds tells it apart.
struct SimulationResult
{
    QString algorithm;
    QString trace;
    QList<SegmentRecord> segments;

    double qoe = 0.0;
    double bitrateUtility = 0.0;   // sum of Mbit/s
    double rebufferSeconds = 0.0;  // including start-up
    double startupSeconds = 0.0;
    double smoothnessPenalty = 0.0; // sum of |delta Mbit/s|
    int switches = 0;
    double averageBitrateKbps = 0.0;
    double rebufferRatio = 0.0;    // stall time / (stall time + played time)
    double sessionSeconds = 0.0;
};

} // namespace Kinora::Player
