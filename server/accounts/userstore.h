#pragma once

#include "server/accounts/user.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace Kinora::Server::Storage {
class Database;
}

namespace Kinora::Server::Accounts {

// SQL for the users table. Names are unique case-insensitively through the
// username_key column (lower-cased name) and its unique index.
class UserStore
{
public:
    struct StoredUser
    {
        User user;
        QByteArray passwordHash;
        int failedLogins = 0;
        qint64 lockedUntilMs = 0;
    };

    enum class InsertOutcome { Inserted, Duplicate, Failed };

    explicit UserStore(Storage::Database &database);

    InsertOutcome insert(User &user, const QByteArray &passwordHash, QString *error);
    std::optional<StoredUser> findByName(const QString &username, QString *error) const;
    std::optional<StoredUser> findById(qint64 id, QString *error) const;
    QList<User> list(int limit, qint64 afterId, QString *error) const;

    // Counts one failed login; locks the account (and restarts the count) when
    // it reaches threshold. Returns locked_until (0: not locked) or -1 on error.
    qint64 recordFailedLogin(qint64 id, int threshold, qint64 lockMs, qint64 nowMs, QString *error);
    bool clearFailedLogins(qint64 id, QString *error);
    bool setPasswordHash(qint64 id, const QByteArray &hash, qint64 nowMs, QString *error);
    bool setRole(qint64 id, Role role, qint64 nowMs, QString *error);

    static QString nameKey(const QString &username);

private:
    Storage::Database &m_database;
};

} // namespace Kinora::Server::Accounts
