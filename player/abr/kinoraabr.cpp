#include "player/abr/kinoraabr.h"

#include <algorithm>
#include <cmath>

namespace Kinora::Player {

namespace {

MpcPlanner::Settings plannerSettings(const KinoraAbr::Settings &settings)
{
    MpcPlanner::Settings planner;
    planner.horizon = settings.horizon;
    planner.capBuffer = true;
    planner.terminalBufferSeconds = settings.terminalBufferSeconds;
    planner.terminalPenaltyPerSecond = settings.terminalPenaltyPerSecond;
    return planner;
}

} // namespace

KinoraAbr::KinoraAbr()
    : KinoraAbr(Settings())
{
}

KinoraAbr::KinoraAbr(const Settings &settings)
    : m_settings(settings)
    , m_planner(plannerSettings(settings))
{
}

void KinoraAbr::reset()
{
    m_errors.clear();
    m_lastPrediction = 0.0;
    m_lastDiscountedPrediction = 0.0;
    m_samplesSeen = 0;
}

AbrDecision KinoraAbr::decide(const AbrContext &context)
{
    const QList<ThroughputSample> &history = context.history;
    if (history.size() > m_samplesSeen && m_lastPrediction > 0.0) {
        const double actual = history.last().bitsPerSecond();
        if (actual > 0.0) {
            m_errors.append(std::abs(m_lastPrediction - actual) / actual);
            if (m_errors.size() > m_settings.errorSamples)
                m_errors.removeFirst();
        }
    }
    m_samplesSeen = history.size();

    double prediction = context.estimatedBandwidthBps; // start-up: the estimator's (seeded) value
    if (!history.isEmpty()) {
        double inverseSum = 0.0;
        int used = 0;
        for (qsizetype i = history.size() - 1; i >= 0 && used < m_settings.pastSamples; --i, ++used)
            inverseSum += 1.0 / std::max(history.at(i).bitsPerSecond(), 1.0);
        prediction = used / inverseSum;
        m_lastPrediction = prediction;
    }
    double maxError = 0.0;
    for (double error : std::as_const(m_errors))
        maxError = std::max(maxError, error);
    m_lastDiscountedPrediction = prediction / (1.0 + maxError);
    const QList<MpcPlanner::Scenario> scenarios{MpcPlanner::Scenario{m_lastDiscountedPrediction, 1.0}};
    return {m_planner.bestFirstRung(context, scenarios), 0.0};
}

} // namespace Kinora::Player
