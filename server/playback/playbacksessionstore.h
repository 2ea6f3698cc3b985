#pragma once

#include "server/playback/playbackheartbeat.h"
#include "server/playback/playbacksession.h"

#include <QList>
#include <QString>

#include <optional>

namespace Kinora::Server::Storage {
class Database;
}

namespace Kinora::Server::Playback {

// The playback_sessions and playback_heartbeats tables. Starting a session
// (expiring stale ones, replacing the same device's session, counting and
// inserting) happens in one write transaction, so two devices starting at
// once cannot both slip under the limit.
class PlaybackSessionStore
{
public:
    enum class StartOutcome { Started, LimitReached, Failed };

    explicit PlaybackSessionStore(Storage::Database &database);

    // limit 0: unlimited. On LimitReached, *active holds the owner's active sessions.
    StartOutcome start(const PlaybackSession &session, int limit, qint64 staleBeforeMs, QList<PlaybackSession> *active,
                       QString *error);
    std::optional<PlaybackSession> find(const QString &id, QString *error);
    QList<PlaybackSession> activeOfUser(qint64 userId, qint64 staleBeforeMs, QString *error);
    // Stores the heartbeat and moves the session on; *countView is true for the
    // session's first heartbeat. False when the session is no longer active.
    bool recordHeartbeat(const QString &sessionId, const QString &videoId, const PlaybackHeartbeat &heartbeat, qint64 nowMs,
                         bool *countView, QString *error);
    bool end(const QString &id, PlaybackSession::State state, qint64 nowMs, QString *error);
    // Marks active sessions without a heartbeat since staleBeforeMs as expired; -1 on error.
    int expireStale(qint64 staleBeforeMs, qint64 nowMs, QString *error);
    // Deletes sessions that ended before the time, with their heartbeats; how many.
    int purgeEndedBefore(qint64 endedBeforeMs, QString *error);

private:
    Storage::Database &m_database;
};

} // namespace Kinora::Server::Playback
