#pragma once

#include "player/abr/abrcontroller.h"
#include "player/abr/mpcplanner.h"

#include <QList>

namespace Kinora::Player {

// Kinora's default rule: model-predictive control with a steadier predictor
// and a value on the buffer left at the end of the plan. The bandwidth is the
// harmonic mean of the last 10 downloads (not 5: one outlier moves it less),
// divided by 1 + the largest relative error of the last 5 predictions. A plain
// 5-segment horizon spends the whole buffer in its last steps and so plays
// low now to play high later; a soft floor (10 s, 0.1 QoE per missing second)
// on the final buffer removes that artefact and keeps a margin for drops.
class KinoraAbr : public AbrController
{
public:
    struct Settings
    {
        int pastSamples = 10;
        int errorSamples = 5;
        int horizon = 5;
        double terminalBufferSeconds = 10.0;
        double terminalPenaltyPerSecond = 0.1;
    };

    KinoraAbr();
    explicit KinoraAbr(const Settings &settings);

    QString id() const override { return QStringLiteral("kinora"); }
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
