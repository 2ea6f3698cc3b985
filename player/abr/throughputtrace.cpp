#include "player/abr/throughputtrace.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

namespace Kinora::Player {

std::optional<ThroughputTrace> ThroughputTrace::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("cannot open trace %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return fromText(file.readAll(), QFileInfo(path).fileName(), error);
}

std::optional<ThroughputTrace> ThroughputTrace::fromText(const QByteArray &text, const QString &name, QString *error)
{
    ThroughputTrace trace;
    trace.m_name = name;
    const QList<QByteArray> lines = text.split('\n');
    double firstTime = 0.0;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> fields = line.simplified().split(' ');
        bool okTime = false;
        bool okRate = false;
        const double time = fields.size() == 2 ? fields.at(0).toDouble(&okTime) : 0.0;
        const double rate = fields.size() == 2 ? fields.at(1).toDouble(&okRate) : 0.0;
        if (!okTime || !okRate || rate < 0.0 || !std::isfinite(time) || !std::isfinite(rate)) {
            if (error)
                *error = tr("%1: line %2 is not \"seconds<TAB>Mbit/s\"").arg(name).arg(i + 1);
            return std::nullopt;
        }
        if (trace.m_times.isEmpty())
            firstTime = time;
        const double relative = time - firstTime;
        if (!trace.m_times.isEmpty() && relative <= trace.m_times.last()) {
            if (error)
                *error = tr("%1: line %2: time does not increase").arg(name).arg(i + 1);
            return std::nullopt;
        }
        trace.m_times.append(relative);
        trace.m_mbps.append(rate);
    }
    if (!trace.finalise(error))
        return std::nullopt;
    return trace;
}

bool ThroughputTrace::finalise(QString *error)
{
    if (m_times.size() < 2) {
        if (error)
            *error = tr("%1: a trace needs at least two samples").arg(m_name);
        return false;
    }
    const double meanSpacing = m_times.last() / double(m_times.size() - 1);
    m_period = m_times.last() + meanSpacing;
    m_bitsPerPeriod = 0.0;
    for (qsizetype i = 0; i < m_times.size(); ++i) {
        const double end = i + 1 < m_times.size() ? m_times.at(i + 1) : m_period;
        m_bitsPerPeriod += (end - m_times.at(i)) * m_mbps.at(i) * 1e6;
    }
    return true;
}

ThroughputTrace ThroughputTrace::constant(double mbps, double seconds)
{
    ThroughputTrace trace;
    trace.m_name = QStringLiteral("constant-%1mbps").arg(mbps);
    trace.m_times = {0.0, seconds / 2.0};
    trace.m_mbps = {mbps, mbps};
    trace.finalise(nullptr);
    return trace;
}

ThroughputTrace ThroughputTrace::randomWalk(quint64 seed, double seconds, double stepSeconds)
{
    std::mt19937_64 random(seed);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::normal_distribution<double> normal(0.0, 1.0);

    // A level between 0.4 and 5 Mbit/s (log-uniform), a volatility and a fade rate per trace.
    const double level = std::log(0.4) + uniform(random) * (std::log(5.0) - std::log(0.4));
    const double volatility = 0.08 + 0.25 * uniform(random);
    const double reversion = 0.05 + 0.15 * uniform(random);
    const double fadeProbability = 0.01 + 0.04 * uniform(random);

    ThroughputTrace trace;
    trace.m_name = QStringLiteral("walk-%1").arg(seed);
    double logRate = level;
    int fadeLeft = 0;
    double fadeDepth = 1.0;
    const int steps = std::max(2, int(seconds / stepSeconds));
    for (int i = 0; i < steps; ++i) {
        logRate += reversion * (level - logRate) + volatility * normal(random);
        if (fadeLeft == 0 && uniform(random) < fadeProbability) {
            fadeLeft = 2 + int(uniform(random) * 8.0);
            fadeDepth = 0.05 + 0.35 * uniform(random);
        }
        double rate = std::exp(logRate);
        if (fadeLeft > 0) {
            rate *= fadeDepth;
            --fadeLeft;
        }
        trace.m_times.append(i * stepSeconds);
        trace.m_mbps.append(std::clamp(rate, 0.02, 50.0));
    }
    trace.finalise(nullptr);
    return trace;
}

double ThroughputTrace::meanMbps() const
{
    return m_period > 0.0 ? m_bitsPerPeriod / m_period / 1e6 : 0.0;
}

double ThroughputTrace::transferSeconds(double startSeconds, double bits, double efficiency) const
{
    if (bits <= 0.0)
        return 0.0;
    if (m_bitsPerPeriod * efficiency <= 0.0)
        return std::numeric_limits<double>::infinity();
    double position = std::fmod(std::max(startSeconds, 0.0), m_period);
    qsizetype index = std::upper_bound(m_times.cbegin(), m_times.cend(), position) - m_times.cbegin() - 1;
    index = std::clamp<qsizetype>(index, 0, m_times.size() - 1);

    // Whole periods first, so long stalls on a slow trace cost no loop time.
    const double payloadPerPeriod = m_bitsPerPeriod * efficiency;
    double elapsed = 0.0;
    double remaining = bits;
    const double wholePeriods = std::floor(remaining / payloadPerPeriod);
    if (wholePeriods >= 1.0) {
        elapsed += wholePeriods * m_period;
        remaining -= wholePeriods * payloadPerPeriod;
    }
    // At most one more wrap of the trace is needed now.
    for (qsizetype step = 0; step <= 2 * m_times.size() + 2; ++step) {
        const double end = index + 1 < m_times.size() ? m_times.at(index + 1) : m_period;
        const double rate = m_mbps.at(index) * 1e6 * efficiency;
        const double available = (end - position) * rate;
        if (available >= remaining && rate > 0.0)
            return elapsed + remaining / rate;
        remaining -= available;
        elapsed += end - position;
        position = end;
        if (++index >= m_times.size()) {
            index = 0;
            position = 0.0;
        }
    }
    return elapsed; // numerically exhausted; the remainder is below rounding
}

} // namespace Kinora::Player
