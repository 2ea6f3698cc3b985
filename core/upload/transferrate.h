#pragma once

#include <QElapsedTimer>
#include <QList>

namespace Kinora::Core {

// Throughput over a sliding window of recent progress reports, and the time
// the remaining bytes need at that rate.
class TransferRate
{
public:
    explicit TransferRate(qint64 windowMs = 5000);

    void reset();
    void record(qint64 totalBytes); // bytes done so far
    double bytesPerSecond() const;
    qint64 etaSeconds(qint64 remainingBytes) const; // -1 when unknown

private:
    struct Sample
    {
        qint64 ms;
        qint64 bytes;
    };
    qint64 m_windowMs;
    QElapsedTimer m_clock;
    QList<Sample> m_samples;
};

} // namespace Kinora::Core
