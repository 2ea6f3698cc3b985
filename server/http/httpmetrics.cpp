#include "server/http/httpmetrics.h"

#include <QList>
#include <QMutexLocker>

#include <algorithm>

namespace Kinora::Server::Http {

namespace {

// Methods outside this set are counted as "OTHER" so a client cannot grow the label set.
QByteArray methodLabel(const QByteArray &method)
{
    static const QList<QByteArray> known = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    return known.contains(method) ? method : QByteArrayLiteral("OTHER");
}

QByteArray requestKey(const QByteArray &method, const QString &route, int status)
{
    return methodLabel(method) + '\n' + route.toUtf8() + '\n' + QByteArray::number(status);
}

QByteArray escapeLabel(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    for (char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray formatDouble(double v)
{
    return QByteArray::number(v, 'g', 12);
}

} // namespace

void HttpMetrics::recordRequest(const QByteArray &method, const QString &routePattern, int status, double seconds)
{
    const QByteArray key = requestKey(method, routePattern, status);
    QMutexLocker lock(&m_mutex);
    ++m_requests[key];
    Histogram &h = m_latency[routePattern];
    for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
        if (seconds <= kLatencyBuckets[i])
            ++h.buckets[i];
    }
    ++h.count;
    h.sum += seconds;
}

void HttpMetrics::connectionOpened()
{
    m_openConnections.fetch_add(1, std::memory_order_relaxed);
    m_connectionsTotal.fetch_add(1, std::memory_order_relaxed);
}

void HttpMetrics::connectionClosed()
{
    m_openConnections.fetch_sub(1, std::memory_order_relaxed);
}

void HttpMetrics::addBytesSent(qint64 bytes)
{
    m_bytesSent.fetch_add(bytes, std::memory_order_relaxed);
}

void HttpMetrics::addBytesReceived(qint64 bytes)
{
    m_bytesReceived.fetch_add(bytes, std::memory_order_relaxed);
}

qint64 HttpMetrics::requestCount(const QByteArray &method, const QString &routePattern, int status) const
{
    QMutexLocker lock(&m_mutex);
    return m_requests.value(requestKey(method, routePattern, status));
}

qint64 HttpMetrics::totalRequests() const
{
    QMutexLocker lock(&m_mutex);
    qint64 total = 0;
    for (qint64 v : m_requests)
        total += v;
    return total;
}

QByteArray HttpMetrics::renderPrometheus() const
{
    QByteArray out;
    QMutexLocker lock(&m_mutex);

    out += "# HELP kinora_http_requests_total HTTP requests answered, by method, route pattern and status.\n"
           "# TYPE kinora_http_requests_total counter\n";
    QList<QByteArray> keys = m_requests.keys();
    std::sort(keys.begin(), keys.end());
    for (const QByteArray &key : keys) {
        const QList<QByteArray> parts = key.split('\n');
        out += "kinora_http_requests_total{method=\"" + escapeLabel(parts.value(0)) + "\",route=\""
               + escapeLabel(parts.value(1)) + "\",status=\"" + parts.value(2) + "\"} "
               + QByteArray::number(m_requests.value(key)) + '\n';
    }

    out += "# HELP kinora_http_request_duration_seconds Time from the end of the request head to the last response byte.\n"
           "# TYPE kinora_http_request_duration_seconds histogram\n";
    QList<QString> routes = m_latency.keys();
    std::sort(routes.begin(), routes.end());
    for (const QString &route : routes) {
        const Histogram &h = m_latency[route];
        const QByteArray label = "route=\"" + escapeLabel(route.toUtf8()) + '"';
        for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
            out += "kinora_http_request_duration_seconds_bucket{" + label + ",le=\"" + formatDouble(kLatencyBuckets[i])
                   + "\"} " + QByteArray::number(h.buckets[i]) + '\n';
        }
        out += "kinora_http_request_duration_seconds_bucket{" + label + ",le=\"+Inf\"} " + QByteArray::number(h.count) + '\n';
        out += "kinora_http_request_duration_seconds_sum{" + label + "} " + formatDouble(h.sum) + '\n';
        out += "kinora_http_request_duration_seconds_count{" + label + "} " + QByteArray::number(h.count) + '\n';
    }
    lock.unlock();

    out += "# HELP kinora_http_open_connections HTTP connections currently open.\n"
           "# TYPE kinora_http_open_connections gauge\n"
           "kinora_http_open_connections " + QByteArray::number(openConnections()) + '\n';
    out += "# HELP kinora_http_connections_total HTTP connections accepted.\n"
           "# TYPE kinora_http_connections_total counter\n"
           "kinora_http_connections_total " + QByteArray::number(m_connectionsTotal.load(std::memory_order_relaxed)) + '\n';
    out += "# HELP kinora_http_response_bytes_total Bytes written to HTTP clients (heads and bodies).\n"
           "# TYPE kinora_http_response_bytes_total counter\n"
           "kinora_http_response_bytes_total " + QByteArray::number(bytesSent()) + '\n';
    out += "# HELP kinora_http_request_bytes_total Bytes read from HTTP clients.\n"
           "# TYPE kinora_http_request_bytes_total counter\n"
           "kinora_http_request_bytes_total " + QByteArray::number(bytesReceived()) + '\n';
    return out;
}

} // namespace Kinora::Server::Http
