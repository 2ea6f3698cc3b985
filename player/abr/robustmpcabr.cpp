#include "player/abr/robustmpcabr.h"

#include <algorithm>
#include <cmath>

namespace Kinora::Player {

namespace {

MpcPlanner::Settings plannerSettings(int horizon)
{
    MpcPlanner::Settings settings;
    settings.horizon = horizon;
    return settings;
}

} // namespace

RobustMpcAbr::RobustMpcAbr()
    : RobustMpcAbr(Settings())
{
}

RobustMpcAbr::RobustMpcAbr(const Settings &settings)
    : m_settings(settings)
    , m_planner(plannerSettings(settings.horizon))
{
}

void RobustMpcAbr::reset()
{
    m_errors.clear();
    m_lastPrediction = 0.0;
    m_lastDiscountedPrediction = 0.0;
    m_samplesSeen = 0;
}

AbrDecision RobustMpcAbr::decide(const AbrContext &context)
{
    const QList<ThroughputSample> &history = context.history;
    if (history.size() > m_samplesSeen && m_lastPrediction > 0.0) {
        const double actual = history.last().bitsPerSecond();
        if (actual > 0.0)
            m_errors.append(std::abs(m_lastPrediction - actual) / actual);
    }
    m_samplesSeen = history.size();

    double prediction = context.estimatedBandwidthBps;
    if (!history.isEmpty()) {
        double inverseSum = 0.0;
        int used = 0;
        for (qsizetype i = history.size() - 1; i >= 0 && used < m_settings.pastSamples; --i, ++used)
            inverseSum += 1.0 / std::max(history.at(i).bitsPerSecond(), 1.0);
        prediction = used / inverseSum;
        m_lastPrediction = prediction;
    }
    double maxError = 0.0;
    for (qsizetype i = std::max<qsizetype>(0, m_errors.size() - m_settings.pastSamples); i < m_errors.size(); ++i)
        maxError = std::max(maxError, m_errors.at(i));
    m_lastDiscountedPrediction = prediction / (1.0 + maxError);
    const QList<MpcPlanner::Scenario> scenarios{MpcPlanner::Scenario{m_lastDiscountedPrediction, 1.0}};
    return {m_planner.bestFirstRung(context, scenarios), 0.0};
}

} // namespace Kinora::Player
