#include "player/abr/bufferbasedabr.h"

#include <algorithm>

namespace Kinora::Player {

AbrDecision BufferBasedAbr::decide(const AbrContext &context)
{
    const QList<double> &rates = context.bitratesKbps;
    const int top = context.topRung();
    const double buffer = context.bufferSeconds;
    if (buffer <= m_settings.reservoirSeconds)
        return {0, 0.0};
    if (buffer >= m_settings.reservoirSeconds + m_settings.cushionSeconds)
        return {top, 0.0};

    const double mapped = rates.first()
        + (rates.last() - rates.first()) * (buffer - m_settings.reservoirSeconds) / m_settings.cushionSeconds;
    const int previous = std::clamp(context.lastRung, 0, top);
    const double rateUp = rates.at(std::min(previous + 1, top));
    const double rateDown = rates.at(std::max(previous - 1, 0));

    if (mapped >= rateUp) {
        int rung = 0; // highest rate strictly below the map
        for (int i = 0; i <= top; ++i) {
            if (rates.at(i) < mapped)
                rung = i;
        }
        return {rung, 0.0};
    }
    if (mapped <= rateDown) {
        for (int i = 0; i <= top; ++i) { // lowest rate strictly above the map
            if (rates.at(i) > mapped)
                return {i, 0.0};
        }
        return {top, 0.0};
    }
    return {previous, 0.0};
}

} // namespace Kinora::Player
