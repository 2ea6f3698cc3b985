#include "player/abr/renditionselector.h"

#include <algorithm>

namespace Kinora::Player {

namespace {
constexpr qsizetype HistoryLimit = 64;
}

RenditionSelector::RenditionSelector(std::unique_ptr<AbrController> controller,
                                     const BandwidthEstimator::Settings &settings)
    : m_controller(std::move(controller))
    , m_estimator(settings)
{
}

void RenditionSelector::setLastMeasuredBandwidth(double bitsPerSecond)
{
    if (bitsPerSecond > 0.0)
        m_estimator.setDefaultEstimate(bitsPerSecond);
}

void RenditionSelector::recordDownload(double seconds, double bytes, double bits)
{
    m_estimator.addSample(seconds, bytes);
    m_history.append({bits, seconds});
    if (m_history.size() > HistoryLimit)
        m_history.removeFirst();
}

AbrDecision RenditionSelector::decide(AbrContext context)
{
    if (context.rungCount() == 0)
        return {};
    if (isLocked())
        return {std::min(m_lockedRung, context.topRung()), 0.0};
    context.estimatedBandwidthBps = m_estimator.estimateBps();
    context.history = m_history;
    AbrDecision decision = m_controller->decide(context);
    decision.rung = std::clamp(decision.rung, 0, context.topRung());
    return decision;
}

} // namespace Kinora::Player
