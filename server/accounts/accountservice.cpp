#include "server/accounts/accountservice.h"

#include "server/storage/database.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <sodium.h>

#include <cmath>

Q_LOGGING_CATEGORY(lcAccounts, "kinora.server.accounts")

namespace Kinora::Server::Accounts {

namespace {
ServiceError error(int status, const char *code, const QString &message, int retryAfter = 0)
{
    return ServiceError{status, QByteArray(code), message, retryAfter};
}

QByteArray newRefreshToken()
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    return QByteArray(reinterpret_cast<const char *>(raw), sizeof raw)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

int secondsUntil(qint64 targetMs, qint64 nowMs)
{
    return qMax(1, int(std::ceil((targetMs - nowMs) / 1000.0)));
}
}

AccountService::AccountService(Storage::Database &database, AccountSettings settings, QByteArray jwtSecret, Clock clock)
    : m_database(database)
    , m_settings(std::move(settings))
    , m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentMSecsSinceEpoch(); }))
    , m_hasher(m_settings.kdfOpsLimit, m_settings.kdfMemLimitKiB)
    , m_tokens(std::move(jwtSecret))
    , m_users(database)
    , m_sessions(database)
    , m_ipLimiter(m_settings.rateIpBurst, m_settings.rateIpPerMinute)
    , m_accountLimiter(m_settings.rateAccountBurst, m_settings.rateAccountPerMinute)
{
}

qint64 AccountService::now() const
{
    return m_clock();
}

QString AccountService::checkUsername(const QString &username) const
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    if (username.size() < m_settings.usernameMinLength || username.size() > m_settings.usernameMaxLength
        || !allowed.match(username).hasMatch())
        return tr("username must be %1 to %2 characters from A-Z, a-z, 0-9, '_', '.' and '-'")
            .arg(m_settings.usernameMinLength)
            .arg(m_settings.usernameMaxLength);
    return {};
}

QString AccountService::checkPassword(const QString &password) const
{
    if (password.size() < m_settings.passwordMinLength)
        return tr("password is too weak: it must have at least %1 characters").arg(m_settings.passwordMinLength);
    if (password.size() > m_settings.passwordMaxLength)
        return tr("password must have at most %1 characters").arg(m_settings.passwordMaxLength);
    return {};
}

ServiceError AccountService::rateLimited(int retryAfterSeconds) const
{
    return error(429, "rate_limited", tr("too many requests; retry in %1 s").arg(retryAfterSeconds), retryAfterSeconds);
}

ServiceError AccountService::invalidToken() const
{
    return error(401, "invalid_token", tr("the token is invalid, expired or revoked"));
}

std::optional<ServiceError> AccountService::checkRate(const QString &clientAddress, const QString &account)
{
    const qint64 t = now();
    if (!clientAddress.isEmpty()) {
        const RateLimiter::Decision decision = m_ipLimiter.take(clientAddress, t);
        if (!decision.allowed)
            return rateLimited(decision.retryAfterSeconds);
    }
    if (!account.isEmpty()) {
        const RateLimiter::Decision decision = m_accountLimiter.take(UserStore::nameKey(account), t);
        if (!decision.allowed)
            return rateLimited(decision.retryAfterSeconds);
    }
    return std::nullopt;
}

ServiceResult<AuthTokens> AccountService::openSession(const User &user)
{
    const qint64 t = now();
    const QByteArray refreshToken = newRefreshToken();
    QString dbError;
    const QString sessionId = m_sessions.createSession(user.id, SessionStore::hashToken(refreshToken), t,
                                                       t + qint64(m_settings.refreshTokenTtlSeconds) * 1000, &dbError);
    if (sessionId.isEmpty())
        return ServiceError::internal(tr("cannot open a session: %1").arg(dbError));
    AuthTokens tokens;
    tokens.user = user;
    tokens.accessToken = m_tokens.issue(user.id, user.role, sessionId, t / 1000, m_settings.accessTokenTtlSeconds);
    tokens.refreshToken = refreshToken;
    tokens.expiresIn = m_settings.accessTokenTtlSeconds;
    return tokens;
}

