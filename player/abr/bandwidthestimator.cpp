#include "player/abr/bandwidthestimator.h"

#include <algorithm>

namespace Kinora::Player {

BandwidthEstimator::BandwidthEstimator()
    : BandwidthEstimator(Settings())
{
}

BandwidthEstimator::BandwidthEstimator(const Settings &settings)
    : m_settings(settings)
    , m_fast(settings.fastHalfLifeSeconds)
    , m_slow(settings.slowHalfLifeSeconds)
{
}

void BandwidthEstimator::addSample(double durationSeconds, double bytes)
{
    const double seconds = std::max(durationSeconds, m_settings.minimumDelaySeconds);
    const double bitsPerSecond = 8.0 * bytes / seconds;
    m_fast.sample(seconds, bitsPerSecond);
    m_slow.sample(seconds, bitsPerSecond);
}

bool BandwidthEstimator::canEstimate() const
{
    return m_fast.totalWeight() >= m_settings.minimumWeightSeconds;
}

double BandwidthEstimator::estimateBps() const
{
    if (!canEstimate())
        return m_settings.defaultEstimateBps;
    return std::min(m_fast.estimate(), m_slow.estimate());
}

void BandwidthEstimator::reset()
{
    m_fast = Ewma(m_settings.fastHalfLifeSeconds);
    m_slow = Ewma(m_settings.slowHalfLifeSeconds);
}

} // namespace Kinora::Player
