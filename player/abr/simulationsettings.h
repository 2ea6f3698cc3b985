#pragma once

#include <QList>

namespace Kinora::Player {

// The streaming setting the ABR simulator replays, by default the one of the
// Pensieve evaluation (Mao et al., SIGCOMM 2017): a 6-rung ladder, 48
// segments of 4 s, a 60 s buffer cap, 80 ms per request, 95 % of the link
// rate as payload, buffer drained in 500 ms steps when above the cap.
struct SimulationSettings
{
    QList<double> ladderKbps = {300, 750, 1200, 1850, 2850, 4300};
    double segmentSeconds = 4.0;
    int segmentCount = 48;
    double bufferCapSeconds = 60.0;
    double requestRttSeconds = 0.080;
    double payloadFraction = 0.95;
    double drainStepSeconds = 0.5;
    double rebufferPenalty = 4.3;  // QoE_lin: per second of stall
    double switchPenalty = 1.0;    // QoE_lin: per Mbit/s of change
};

} // namespace Kinora::Player
