#pragma once

#include <QByteArray>

namespace Kinora::Server {

// Prometheus gauges about the running process (resident memory, open file
// descriptors, CPU seconds, start time), read from /proc/self.
class ProcessMetrics
{
public:
    static QByteArray renderPrometheus(qint64 startedAtMs);
};

} // namespace Kinora::Server
