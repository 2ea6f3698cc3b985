#include "player/abr/bolaabr.h"

#include <algorithm>
#include <cmath>

namespace Kinora::Player {

namespace {

double harmonicMeanOfLast(const QList<ThroughputSample> &history, int count)
{
    double inverseSum = 0.0;
    int used = 0;
    for (qsizetype i = history.size() - 1; i >= 0 && used < count; --i, ++used) {
        const double bps = history.at(i).bitsPerSecond();
        if (bps <= 0.0)
            return 0.0;
        inverseSum += 1.0 / bps;
    }
    return used > 0 ? used / inverseSum : 0.0;
}

} // namespace

void BolaAbr::reset()
{
    m_bitrates.clear();
    m_steady = false;
    m_placeholderSeconds = 0.0;
    m_lastRung = 0;
}

void BolaAbr::computeParameters(const AbrContext &context)
{
    m_bitrates = context.bitratesKbps;
    m_utilities.clear();
    for (double bitrate : std::as_const(m_bitrates))
        m_utilities.append(std::log(bitrate / m_bitrates.first()) + 1.0);
    const double bufferTarget = std::max(m_settings.stableBufferSeconds,
                                         m_settings.minimumBufferSeconds
                                             + m_settings.minimumBufferPerRungSeconds * m_bitrates.size());
    m_gp = (m_utilities.last() - 1.0) / (bufferTarget / m_settings.minimumBufferSeconds - 1.0);
    m_vp = m_settings.minimumBufferSeconds / m_gp;
}

int BolaAbr::rungFromBuffer(double bufferSeconds) const
{
    int best = 0;
    double bestScore = 0.0;
    for (int i = 0; i < m_bitrates.size(); ++i) {
        const double score = (m_vp * (m_utilities.at(i) + m_gp) - bufferSeconds) / m_bitrates.at(i);
        if (i == 0 || score >= bestScore) {
            bestScore = score;
            best = i;
        }
    }
    return best;
}

double BolaAbr::minimumBufferForRung(int rung) const
{
    double level = 0.0;
    const double rungBitrate = m_bitrates.at(rung);
    const double rungUtility = m_utilities.at(rung);
    for (int i = rung - 1; i >= 0; --i) {
        if (m_utilities.at(i) < rungUtility) {
            const double b = m_bitrates.at(i);
            const double u = m_utilities.at(i);
            level = std::max(level, m_vp * (m_gp + (rungBitrate * u - b * rungUtility) / (rungBitrate - b)));
        }
    }
    return level;
}

double BolaAbr::maximumBufferForRung(int rung) const
{
    return m_vp * (m_utilities.at(rung) + m_gp);
}

AbrDecision BolaAbr::decide(const AbrContext &context)
{
    if (context.rungCount() <= 1)
        return {0, 0.0};
    if (m_bitrates != context.bitratesKbps)
        computeParameters(context);

    const double safeThroughput = context.history.isEmpty()
        ? context.estimatedBandwidthBps * m_settings.bandwidthSafetyFactor
        : harmonicMeanOfLast(context.history, m_settings.throughputSamples) * m_settings.bandwidthSafetyFactor;

    if (!m_steady && context.bufferSeconds >= context.segmentDurationSeconds)
        m_steady = true;

    if (!m_steady) {
        const int rung = context.highestRungWithin(safeThroughput);
        m_placeholderSeconds = std::max(0.0, minimumBufferForRung(rung) - context.bufferSeconds);
        m_lastRung = rung;
        return {rung, 0.0};
    }

    if (context.rebufferSecondsSinceLastDecision > 0.0)
        m_placeholderSeconds = 0.0; // a stall must not be hidden by the placeholder
    const double effectiveBuffer = context.bufferSeconds + m_placeholderSeconds;
    int rung = rungFromBuffer(effectiveBuffer);
    if (rung > m_lastRung) {
        const int throughputRung = context.highestRungWithin(safeThroughput);
        if (rung > throughputRung)
            rung = std::max(throughputRung, m_lastRung);
    }
    double delay = std::max(0.0, effectiveBuffer - maximumBufferForRung(rung));
    if (delay <= m_placeholderSeconds) {
        m_placeholderSeconds -= delay;
        delay = 0.0;
    } else {
        delay -= m_placeholderSeconds;
        m_placeholderSeconds = 0.0;
    }
    m_lastRung = rung;
    return {rung, delay};
}

} // namespace Kinora::Player
