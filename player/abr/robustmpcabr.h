#pragma once

#include "player/abr/abrcontroller.h"
#include "player/abr/mpcplanner.h"

#include <QList>

namespace Kinora::Player {

// RobustMPC (Yin et al., SIGCOMM 2015) as evaluated in Pensieve: the harmonic
// mean of the last 5 throughputs divided by (1 + the largest relative error of
// the last 5 predictions), then an exhaustive QoE_lin search over 5 segments.
class RobustMpcAbr : public AbrController
{
public:
    struct Settings
    {
        int pastSamples = 5;
        int horizon = 5;
    };

    RobustMpcAbr();
    explicit RobustMpcAbr(const Settings &settings);

    QString id() const override { return QStringLiteral("robustmpc"); }
    AbrDecision decide(const AbrContext &context) override;
    void reset() override;

    double lastPredictionBps() const { return m_lastDiscountedPrediction; }

private:
    Settings m_settings;
    MpcPlanner m_planner;
    QList<double> m_errors;
    double m_lastPrediction = 0.0;
    double m_lastDiscountedPrediction = 0.0;
    qsizetype m_samplesSeen = 0;
};

} // namespace Kinora::Player
