#pragma once

#include "server/accounts/role.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Kinora::Server::Accounts {

// Access tokens: JWT signed with HMAC-SHA-256 (HS256). Claims: sub (user id),
// role, sid (login session), iat, exp, jti. Validation accepts only alg HS256,
// checks the signature in constant time, then exp.
class AccessTokenCodec
{
public:
    struct Claims
    {
        qint64 userId = 0;
        Role role = Role::Viewer;
        QString sessionId;
        qint64 issuedAt = 0;  // seconds since the epoch
        qint64 expiresAt = 0; // seconds since the epoch
        QString tokenId;
    };

    explicit AccessTokenCodec(QByteArray secret);

    QByteArray issue(qint64 userId, Role role, const QString &sessionId, qint64 nowSeconds, int ttlSeconds) const;
    // nullopt when malformed, not HS256, wrongly signed or expired; *reason says which.
    std::optional<Claims> validate(const QByteArray &token, qint64 nowSeconds, QString *reason = nullptr) const;

private:
    QByteArray sign(const QByteArray &signingInput) const;

    QByteArray m_secret;
};

} // namespace Kinora::Server::Accounts
