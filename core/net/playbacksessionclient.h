#pragma once

#include "core/net/apierror.h"
#include "core/net/playbacksession.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

namespace Kinora::Core {

class ApiClient;

// Typed client of the playback sessions API: opens a session for a video on
// this device, sends its heartbeats, closes it, and lists or stops the
// account's sessions. Every call answers through one of the signals, tagged
// with the video or session it concerns. The access token is sent when the
// ApiClient has one (anonymous playback is allowed).
class PlaybackSessionClient : public QObject
{
    Q_OBJECT
public:
    static constexpr int StreamLimitStatus = 429;
    static constexpr int SessionGoneStatus = 410;

    explicit PlaybackSessionClient(ApiClient *api, QObject *parent = nullptr);

    ApiClient *api() const { return m_api; }
    // The master playlist of a session as an absolute URL on the API's server.
    QUrl masterUrl(const PlaybackSession &session) const;

    void startSession(const QString &videoId, const QString &deviceId, const QString &deviceName);
    void sendHeartbeat(const QString &sessionId, const PlaybackSessionReport &report);
    void stopSession(const QString &sessionId);
    // The last heartbeat, then the DELETE once it was answered either way.
    void finishSession(const QString &sessionId, const PlaybackSessionReport &report);
    void listSessions();

Q_SIGNALS:
    void sessionStarted(const Kinora::Core::PlaybackSession &session);
    // 429 stream_limit_reached: the account's concurrent streams are used up by
    // these sessions (empty for anonymous viewers).
    void streamLimitReached(const QString &videoId, const QList<Kinora::Core::ActivePlaybackSession> &activeSessions);
    void startFailed(const QString &videoId, const Kinora::Core::ApiError &error);
    void heartbeatAccepted(const QString &sessionId, const QDateTime &expiresAt);
    // 410: the server forgot the session; a new one has to be started.
    void sessionExpired(const QString &sessionId);
    void heartbeatFailed(const QString &sessionId, const Kinora::Core::ApiError &error);
    void sessionStopped(const QString &sessionId);
    void stopFailed(const QString &sessionId, const Kinora::Core::ApiError &error);
    void sessionsListed(const QList<Kinora::Core::ActivePlaybackSession> &sessions);
    void listFailed(const Kinora::Core::ApiError &error);

private:
    static QString sessionPath(const QString &sessionId);

    ApiClient *m_api;
};

} // namespace Kinora::Core
