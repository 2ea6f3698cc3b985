#include "core/upload/transferrate.h"

#include <cmath>

namespace Kinora::Core {

TransferRate::TransferRate(qint64 windowMs)
    : m_windowMs(windowMs)
{
    m_clock.start();
}

void TransferRate::reset()
{
    m_samples.clear();
    m_clock.restart();
}

void TransferRate::record(qint64 totalBytes)
{
    const qint64 now = m_clock.elapsed();
    if (!m_samples.isEmpty() && totalBytes < m_samples.last().bytes)
        m_samples.clear(); // went back (a retried chunk): start measuring again
    m_samples.append({now, totalBytes});
    while (m_samples.size() > 2 && now - m_samples.at(1).ms > m_windowMs)
        m_samples.removeFirst();
}

double TransferRate::bytesPerSecond() const
{
    if (m_samples.size() < 2)
        return 0.0;
    const Sample &first = m_samples.first();
    const Sample &last = m_samples.last();
    const qint64 ms = last.ms - first.ms;
    if (ms <= 0)
        return 0.0;
    return double(last.bytes - first.bytes) * 1000.0 / double(ms);
}

qint64 TransferRate::etaSeconds(qint64 remainingBytes) const
{
    const double rate = bytesPerSecond();
    if (rate <= 0.0)
        return -1;
    return qint64(std::ceil(double(remainingBytes) / rate));
}

} // namespace Kinora::Core
