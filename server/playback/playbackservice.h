#pragma once

#include "server/accounts/ratelimiter.h"
#include "server/app/serviceresult.h"
#include "server/catalog/viewer.h"
#include "server/delivery/mediadelivery.h"
#include "server/playback/playbackheartbeat.h"
#include "server/playback/playbacksession.h"
#include "server/playback/playbacksessionstore.h"
#include "server/playback/playbacksettings.h"

#include <QObject>
#include <QTimer>

namespace Kinora::Server::Storage {
class Database;
}
namespace Kinora::Server::Catalog {
class VideoService;
}
namespace Kinora::Server::Social {
class HistoryService;
}

namespace Kinora::Server::Playback {

// Playback sessions without HTTP: a viewer who may see a ready video opens a
// session (within the concurrent-stream limit of their role, or of their
// client address when anonymous) and gets the media links; heartbeats keep it
// alive, are stored for analytics, count one view per session and move the
// watch position; a session without a heartbeat for playback.sessionTimeout
// seconds expires (periodic sweep, and a check on every access).
class PlaybackService : public QObject
{
    Q_OBJECT

public:
    struct Start
    {
        QString videoId;
        QString deviceId;
        QString deviceName;
        QString clientAddress; // counts anonymous sessions
    };

    struct Started
    {
        PlaybackSession session;
        Delivery::MediaLinks links;
        qint64 expiresAtMs = 0; // the next heartbeat is due before this
    };

    // A refusal; for 429 stream_limit_reached, the sessions holding the slots.
    struct StartRefusal
    {
        ServiceError error;
        QList<PlaybackSession> activeSessions;
    };

    PlaybackService(Storage::Database &database, PlaybackSettings settings, Catalog::VideoService &videos,
                    Social::HistoryService &history, Delivery::MediaDelivery &delivery, QObject *parent = nullptr);

    const PlaybackSettings &settings() const { return m_settings; }

    // Begins the periodic expiry sweep; call on a thread with an event loop.
    void start();

    // nullopt refusal means success (*started filled).
    std::optional<StartRefusal> startSession(const Catalog::Viewer &viewer, const Start &request, Started *started);
    // 410 session_expired when unknown or no longer active, 404 when another user's.
    ServiceResult<qint64> heartbeat(const Catalog::Viewer &viewer, const QString &sessionId, const PlaybackHeartbeat &beat);
    ServiceStatus stop(const Catalog::Viewer &viewer, const QString &sessionId);
    ServiceResult<QList<PlaybackSession>> activeSessions(const Catalog::Viewer &viewer);
    // Marks stale sessions expired; returns how many.
    int expireStale();

private:
    qint64 staleBefore(qint64 nowMs) const { return nowMs - qint64(m_settings.sessionTimeoutSeconds) * 1000; }
    static bool mayUse(const PlaybackSession &session, const Catalog::Viewer &viewer);
    static QString newId();

    PlaybackSettings m_settings;
    Catalog::VideoService &m_videos;
    Social::HistoryService &m_history;
    Delivery::MediaDelivery &m_delivery;
    PlaybackSessionStore m_store;
    Accounts::RateLimiter m_startLimiter;
    QTimer m_sweepTimer;
    qint64 m_lastPurgeMs = 0; // old sessions are deleted at most once an hour
};

} // namespace Kinora::Server::Playback
