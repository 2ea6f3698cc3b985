#pragma once

#include "server/accounts/accesstokencodec.h"
#include "server/accounts/accountsettings.h"
#include "server/accounts/authtokens.h"
#include "server/accounts/passwordhasher.h"
#include "server/accounts/principal.h"
#include "server/accounts/ratelimiter.h"
#include "server/accounts/sessionstore.h"
#include "server/accounts/userstore.h"
#include "server/app/serviceresult.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <functional>

namespace Kinora::Server::Storage {
class Database;
}

namespace Kinora::Server::Accounts {

// Accounts and authentication without any transport: registration, login with
// lockout and rate limits, refresh-token rotation with reuse detection,
// logout, password change, roles. Thread-safe (each thread uses its own
// database connection). Every method returns a value or a ServiceError whose
// status and code the API documents.
class AccountService
{
    Q_DECLARE_TR_FUNCTIONS(AccountService)

public:
    struct UserPage
    {
        QList<User> items;
        QString nextCursor; // empty: last page
    };

    using Clock = std::function<qint64()>; // milliseconds since the epoch

    AccountService(Storage::Database &database, AccountSettings settings, QByteArray jwtSecret, Clock clock = {});

    ServiceResult<AuthTokens> registerUser(const QString &username, const QString &password, const QString &displayName,
                                           const QString &clientAddress);
    ServiceResult<AuthTokens> login(const QString &username, const QString &password, const QString &clientAddress);
    ServiceResult<AuthTokens> refresh(const QByteArray &refreshToken, const QString &clientAddress);
    ServiceStatus logout(const QByteArray &refreshToken);
    ServiceStatus logoutAll(const Principal &principal);
    ServiceStatus changePassword(const Principal &principal, const QString &currentPassword, const QString &newPassword);

    // Validates an access token and loads its user; 401 invalid_token when it does not hold.
    ServiceResult<Principal> authenticate(const QByteArray &accessToken);

    // Administration (also used by the command line).
    ServiceResult<User> createUser(const QString &username, const QString &password, const QString &displayName, Role role);
    ServiceResult<User> setRole(qint64 userId, Role role);
    ServiceResult<User> findUserByName(const QString &username);
    ServiceResult<UserPage> listUsers(int limit, const QString &cursor);

    // Field checks shared with the command line; empty string: valid.
    QString checkUsername(const QString &username) const;
    QString checkPassword(const QString &password) const;

    const AccountSettings &settings() const { return m_settings; }
    const PasswordHasher &passwordHasher() const { return m_hasher; }

private:
    qint64 now() const;
    ServiceResult<AuthTokens> openSession(const User &user);
    ServiceError rateLimited(int retryAfterSeconds) const;
    std::optional<ServiceError> checkRate(const QString &clientAddress, const QString &account);
    ServiceError invalidToken() const;

    Storage::Database &m_database;
    AccountSettings m_settings;
    Clock m_clock;
    PasswordHasher m_hasher;
    AccessTokenCodec m_tokens;
    UserStore m_users;
    SessionStore m_sessions;
    RateLimiter m_ipLimiter;
    RateLimiter m_accountLimiter;
};

} // namespace Kinora::Server::Accounts
