#include "player/abr/ewma.h"

#include <cmath>

namespace Kinora::Player {

Ewma::Ewma(double halfLifeSeconds)
    : m_alpha(halfLifeSeconds > 0.0 ? std::exp(std::log(0.5) / halfLifeSeconds) : 0.0)
{
}

void Ewma::sample(double weight, double value)
{
    const double adjustedAlpha = std::pow(m_alpha, weight);
    m_estimate = value * (1.0 - adjustedAlpha) + adjustedAlpha * m_estimate;
    m_totalWeight += weight;
}

double Ewma::estimate() const
{
    const double zeroFactor = 1.0 - std::pow(m_alpha, m_totalWeight);
    return zeroFactor > 0.0 ? m_estimate / zeroFactor : m_estimate;
}

} // namespace Kinora::Player
