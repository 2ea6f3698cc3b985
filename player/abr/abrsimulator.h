#pragma once

#include "player/abr/abrcontroller.h"
#include "player/abr/simulationresult.h"
#include "player/abr/simulationsettings.h"
#include "player/abr/throughputtrace.h"

#include <QList>

namespace Kinora::Player {

// Trace-driven, faster-than-real-time player model in the manner of
// Pensieve's environment: each download takes the request RTT plus the time
// the trace needs to carry the segment; the buffer drains meanwhile, an empty
// buffer stalls, and the player waits (in drain steps) above the buffer cap.
// The controller sees the same context as in the player, including the
// hls.js-style bandwidth estimate.
class AbrSimulator
{
public:
    explicit AbrSimulator(const SimulationSettings &settings = SimulationSettings());

    SimulationResult run(AbrController &controller, const ThroughputTrace &trace) const;

    // Totals and QoE from per-segment records (also used to check the accounting).
    static void summarise(SimulationResult &result, const SimulationSettings &settings);

    const SimulationSettings &settings() const { return m_settings; }

private:
    SimulationSettings m_settings;
};

} // namespace Kinora::Player
