#include "server/playback/playbacksessionstore.h"

#include "server/catalog/preparedquery.h"
#include "server/storage/database.h"
#include "server/storage/writetransaction.h"

namespace Kinora::Server::Playback {

namespace {

using Catalog::PreparedQuery;

const QString s_columns = QStringLiteral(
    "id, user_id, client_key, device_id, device_name, video_id, state, started_at, last_heartbeat_at, ended_at, "
    "view_counted, position_ms");

PlaybackSession readSession(const PreparedQuery &q)
{
    PlaybackSession s;
    s.id = q.value(0).toString();
    s.userId = q.value(1).isNull() ? 0 : q.value(1).toLongLong();
    s.clientKey = q.value(2).toString();
    s.deviceId = q.value(3).toString();
    s.deviceName = q.value(4).toString();
    s.videoId = q.value(5).toString();
    s.state = PlaybackSession::stateFromName(q.value(6).toString());
    s.startedAtMs = q.value(7).toLongLong();
    s.lastHeartbeatAtMs = q.value(8).toLongLong();
    s.endedAtMs = q.value(9).isNull() ? 0 : q.value(9).toLongLong();
    s.viewCounted = q.value(10).toLongLong() != 0;
    s.positionMs = q.value(11).toLongLong();
    return s;
}

// Sessions of one owner: a user, or an anonymous client address.
QString ownerClause(const PlaybackSession &session, QVariantList *values)
{
    if (session.userId > 0) {
        values->append(session.userId);
        return QStringLiteral("user_id = ?");
    }
    values->append(session.clientKey);
    return QStringLiteral("user_id IS NULL AND client_key = ?");
}

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

PlaybackSessionStore::PlaybackSessionStore(Storage::Database &database)
    : m_database(database)
{
}

PlaybackSessionStore::StartOutcome PlaybackSessionStore::start(const PlaybackSession &session, int limit, qint64 staleBeforeMs,
                                                               QList<PlaybackSession> *active, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return StartOutcome::Failed;
    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive()) {
        *error = transaction.errorText();
        return StartOutcome::Failed;
    }
    QVariantList owner;
    const QString where = ownerClause(session, &owner);
    const qint64 now = session.startedAtMs;

    PreparedQuery stale(db, QStringLiteral("UPDATE playback_sessions SET state = 'expired', ended_at = ? "
                                           "WHERE state = 'active' AND last_heartbeat_at < ? AND ") + where,
                        QVariantList{now, staleBeforeMs} + owner);
    // A device that starts again gives up its previous session instead of counting twice.
    PreparedQuery replaced(db, QStringLiteral("UPDATE playback_sessions SET state = 'replaced', ended_at = ? "
                                              "WHERE state = 'active' AND device_id = ? AND ") + where,
                           QVariantList{now, session.deviceId} + owner);
    if (!stale.exec() || !replaced.exec()) {
        *error = stale.errorText().isEmpty() ? replaced.errorText() : stale.errorText();
        return StartOutcome::Failed;
    }
    if (limit > 0) {
        PreparedQuery list(db, QStringLiteral("SELECT ") + s_columns
                                   + QStringLiteral(" FROM playback_sessions WHERE state = 'active' AND ") + where
                                   + QStringLiteral(" ORDER BY started_at, id"),
                           owner);
        if (!list.exec()) {
            *error = list.errorText();
            return StartOutcome::Failed;
        }
        active->clear();
        while (list.next())
            active->append(readSession(list));
        list.query().finish();
        if (active->size() >= limit) {
            if (!transaction.commit()) { // keep the expiries
                *error = transaction.errorText();
                return StartOutcome::Failed;
            }
            return StartOutcome::LimitReached;
        }
    }
    PreparedQuery insert(db, QStringLiteral("INSERT INTO playback_sessions (") + s_columns
                                 + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?, NULL, 0, 0)"),
                         {session.id, nullableId(session.userId), text(session.clientKey), session.deviceId,
                          text(session.deviceName), session.videoId, session.startedAtMs, session.lastHeartbeatAtMs});
    if (!insert.exec()) {
        *error = insert.errorText();
        return StartOutcome::Failed;
    }
    if (!transaction.commit()) {
        *error = transaction.errorText();
        return StartOutcome::Failed;
    }
    return StartOutcome::Started;
}

