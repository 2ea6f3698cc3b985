#pragma once

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

#include <array>
#include <atomic>

namespace Kinora::Server::Http {

// Thread-safe HTTP counters shared by every worker thread: requests by
// (method, route pattern, status), a latency histogram per route, open
// connections and bytes sent. renderPrometheus() gives the text exposition
// format (version 0.0.4) for a /metrics route.
class HttpMetrics
{
public:
    static constexpr std::array<double, 14> kLatencyBuckets = {
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0};

    void recordRequest(const QByteArray &method, const QString &routePattern, int status, double seconds);
    void connectionOpened();
    void connectionClosed();
    void addBytesSent(qint64 bytes);
    void addBytesReceived(qint64 bytes);

    qint64 requestCount(const QByteArray &method, const QString &routePattern, int status) const;
    qint64 totalRequests() const;
    qint64 openConnections() const { return m_openConnections.load(std::memory_order_relaxed); }
    qint64 bytesSent() const { return m_bytesSent.load(std::memory_order_relaxed); }
    qint64 bytesReceived() const { return m_bytesReceived.load(std::memory_order_relaxed); }

    QByteArray renderPrometheus() const;

private:
    struct Histogram
    {
        std::array<qint64, kLatencyBuckets.size()> buckets{};
        qint64 count = 0;
        double sum = 0;
    };

    mutable QMutex m_mutex;
    QHash<QByteArray, qint64> m_requests; // key: method '\n' route '\n' status
    QHash<QString, Histogram> m_latency;  // key: route pattern
    std::atomic<qint64> m_openConnections{0};
    std::atomic<qint64> m_connectionsTotal{0};
    std::atomic<qint64> m_bytesSent{0};
    std::atomic<qint64> m_bytesReceived{0};
};

} // namespace Kinora::Server::Http
