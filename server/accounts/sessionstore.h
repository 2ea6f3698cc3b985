#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Kinora::Server::Storage {
class Database;
}

namespace Kinora::Server::Accounts {

// SQL for login sessions and their refresh tokens. A session is one token
// family: every refresh rotates its token inside the same session, and
// revoking the session ends every token of the family (and the access tokens
// that name it). Refresh tokens are stored only as SHA-256 hashes.
class SessionStore
{
public:
    struct TokenRecord
    {
        qint64 id = 0;
        QString sessionId;
        qint64 userId = 0;
        qint64 expiresAtMs = 0;
        bool rotated = false;
        bool sessionRevoked = false;
    };

    enum class RotateOutcome { Rotated, AlreadyRotated, Failed };

    explicit SessionStore(Storage::Database &database);

    // New session with its first token; returns the session id or an empty string.
    QString createSession(qint64 userId, const QByteArray &tokenHash, qint64 nowMs, qint64 expiresAtMs, QString *error);
    std::optional<TokenRecord> findToken(const QByteArray &tokenHash, QString *error) const;
    // Marks the token used and stores its successor, atomically; a token can be rotated only once.
    RotateOutcome rotate(const TokenRecord &token, const QByteArray &newHash, qint64 nowMs, qint64 expiresAtMs, QString *error);
    bool revokeSession(const QString &sessionId, const QString &reason, qint64 nowMs, QString *error);
    // Every session of the user except keepSessionId (empty: all).
    bool revokeUserSessions(qint64 userId, const QString &keepSessionId, const QString &reason, qint64 nowMs, QString *error);
    // 1: active, 0: revoked or unknown, -1: error.
    int isSessionActive(const QString &sessionId, qint64 userId, QString *error) const;

    static QByteArray hashToken(const QByteArray &token); // hex SHA-256

private:
    Storage::Database &m_database;
};

} // namespace Kinora::Server::Accounts
