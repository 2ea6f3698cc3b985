#include "player/abr/mpcplanner.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace Kinora::Player {

struct MpcPlanner::Search
{
    const AbrContext *context = nullptr;
    const Scenario *scenarios = nullptr;
    int scenarioCount = 0;
    int horizon = 0;
    int firstRung = 0;
    double bestReward = -std::numeric_limits<double>::infinity();
    int bestFirstRung = 0;
};

void MpcPlanner::explore(Search &search, int depth, int lastRung, const double *buffers, double reward) const
{
    const AbrContext &context = *search.context;
    if (depth == search.horizon) {
        if (m_settings.terminalPenaltyPerSecond > 0.0) {
            for (int s = 0; s < search.scenarioCount; ++s) {
                const double shortfall = std::max(0.0, m_settings.terminalBufferSeconds - buffers[s]);
                reward -= search.scenarios[s].weight * m_settings.terminalPenaltyPerSecond * shortfall;
            }
        }
        if (reward > search.bestReward) {
            search.bestReward = reward;
            search.bestFirstRung = search.firstRung;
        }
        return;
    }
    double next[MaxScenarios];
    for (int rung = 0; rung < context.rungCount(); ++rung) {
        if (depth == 0)
            search.firstRung = rung;
        const double bits = context.segmentBits(rung);
        const double mbps = context.bitratesKbps.at(rung) / 1000.0;
        double stepReward = mbps;
        if (lastRung >= 0)
            stepReward -= m_settings.switchPenalty * std::abs(mbps - context.bitratesKbps.at(lastRung) / 1000.0);
        for (int s = 0; s < search.scenarioCount; ++s) {
            const double seconds = bits / search.scenarios[s].bandwidthBps + m_settings.requestOverheadSeconds;
            const double rebuffer = std::max(0.0, seconds - buffers[s]);
            double buffer = std::max(0.0, buffers[s] - seconds) + context.segmentDurationSeconds;
            if (m_settings.capBuffer)
                buffer = std::min(buffer, context.bufferCapacitySeconds);
            next[s] = buffer;
            stepReward -= search.scenarios[s].weight * m_settings.rebufferPenalty * rebuffer;
        }
        explore(search, depth + 1, rung, next, reward + stepReward);
    }
}

int MpcPlanner::bestFirstRung(const AbrContext &context, const QList<Scenario> &scenarios) const
{
    if (context.rungCount() == 0 || scenarios.isEmpty())
        return 0;
    Search search;
    search.context = &context;
    QList<Scenario> normalised = scenarios.mid(0, MaxScenarios);
    double totalWeight = 0.0;
    for (const Scenario &scenario : std::as_const(normalised))
        totalWeight += scenario.weight;
    for (Scenario &scenario : normalised) {
        scenario.weight = totalWeight > 0.0 ? scenario.weight / totalWeight : 1.0 / normalised.size();
        scenario.bandwidthBps = std::max(scenario.bandwidthBps, 1.0);
    }
    search.scenarios = normalised.constData();
    search.scenarioCount = int(normalised.size());
    search.horizon = m_settings.horizon;
    if (context.segmentsRemaining > 0)
        search.horizon = std::min(search.horizon, context.segmentsRemaining);
    search.horizon = std::max(search.horizon, 1);
    double buffers[MaxScenarios];
    std::fill(std::begin(buffers), std::end(buffers), context.bufferSeconds);
    explore(search, 0, context.lastRung, buffers, 0.0);
    return search.bestFirstRung;
}

} // namespace Kinora::Player