std::optional<PlaybackSession> PlaybackSessionStore::find(const QString &id, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;
    PreparedQuery q(db, QStringLiteral("SELECT ") + s_columns + QStringLiteral(" FROM playback_sessions WHERE id = ?"), {id});
    if (!q.exec()) {
        *error = q.errorText();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return readSession(q);
}

QList<PlaybackSession> PlaybackSessionStore::activeOfUser(qint64 userId, qint64 staleBeforeMs, QString *error)
{
    QList<PlaybackSession> sessions;
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return sessions;
    PreparedQuery q(db, QStringLiteral("SELECT ") + s_columns
                            + QStringLiteral(" FROM playback_sessions WHERE user_id = ? AND state = 'active' "
                                             "AND last_heartbeat_at >= ? ORDER BY started_at, id"),
                    {userId, staleBeforeMs});
    if (!q.exec()) {
        *error = q.errorText();
        return sessions;
    }
    while (q.next())
        sessions.append(readSession(q));
    return sessions;
}

bool PlaybackSessionStore::recordHeartbeat(const QString &sessionId, const QString &videoId, const PlaybackHeartbeat &h,
                                           qint64 nowMs, bool *countView, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive()) {
        *error = transaction.errorText();
        return false;
    }
    PreparedQuery current(db, QStringLiteral("SELECT view_counted FROM playback_sessions WHERE id = ? AND state = 'active'"),
                          {sessionId});
    if (!current.exec()) {
        *error = current.errorText();
        return false;
    }
    if (!current.next())
        return false;
    *countView = current.value(0).toLongLong() == 0;
    current.query().finish();
    PreparedQuery update(db, QStringLiteral("UPDATE playback_sessions SET last_heartbeat_at = ?, position_ms = ?, "
                                            "view_counted = 1 WHERE id = ?"),
                         {nowMs, h.positionMs, sessionId});
    PreparedQuery insert(db, QStringLiteral("INSERT INTO playback_heartbeats (session_id, video_id, received_at, position_ms, "
                                            "rendition, bitrate, buffer_ms, stalls, stall_ms, bandwidth_bps, dropped_frames, "
                                            "startup_ms, rung_switches) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                         {sessionId, videoId, nowMs, h.positionMs, h.rendition, h.bitrate, h.bufferMs, h.stalls, h.stallMs,
                          h.bandwidthBps, h.droppedFrames,
                          h.startupMs ? QVariant(*h.startupMs) : QVariant(QMetaType::fromType<qint64>()), h.rungSwitches});
    if (!update.exec() || !insert.exec()) {
        *error = update.errorText().isEmpty() ? insert.errorText() : update.errorText();
        return false;
    }
    if (!transaction.commit()) {
        *error = transaction.errorText();
        return false;
    }
    return true;
}

bool PlaybackSessionStore::end(const QString &id, PlaybackSession::State state, qint64 nowMs, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    PreparedQuery q(db, QStringLiteral("UPDATE playback_sessions SET state = ?, ended_at = ? WHERE id = ? AND state = 'active'"),
                    {PlaybackSession::stateName(state), nowMs, id});
    if (!q.exec()) {
        *error = q.errorText();
        return false;
    }
    return true;
}

int PlaybackSessionStore::expireStale(qint64 staleBeforeMs, qint64 nowMs, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return -1;
    PreparedQuery q(db, QStringLiteral("UPDATE playback_sessions SET state = 'expired', ended_at = ? "
                                       "WHERE state = 'active' AND last_heartbeat_at < ?"),
                    {nowMs, staleBeforeMs});
    if (!q.exec()) {
        *error = q.errorText();
        return -1;
    }
    return q.numRowsAffected();
}

int PlaybackSessionStore::purgeEndedBefore(qint64 endedBeforeMs, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return -1;
    // Heartbeats go with their session (ON DELETE CASCADE); deleted explicitly
    // too, so that it does not depend on SQLite's foreign_keys pragma.
    PreparedQuery beats(db, QStringLiteral("DELETE FROM playback_heartbeats WHERE session_id IN (SELECT id FROM playback_sessions "
                                           "WHERE state <> 'active' AND ended_at IS NOT NULL AND ended_at < ?)"),
                        {endedBeforeMs});
    if (!beats.exec()) {
        *error = beats.errorText();
        return -1;
    }
    PreparedQuery q(db, QStringLiteral("DELETE FROM playback_sessions WHERE state <> 'active' AND ended_at IS NOT NULL AND ended_at < ?"),
                    {endedBeforeMs});
    if (!q.exec()) {
        *error = q.errorText();
        return -1;
    }
    return q.numRowsAffected();
}

} // namespace Kinora::Server::Playback
