#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace Kinora::Player {

// A network throughput trace (time in seconds, throughput in Mbit/s), replayed
// with wrap-around. Sample i holds from its time until the next sample's; the
// last one holds for the mean sample spacing before the trace repeats.
class ThroughputTrace
{
    Q_DECLARE_TR_FUNCTIONS(Kinora::Player::ThroughputTrace)

public:
    // Lines "time<TAB or space>Mbit/s"; blank lines and '#' comments skipped.
    static std::optional<ThroughputTrace> load(const QString &path, QString *error = nullptr);
    static std::optional<ThroughputTrace> fromText(const QByteArray &text, const QString &name,
                                                   QString *error = nullptr);
    static ThroughputTrace constant(double mbps, double seconds = 60.0);
    // Synthetic trace: a mean-reverting random walk of log-throughput around a
    // random level, with occasional deep fades; reproducible from the seed.
    static ThroughputTrace randomWalk(quint64 seed, double seconds = 600.0, double stepSeconds = 1.0);

    QString name() const { return m_name; }
    int sampleCount() const { return int(m_times.size()); }
    double periodSeconds() const { return m_period; }
    double meanMbps() const;

    // Seconds needed to move `bits` starting at trace time `startSeconds`,
    // when only `efficiency` of the link rate carries payload. Infinite if the
    // trace carries nothing.
    double transferSeconds(double startSeconds, double bits, double efficiency = 1.0) const;

private:
    ThroughputTrace() = default;
    bool finalise(QString *error);

    QString m_name;
    QList<double> m_times; // relative to the first sample, ascending
    QList<double> m_mbps;
    double m_period = 0.0;
    double m_bitsPerPeriod = 0.0;
};

} // namespace Kinora::Player
