#pragma once

#include "player/abr/abrcontroller.h"

#include <QList>

namespace Kinora::Player {

// BOLA as dash.js runs it (Spiteri et al., BOLA-O/PL): utilities
// ln(bitrate/min bitrate) + 1, a buffer target of max(12 s, 10 s + 2 s per
// rung) and a minimum buffer of 10 s fix gp and Vp; each segment maximises
// (Vp (utility + gp) - buffer) / bitrate. Up-switches are capped by 0.9 x the
// recent throughput, a start-up placeholder buffer keeps the first choice,
// and a pause is requested when the buffer is above the chosen rung's level.
class BolaAbr : public AbrController
{
public:
    struct Settings
    {
        double minimumBufferSeconds = 10.0;        // dash.js MINIMUM_BUFFER_S
        double minimumBufferPerRungSeconds = 2.0;  // dash.js MINIMUM_BUFFER_PER_BITRATE_LEVEL_S
        double stableBufferSeconds = 12.0;         // dash.js stableBufferTime
        double bandwidthSafetyFactor = 0.9;        // dash.js bandwidthSafetyFactor
        int throughputSamples = 3;                 // dash.js VOD average sample amount
    };

    BolaAbr() = default;
    explicit BolaAbr(const Settings &settings) : m_settings(settings) {}

    QString id() const override { return QStringLiteral("bola"); }
    AbrDecision decide(const AbrContext &context) override;
    void reset() override;

    // Exposed for tests: the parameters derived from a ladder.
    double gp() const { return m_gp; }
    double vp() const { return m_vp; }

private:
    void computeParameters(const AbrContext &context);
    int rungFromBuffer(double bufferSeconds) const;
    double minimumBufferForRung(int rung) const;
    double maximumBufferForRung(int rung) const;

    Settings m_settings;
    QList<double> m_bitrates;
    QList<double> m_utilities;
    double m_gp = 0.0;
    double m_vp = 0.0;
    bool m_steady = false;
    double m_placeholderSeconds = 0.0;
    int m_lastRung = 0;
};

} // namespace Kinora::Player
