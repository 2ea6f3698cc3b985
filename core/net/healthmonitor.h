#pragma once

#include "core/net/apierror.h"

#include <QObject>
#include <QString>
#include <QTimer>

namespace Kinora::Core {

class ApiClient;

// Watches GET /api/v1/health of the client's server: every few seconds while
// the server is unreachable, and at a slower pace while it answers, so that
// the app can tell the user and recover by itself when the server returns.
class HealthMonitor : public QObject
{
    Q_OBJECT
public:
    explicit HealthMonitor(ApiClient *client, QObject *parent = nullptr);

    enum class State { Unknown, Reachable, Unreachable };
    State state() const { return m_state; }
    QString serverVersion() const { return m_version; }
    ApiError lastError() const { return m_lastError; }

    void setIntervals(int retryMs, int watchMs);
    void start();
    void stop();
    void checkNow();
    // Forgets what is known (the server address changed) and checks again.
    void reset();

Q_SIGNALS:
    void reachable(const QString &version);
    void unreachable(const Kinora::Core::ApiError &error);
    void stateChanged(Kinora::Core::HealthMonitor::State state);

private:
    void setState(State state);

    ApiClient *m_client;
    QTimer m_timer;
    State m_state = State::Unknown;
    QString m_version;
    ApiError m_lastError;
    int m_retryMs = 5000;
    int m_watchMs = 30000;
    quint64 m_generation = 0;
    bool m_running = false;
};

} // namespace Kinora::Core
