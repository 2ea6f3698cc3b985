#pragma once

#include "core/net/playbacksession.h"
#include "player/ui/playbackreporter.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <optional>

class QTimer;

namespace Kinora::Core {
class PlaybackSessionClient;
}

namespace Kinora::Player {

// Reports playback to the server's sessions API. openSession() opens a
// server session for the video (or adopts the one startSession() opened to
// learn the master URL); the beats the player hands in are kept and the
// latest is sent at the cadence the server asked for. A session the server
// forgot (410) is replaced by a new one; a refused start (429, too many
// streams) is announced with the account's active sessions so that the UI
// can offer to stop one of them (StreamLimitDialog). The client must outlive
// the reporter, which closes its session when destroyed.
class ServerPlaybackReporter : public QObject, public PlaybackReporter
{
    Q_OBJECT

public:
    explicit ServerPlaybackReporter(Core::PlaybackSessionClient *client, QObject *parent = nullptr);
    ~ServerPlaybackReporter() override;

    // This device as the server lists it to the account's other devices.
    void setDevice(const QString &deviceId, const QString &deviceName);
    QString deviceId() const { return m_deviceId; }
    QString deviceName() const { return m_deviceName; }
    // A stable id for this installation (derived from the machine id).
    static QString defaultDeviceId();

    // Opens the session before playback, to learn its master playlist URL (sessionStarted()).
    void startSession(const QString &videoId);
    // Stops another session (one of those streamLimitReached() listed), then opens ours again.
    void stopSessionAndRetry(const QString &otherSessionId);

    QString sessionId() const { return m_sessionId; }
    QString videoId() const { return m_videoId; }
    int heartbeatIntervalMs() const;
    int heartbeatsSent() const { return m_beatsSent; }

    void openSession(const QString &videoId) override;
    void reportStartup(double seconds) override;
    void heartbeat(const PlaybackHeartbeat &beat) override;
    void closeSession(const PlaybackHeartbeat &last) override;

Q_SIGNALS:
    // restarted: the server had expired the previous session of the same playback.
    void sessionStarted(const QString &sessionId, const QUrl &masterUrl, bool restarted);
    void streamLimitReached(const QString &videoId, const QList<Kinora::Core::ActivePlaybackSession> &activeSessions);
    void reportingFailed(const QString &message);

private:
    void onSessionStarted(const Core::PlaybackSession &session);
    void onSessionExpired(const QString &sessionId);
    void onStartRefused(const QString &videoId, const QString &message);
    void sendBeat();
    Core::PlaybackSessionReport reportFrom(const PlaybackHeartbeat &beat) const;

    Core::PlaybackSessionClient *m_client;
    QTimer *m_timer;
    QString m_deviceId;
    QString m_deviceName;
    QString m_videoId;
    QString m_sessionId;
    QUrl m_masterUrl;
    QString m_retryAfterStopping; // the other session being stopped for us
    PlaybackHeartbeat m_lastBeat;
    std::optional<qint64> m_startupMs; // until a beat carrying it was accepted
    bool m_open = false;       // between openSession() and closeSession()
    bool m_starting = false;   // a start request is under way
    bool m_restarting = false; // the start replaces an expired session
    bool m_stopWhenStarted = false;
    bool m_beatInFlight = false;
    bool m_startupInFlight = false;
    int m_restartsWithoutBeat = 0;
    int m_beatsSent = 0;
    double m_heartbeatSeconds = 0.0;
};

} // namespace Kinora::Player
