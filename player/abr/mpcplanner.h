#pragma once

#include "player/abr/abrcontext.h"

#include <QList>

namespace Kinora::Player {

// Model-predictive rung planning: exhaustive search over every rung sequence
// of the horizon, each scored with QoE_lin (bitrate in Mbit/s minus the
// rebuffer and switch penalties) under one or more weighted bandwidth
// scenarios; returns the first rung of the best sequence.
class MpcPlanner
{
public:
    struct Scenario
    {
        double bandwidthBps = 0.0;
        double weight = 1.0;
    };

    struct Settings
    {
        int horizon = 5;
        double rebufferPenalty = 4.3;     // per second, QoE_lin
        double switchPenalty = 1.0;       // per Mbit/s of change, QoE_lin
        double requestOverheadSeconds = 0.0; // added to every download
        bool capBuffer = false;           // model the player's buffer cap
        // Optional soft floor on the buffer left at the end of the horizon,
        // so a short horizon does not spend the whole buffer.
        double terminalBufferSeconds = 0.0;
        double terminalPenaltyPerSecond = 0.0;
    };

    static constexpr int MaxScenarios = 8;

    explicit MpcPlanner(const Settings &settings) : m_settings(settings) {}

    int bestFirstRung(const AbrContext &context, const QList<Scenario> &scenarios) const;
    const Settings &settings() const { return m_settings; }

private:
    struct Search;
    void explore(Search &search, int depth, int lastRung, const double *buffers, double reward) const;

    Settings m_settings;
};

} // namespace Kinora::Player