ServiceResult<User> AccountService::createUser(const QString &username, const QString &password, const QString &displayName, Role role)
{
    if (const QString problem = checkUsername(username); !problem.isEmpty())
        return error(422, "validation_failed", problem);
    if (const QString problem = checkPassword(password); !problem.isEmpty())
        return error(422, "validation_failed", problem);
    if (password.compare(username, Qt::CaseInsensitive) == 0)
        return error(422, "validation_failed", tr("password is too weak: it must differ from the username"));
    const QString name = displayName.trimmed().isEmpty() ? username : displayName.trimmed();
    if (name.size() > m_settings.displayNameMaxLength)
        return error(422, "validation_failed", tr("displayName must have at most %1 characters").arg(m_settings.displayNameMaxLength));

    QString dbError;
    if (m_users.findByName(username, &dbError))
        return error(409, "username_taken", tr("the username %1 is already taken").arg(username));
    if (!dbError.isEmpty())
        return ServiceError::internal(dbError);

    const QByteArray hash = m_hasher.hash(password);
    if (hash.isEmpty())
        return ServiceError::internal(tr("cannot hash the password (out of memory?)"));
    User user;
    user.username = username;
    user.displayName = name;
    user.role = role;
    user.createdAtMs = now();
    switch (m_users.insert(user, hash, &dbError)) {
    case UserStore::InsertOutcome::Inserted:
        return user;
    case UserStore::InsertOutcome::Duplicate:
        return error(409, "username_taken", tr("the username %1 is already taken").arg(username));
    case UserStore::InsertOutcome::Failed:
        break;
    }
    return ServiceError::internal(tr("cannot store the account: %1").arg(dbError));
}

ServiceResult<AuthTokens> AccountService::registerUser(const QString &username, const QString &password,
                                                       const QString &displayName, const QString &clientAddress)
{
    if (!m_settings.registrationEnabled)
        return error(403, "registration_disabled", tr("registration is disabled on this server"));
    if (auto limited = checkRate(clientAddress, {}))
        return *limited;
    ServiceResult<User> created = createUser(username, password, displayName, m_settings.registrationDefaultRole);
    if (!created)
        return created.error();
    return openSession(created.value());
}

ServiceResult<AuthTokens> AccountService::login(const QString &username, const QString &password, const QString &clientAddress)
{
    if (auto limited = checkRate(clientAddress, username))
        return *limited;
    const ServiceError wrong = error(401, "invalid_credentials", tr("wrong username or password"));
    if (password.size() > m_settings.passwordMaxLength || username.size() > m_settings.usernameMaxLength)
        return wrong;

    QString dbError;
    const auto stored = m_users.findByName(username, &dbError);
    if (!stored) {
        if (!dbError.isEmpty())
            return ServiceError::internal(dbError);
        m_hasher.verifyDummy(password);
        return wrong;
    }
    const qint64 t = now();
    if (stored->lockedUntilMs > t) {
        const int wait = secondsUntil(stored->lockedUntilMs, t);
        return error(429, "account_locked", tr("too many failed logins; the account is locked for %1 s").arg(wait), wait);
    }
    if (!m_hasher.verify(stored->passwordHash, password)) {
        const qint64 lockedUntil = m_users.recordFailedLogin(stored->user.id, qMax(1, m_settings.lockoutThreshold),
                                                             qint64(m_settings.lockoutSeconds) * 1000, t, &dbError);
        if (lockedUntil < 0)
            return ServiceError::internal(dbError);
        if (lockedUntil > 0)
            qCWarning(lcAccounts) << "account" << stored->user.username << "locked after" << m_settings.lockoutThreshold
                                  << "failed logins from" << clientAddress;
        return wrong;
    }
    if (stored->failedLogins != 0 || stored->lockedUntilMs != 0)
        m_users.clearFailedLogins(stored->user.id, &dbError);
    if (m_hasher.needsRehash(stored->passwordHash)) {
        const QByteArray rehashed = m_hasher.hash(password);
        if (!rehashed.isEmpty())
            m_users.setPasswordHash(stored->user.id, rehashed, t, &dbError);
    }
    return openSession(stored->user);
}

ServiceResult<AuthTokens> AccountService::refresh(const QByteArray &refreshToken, const QString &clientAddress)
{
    if (auto limited = checkRate(clientAddress, {}))
        return *limited;
    if (refreshToken.isEmpty() || refreshToken.size() > 256)
        return invalidToken();
    QString dbError;
    const auto token = m_sessions.findToken(SessionStore::hashToken(refreshToken), &dbError);
    if (!token) {
        if (!dbError.isEmpty())
            return ServiceError::internal(dbError);
        return invalidToken();
    }
    const qint64 t = now();
    auto revokeFamily = [&] {
        qCWarning(lcAccounts) << "refresh token reuse detected for user" << token->userId << "session" << token->sessionId
                              << "from" << clientAddress << "- revoking the whole token family";
        m_sessions.revokeSession(token->sessionId, QStringLiteral("refresh token reuse"), t, &dbError);
        return invalidToken();
    };
    if (token->sessionRevoked)
        return invalidToken();
    if (token->rotated)
        return revokeFamily();
    if (token->expiresAtMs <= t)
        return invalidToken();
    const auto stored = m_users.findById(token->userId, &dbError);
    if (!stored)
        return dbError.isEmpty() ? invalidToken() : ServiceError::internal(dbError);

    const QByteArray next = newRefreshToken();
    switch (m_sessions.rotate(*token, SessionStore::hashToken(next), t, t + qint64(m_settings.refreshTokenTtlSeconds) * 1000, &dbError)) {
    case SessionStore::RotateOutcome::Rotated:
        break;
    case SessionStore::RotateOutcome::AlreadyRotated:
        return revokeFamily();
    case SessionStore::RotateOutcome::Failed:
        return ServiceError::internal(dbError);
    }
    AuthTokens tokens;
    tokens.user = stored->user;
    tokens.accessToken = m_tokens.issue(stored->user.id, stored->user.role, token->sessionId, t / 1000, m_settings.accessTokenTtlSeconds);
    tokens.refreshToken = next;
    tokens.expiresIn = m_settings.accessTokenTtlSeconds;
    return tokens;
}

