#pragma once

#include "player/abr/abrcontroller.h"
#include "player/abr/bandwidthestimator.h"

#include <memory>

namespace Kinora::Player {

// The player's single entry point for rung decisions: owns the bandwidth
// estimator and the chosen ABR controller, seeds the start-up estimate from
// the bandwidth measured in an earlier session, and honours a manual lock.
class RenditionSelector
{
public:
    explicit RenditionSelector(std::unique_ptr<AbrController> controller,
                               const BandwidthEstimator::Settings &settings = BandwidthEstimator::Settings());

    void setLastMeasuredBandwidth(double bitsPerSecond);
    void recordDownload(double seconds, double bytes, double bits);

    void lockRung(int rung) { m_lockedRung = rung; }
    void unlock() { m_lockedRung = -1; }
    bool isLocked() const { return m_lockedRung >= 0; }

    // Fills in the estimate and history, then asks the controller unless locked.
    AbrDecision decide(AbrContext context);

    double estimateBps() const { return m_estimator.estimateBps(); }
    AbrController &controller() { return *m_controller; }

private:
    std::unique_ptr<AbrController> m_controller;
    BandwidthEstimator m_estimator;
    QList<ThroughputSample> m_history;
    int m_lockedRung = -1;
};

} // namespace Kinora::Player
