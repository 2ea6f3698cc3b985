#include "core/net/healthmonitor.h"

#include "core/net/apiclient.h"
#include "core/net/apireply.h"

namespace Kinora::Core {

HealthMonitor::HealthMonitor(ApiClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HealthMonitor::checkNow);
}

void HealthMonitor::setIntervals(int retryMs, int watchMs)
{
    m_retryMs = retryMs;
    m_watchMs = watchMs;
}

void HealthMonitor::start()
{
    m_running = true;
    checkNow();
}

void HealthMonitor::stop()
{
    m_running = false;
    ++m_generation;
    m_timer.stop();
}

void HealthMonitor::reset()
{
    ++m_generation;
    setState(State::Unknown);
    m_version.clear();
    m_lastError = ApiError();
    checkNow();
}

void HealthMonitor::checkNow()
{
    // A newer check supersedes one in flight (e.g. the server address changed).
    const quint64 generation = ++m_generation;
    m_timer.stop();
    ApiReply *reply = m_client->get(QStringLiteral("/api/v1/health"));
    connect(reply, &ApiReply::finished, this, [this, reply, generation] {
        if (generation != m_generation)
            return;
        const QString status = reply->json().value(QLatin1String("status")).toString();
        if (reply->isSuccess() && status == QLatin1String("ok")) {
            m_version = reply->json().value(QLatin1String("version")).toString();
            m_lastError = ApiError();
            setState(State::Reachable);
            Q_EMIT reachable(m_version);
        } else {
            m_lastError = reply->error();
            if (reply->isSuccess()) {
                m_lastError.httpStatus = reply->httpStatus();
                m_lastError.code = QStringLiteral("unhealthy");
                m_lastError.message = tr("The server reports a problem: %1").arg(status);
            }
            setState(State::Unreachable);
            Q_EMIT unreachable(m_lastError);
        }
        if (m_running)
            m_timer.start(m_state == State::Reachable ? m_watchMs : m_retryMs);
    });
}

void HealthMonitor::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace Kinora::Core
