#include "player/abr/abrsimulator.h"

#include "player/abr/bandwidthestimator.h"

#include <algorithm>
#include <cmath>

namespace Kinora::Player {

AbrSimulator::AbrSimulator(const SimulationSettings &settings)
    : m_settings(settings)
{
}

SimulationResult AbrSimulator::run(AbrController &controller, const ThroughputTrace &trace) const
{
    controller.reset();
    BandwidthEstimator estimator;
    SimulationResult result;
    result.algorithm = controller.id();
    result.trace = trace.name();

    AbrContext context;
    context.bitratesKbps = m_settings.ladderKbps;
    context.segmentDurationSeconds = m_settings.segmentSeconds;
    context.bufferCapacitySeconds = m_settings.bufferCapSeconds;

    double clock = 0.0; // trace time
    double buffer = 0.0;
    double idle = 0.0;
    double rebufferSinceDecision = 0.0;
    const int top = int(m_settings.ladderKbps.size()) - 1;
    for (int index = 0; index < m_settings.segmentCount; ++index) {
        context.bufferSeconds = buffer;
        context.segmentIndex = index;
        context.segmentsRemaining = m_settings.segmentCount - index;
        context.estimatedBandwidthBps = estimator.estimateBps();
        context.idleSecondsSinceLastDownload = idle;
        context.rebufferSecondsSinceLastDecision = rebufferSinceDecision;

        const AbrDecision decision = controller.decide(context);
        SegmentRecord record;
        record.rung = std::clamp(decision.rung, 0, top);
        record.bitrateKbps = m_settings.ladderKbps.at(record.rung);

        // A requested pause never runs the buffer dry.
        const double delay = std::clamp(decision.delaySeconds, 0.0, buffer);
        record.requestedDelaySeconds = delay;
        clock += delay;
        buffer -= delay;

        const double bits = record.bitrateKbps * 1000.0 * m_settings.segmentSeconds;
        const double transfer = trace.transferSeconds(clock + m_settings.requestRttSeconds, bits,
                                                      m_settings.payloadFraction);
        record.downloadSeconds = m_settings.requestRttSeconds + transfer;
        clock += record.downloadSeconds;
        record.rebufferSeconds = std::max(0.0, record.downloadSeconds - buffer);
        buffer = std::max(0.0, buffer - record.downloadSeconds) + m_settings.segmentSeconds;

        estimator.addSample(record.downloadSeconds, bits / 8.0);
        context.history.append({bits, record.downloadSeconds, m_settings.requestRttSeconds});
        context.lastRung = record.rung;

        idle = 0.0;
        if (buffer > m_settings.bufferCapSeconds) {
            const double excess = buffer - m_settings.bufferCapSeconds;
            const double wait = std::ceil(excess / m_settings.drainStepSeconds) * m_settings.drainStepSeconds;
            buffer -= wait;
            clock += wait;
            idle = wait;
            record.capWaitSeconds = wait;
        }
        record.bufferAfterSeconds = buffer;
        rebufferSinceDecision = record.rebufferSeconds;
        result.segments.append(record);
    }
    summarise(result, m_settings);
    return result;
}

void AbrSimulator::summarise(SimulationResult &result, const SimulationSettings &settings)
{
    result.bitrateUtility = 0.0;
    result.rebufferSeconds = 0.0;
    result.smoothnessPenalty = 0.0;
    result.switches = 0;
    result.startupSeconds = result.segments.isEmpty() ? 0.0 : result.segments.first().rebufferSeconds;
    double sessionSeconds = 0.0;
    for (qsizetype i = 0; i < result.segments.size(); ++i) {
        const SegmentRecord &segment = result.segments.at(i);
        result.bitrateUtility += segment.bitrateKbps / 1000.0;
        result.rebufferSeconds += segment.rebufferSeconds;
        sessionSeconds += segment.requestedDelaySeconds + segment.downloadSeconds + segment.capWaitSeconds;
        if (i > 0) {
            const double change = std::abs(segment.bitrateKbps - result.segments.at(i - 1).bitrateKbps) / 1000.0;
            result.smoothnessPenalty += change;
            if (segment.rung != result.segments.at(i - 1).rung)
                ++result.switches;
        }
    }
    const double played = settings.segmentSeconds * double(result.segments.size());
    result.qoe = result.bitrateUtility - settings.rebufferPenalty * result.rebufferSeconds
        - settings.switchPenalty * result.smoothnessPenalty;
    result.averageBitrateKbps = result.segments.isEmpty() ? 0.0 : 1000.0 * result.bitrateUtility / double(result.segments.size());
    result.rebufferRatio = played + result.rebufferSeconds > 0.0
        ? result.rebufferSeconds / (played + result.rebufferSeconds) : 0.0;
    result.sessionSeconds = sessionSeconds;
}

} // namespace Kinora::Player
