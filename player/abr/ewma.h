#pragma once

namespace Kinora::Player {

// Exponentially weighted moving average whose weight is time: a sample of w
// seconds decays the old estimate by alpha^w, alpha chosen from a half-life.
// getEstimate() corrects the bias towards the zero start value.
class Ewma
{
public:
    explicit Ewma(double halfLifeSeconds);

    void sample(double weight, double value);
    double estimate() const;
    double totalWeight() const { return m_totalWeight; }

private:
    double m_alpha;
    double m_estimate = 0.0;
    double m_totalWeight = 0.0;
};

} // namespace Kinora::Player
