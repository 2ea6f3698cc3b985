#pragma once

#include "player/abr/abrcontroller.h"

namespace Kinora::Player {

// hls.js's throughput rule: the highest rung whose bitrate fits under the
// bandwidth estimate times a safety factor (0.95 for rungs at or below the
// current one, 0.7 to switch up) and that can be fetched before the buffer
// runs dry; failing that, allow a starvation of up to one segment (<= 4 s).
class ThroughputAbr : public AbrController
{
public:
    struct Settings
    {
        double bandwidthFactor = 0.95;   // hls.js abrBandWidthFactor
        double bandwidthUpFactor = 0.7;  // hls.js abrBandWidthUpFactor
        double maxStarvationDelaySeconds = 4.0; // hls.js maxStarvationDelay
    };

    ThroughputAbr() = default;
    explicit ThroughputAbr(const Settings &settings) : m_settings(settings) {}

    QString id() const override { return QStringLiteral("throughput"); }
    AbrDecision decide(const AbrContext &context) override;

private:
    int findBestRung(const AbrContext &context, double bandwidthBps, double maxFetchSeconds) const;

    Settings m_settings;
};

} // namespace Kinora::Player