ServiceStatus AccountService::logout(const QByteArray &refreshToken)
{
    if (refreshToken.isEmpty() || refreshToken.size() > 256)
        return invalidToken();
    QString dbError;
    const auto token = m_sessions.findToken(SessionStore::hashToken(refreshToken), &dbError);
    if (!token)
        return dbError.isEmpty() ? invalidToken() : ServiceError::internal(dbError);
    if (!m_sessions.revokeSession(token->sessionId, QStringLiteral("logout"), now(), &dbError))
        return ServiceError::internal(dbError);
    return std::monostate{};
}

ServiceStatus AccountService::logoutAll(const Principal &principal)
{
    QString dbError;
    if (!m_sessions.revokeUserSessions(principal.user.id, QString(), QStringLiteral("logout-all"), now(), &dbError))
        return ServiceError::internal(dbError);
    return std::monostate{};
}

ServiceStatus AccountService::changePassword(const Principal &principal, const QString &currentPassword, const QString &newPassword)
{
    QString dbError;
    const auto stored = m_users.findById(principal.user.id, &dbError);
    if (!stored)
        return dbError.isEmpty() ? invalidToken() : ServiceError::internal(dbError);
    if (currentPassword.size() > m_settings.passwordMaxLength || !m_hasher.verify(stored->passwordHash, currentPassword))
        return error(403, "wrong_password", tr("currentPassword is wrong"));
    if (const QString problem = checkPassword(newPassword); !problem.isEmpty())
        return error(422, "validation_failed", tr("newPassword: %1").arg(problem));
    const QByteArray hash = m_hasher.hash(newPassword);
    if (hash.isEmpty())
        return ServiceError::internal(tr("cannot hash the password (out of memory?)"));
    const qint64 t = now();
    if (!m_users.setPasswordHash(principal.user.id, hash, t, &dbError)
        || !m_sessions.revokeUserSessions(principal.user.id, principal.sessionId, QStringLiteral("password changed"), t, &dbError))
        return ServiceError::internal(dbError);
    return std::monostate{};
}

ServiceResult<Principal> AccountService::authenticate(const QByteArray &accessToken)
{
    const qint64 t = now();
    const auto claims = m_tokens.validate(accessToken, t / 1000);
    if (!claims)
        return invalidToken();
    QString dbError;
    const int active = m_sessions.isSessionActive(claims->sessionId, claims->userId, &dbError);
    if (active < 0)
        return ServiceError::internal(dbError);
    if (active == 0)
        return invalidToken();
    const auto stored = m_users.findById(claims->userId, &dbError);
    if (!stored)
        return dbError.isEmpty() ? invalidToken() : ServiceError::internal(dbError);
    return Principal{stored->user, claims->sessionId};
}

ServiceResult<User> AccountService::setRole(qint64 userId, Role role)
{
    QString dbError;
    auto stored = m_users.findById(userId, &dbError);
    if (!stored)
        return dbError.isEmpty() ? error(404, "not_found", tr("no user with id %1").arg(userId)) : ServiceError::internal(dbError);
    if (!m_users.setRole(userId, role, now(), &dbError))
        return ServiceError::internal(dbError);
    stored->user.role = role;
    return stored->user;
}

ServiceResult<User> AccountService::findUserByName(const QString &username)
{
    QString dbError;
    const auto stored = m_users.findByName(username, &dbError);
    if (!stored)
        return dbError.isEmpty() ? error(404, "not_found", tr("no user named %1").arg(username)) : ServiceError::internal(dbError);
    return stored->user;
}

ServiceResult<AccountService::UserPage> AccountService::listUsers(int limit, const QString &cursor)
{
    if (limit < 1 || limit > 200)
        return error(422, "validation_failed", tr("limit must be between 1 and 200"));
    qint64 afterId = 0;
    if (!cursor.isEmpty()) {
        bool ok = false;
        afterId = cursor.toLongLong(&ok);
        if (!ok || afterId < 0)
            return error(422, "validation_failed", tr("cursor is not valid"));
    }
    QString dbError;
    UserPage page;
    page.items = m_users.list(limit + 1, afterId, &dbError);
    if (!dbError.isEmpty())
        return ServiceError::internal(dbError);
    if (page.items.size() > limit) {
        page.items.resize(limit);
        page.nextCursor = QString::number(page.items.constLast().id);
    }
    return page;
}

} // namespace Kinora::Server::Accounts
