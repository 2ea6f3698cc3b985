#include "server/accounts/sessionstore.h"

#include "server/storage/database.h"
#include "server/storage/writetransaction.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>

#include <sodium.h>

namespace Kinora::Server::Accounts {

namespace {
bool run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

bool insertToken(QSqlDatabase &db, const QString &sessionId, const QByteArray &hash, qint64 nowMs, qint64 expiresAtMs, QString *error)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO refresh_tokens (session_id, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?)"));
    query.addBindValue(sessionId);
    query.addBindValue(QString::fromLatin1(hash));
    query.addBindValue(nowMs);
    query.addBindValue(expiresAtMs);
    return run(query, error);
}
}

SessionStore::SessionStore(Storage::Database &database)
    : m_database(database)
{
}

QByteArray SessionStore::hashToken(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256).toHex();
}

QString SessionStore::createSession(qint64 userId, const QByteArray &tokenHash, qint64 nowMs, qint64 expiresAtMs, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return {};
    unsigned char raw[16];
    randombytes_buf(raw, sizeof raw);
    const QString sessionId = QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(raw), sizeof raw).toHex());

    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive()) {
        if (error)
            *error = transaction.errorText();
        return {};
    }
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO sessions (id, user_id, created_at) VALUES (?, ?, ?)"));
    query.addBindValue(sessionId);
    query.addBindValue(userId);
    query.addBindValue(nowMs);
    if (!run(query, error) || !insertToken(db, sessionId, tokenHash, nowMs, expiresAtMs, error))
        return {};
    if (!transaction.commit()) {
        if (error)
            *error = transaction.errorText();
        return {};
    }
    return sessionId;
}

std::optional<SessionStore::TokenRecord> SessionStore::findToken(const QByteArray &tokenHash, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT t.id, t.session_id, s.user_id, t.expires_at, t.rotated_at, s.revoked_at "
                                 "FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE t.token_hash = ?"));
    query.addBindValue(QString::fromLatin1(tokenHash));
    if (!run(query, error) || !query.next())
        return std::nullopt;
    TokenRecord record;
    record.id = query.value(0).toLongLong();
    record.sessionId = query.value(1).toString();
    record.userId = query.value(2).toLongLong();
    record.expiresAtMs = query.value(3).toLongLong();
    record.rotated = !query.value(4).isNull();
    record.sessionRevoked = !query.value(5).isNull();
    return record;
}

SessionStore::RotateOutcome SessionStore::rotate(const TokenRecord &token, const QByteArray &newHash, qint64 nowMs,
                                                 qint64 expiresAtMs, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return RotateOutcome::Failed;
    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive()) {
        if (error)
            *error = transaction.errorText();
        return RotateOutcome::Failed;
    }
    QSqlQuery mark(db);
    mark.prepare(QStringLiteral("UPDATE refresh_tokens SET rotated_at = ? WHERE id = ? AND rotated_at IS NULL"));
    mark.addBindValue(nowMs);
    mark.addBindValue(token.id);
    if (!run(mark, error))
        return RotateOutcome::Failed;
    if (mark.numRowsAffected() != 1)
        return RotateOutcome::AlreadyRotated; // a concurrent refresh won
    if (!insertToken(db, token.sessionId, newHash, nowMs, expiresAtMs, error))
        return RotateOutcome::Failed;
    if (!transaction.commit()) {
        if (error)
            *error = transaction.errorText();
        return RotateOutcome::Failed;
    }
    return RotateOutcome::Rotated;
}

bool SessionStore::revokeSession(const QString &sessionId, const QString &reason, qint64 nowMs, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL"));
    query.addBindValue(nowMs);
    query.addBindValue(reason);
    query.addBindValue(sessionId);
    return run(query, error);
}

bool SessionStore::revokeUserSessions(qint64 userId, const QString &keepSessionId, const QString &reason, qint64 nowMs, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery query(db);
    // A NULL bound to "id <> ?" would match nothing, so "keep none" is its own statement.
    query.prepare(keepSessionId.isEmpty()
                      ? QStringLiteral("UPDATE sessions SET revoked_at = ?, revoke_reason = ? WHERE user_id = ? AND revoked_at IS NULL")
                      : QStringLiteral("UPDATE sessions SET revoked_at = ?, revoke_reason = ? "
                                       "WHERE user_id = ? AND id <> ? AND revoked_at IS NULL"));
    query.addBindValue(nowMs);
    query.addBindValue(reason);
    query.addBindValue(userId);
    if (!keepSessionId.isEmpty())
        query.addBindValue(keepSessionId);
    return run(query, error);
}

int SessionStore::isSessionActive(const QString &sessionId, qint64 userId, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return -1;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT revoked_at FROM sessions WHERE id = ? AND user_id = ?"));
    query.addBindValue(sessionId);
    query.addBindValue(userId);
    if (!run(query, error))
        return -1;
    return query.next() && query.value(0).isNull() ? 1 : 0;
}

} // namespace Kinora::Server::Accounts
