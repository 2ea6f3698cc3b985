#pragma once

#include "player/abr/ewma.h"

namespace Kinora::Player {

// Download bandwidth estimate from segment downloads, as hls.js does it: the
// minimum of a fast and a slow EWMA (half-lives 3 s and 9 s), samples weighted
// by their download time (at least 50 ms), a default of 500 kbit/s until the
// fast average holds a minimum weight of 0.001 s.
class BandwidthEstimator
{
public:
    struct Settings
    {
        double fastHalfLifeSeconds = 3.0;
        double slowHalfLifeSeconds = 9.0;
        double defaultEstimateBps = 500'000.0;
        double minimumWeightSeconds = 0.001;
        double minimumDelaySeconds = 0.050;
    };

    BandwidthEstimator();
    explicit BandwidthEstimator(const Settings &settings);

    void addSample(double durationSeconds, double bytes);
    bool canEstimate() const;
    double estimateBps() const;
    // Seeds the estimate from an earlier session (start-up from the last measured bandwidth).
    void setDefaultEstimate(double bitsPerSecond) { m_settings.defaultEstimateBps = bitsPerSecond; }
    void reset();

private:
    Settings m_settings;
    Ewma m_fast;
    Ewma m_slow;
};

} // namespace Kinora::Player
