#include "server/app/processmetrics.h"

#include <QDir>
#include <QFile>

#include <sys/resource.h>
#include <unistd.h>

namespace Kinora::Server {

QByteArray ProcessMetrics::renderPrometheus(qint64 startedAtMs)
{
    QByteArray out;
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (statm.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> fields = statm.readAll().split(' ');
        if (fields.size() > 1) {
            const qint64 pageSize = ::sysconf(_SC_PAGESIZE);
            out += "# HELP process_resident_memory_bytes Resident memory size in bytes.\n"
                   "# TYPE process_resident_memory_bytes gauge\n"
                   "process_resident_memory_bytes " + QByteArray::number(fields.at(1).toLongLong() * pageSize) + '\n';
            out += "# HELP process_virtual_memory_bytes Virtual memory size in bytes.\n"
                   "# TYPE process_virtual_memory_bytes gauge\n"
                   "process_virtual_memory_bytes " + QByteArray::number(fields.at(0).toLongLong() * pageSize) + '\n';
        }
    }
    const qsizetype fds = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::Files | QDir::System | QDir::NoDotAndDotDot).size();
    out += "# HELP process_open_fds Number of open file descriptors.\n# TYPE process_open_fds gauge\nprocess_open_fds "
        + QByteArray::number(fds) + '\n';
    struct rusage usage{};
    if (::getrusage(RUSAGE_SELF, &usage) == 0) {
        const double cpu = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
        out += "# HELP process_cpu_seconds_total User and system CPU time spent in seconds.\n"
               "# TYPE process_cpu_seconds_total counter\nprocess_cpu_seconds_total "
            + QByteArray::number(cpu, 'f', 3) + '\n';
    }
    out += "# HELP process_start_time_seconds Start time of the process since the Unix epoch in seconds.\n"
           "# TYPE process_start_time_seconds gauge\nprocess_start_time_seconds "
        + QByteArray::number(double(startedAtMs) / 1000.0, 'f', 3) + '\n';
    return out;
}

} // namespace Kinora::Server
