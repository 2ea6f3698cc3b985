#include "server/accounts/userstore.h"

#include "server/storage/database.h"
#include "server/storage/writetransaction.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace Kinora::Server::Accounts {

namespace {
const QString s_columns = QStringLiteral("id, username, display_name, role, created_at, password_hash, failed_logins, locked_until");

UserStore::StoredUser readUser(const QSqlQuery &query)
{
    UserStore::StoredUser stored;
    stored.user.id = query.value(0).toLongLong();
    stored.user.username = query.value(1).toString();
    stored.user.displayName = query.value(2).toString();
    stored.user.role = roleFromName(query.value(3).toString()).value_or(Role::Viewer);
    stored.user.createdAtMs = query.value(4).toLongLong();
    stored.passwordHash = query.value(5).toString().toUtf8();
    stored.failedLogins = query.value(6).toInt();
    stored.lockedUntilMs = query.value(7).toLongLong();
    return stored;
}

bool run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}
}

UserStore::UserStore(Storage::Database &database)
    : m_database(database)
{
}

QString UserStore::nameKey(const QString &username)
{
    return username.toLower();
}

UserStore::InsertOutcome UserStore::insert(User &user, const QByteArray &passwordHash, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return InsertOutcome::Failed;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO users (username, username_key, display_name, password_hash, role, created_at, updated_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    query.addBindValue(user.username);
    query.addBindValue(nameKey(user.username));
    query.addBindValue(user.displayName);
    query.addBindValue(QString::fromUtf8(passwordHash));
    query.addBindValue(roleName(user.role));
    query.addBindValue(user.createdAtMs);
    query.addBindValue(user.createdAtMs);
    if (!query.exec()) {
        if (m_database.isUniqueViolation(query.lastError()))
            return InsertOutcome::Duplicate;
        if (error)
            *error = query.lastError().text();
        return InsertOutcome::Failed;
    }
    if (!query.next()) {
        // SQLite reports the constraint while stepping to the RETURNING row.
        if (m_database.isUniqueViolation(query.lastError()))
            return InsertOutcome::Duplicate;
        if (error)
            *error = query.lastError().text().isEmpty() ? QStringLiteral("no id returned") : query.lastError().text();
        return InsertOutcome::Failed;
    }
    user.id = query.value(0).toLongLong();
    return InsertOutcome::Inserted;
}

std::optional<UserStore::StoredUser> UserStore::findByName(const QString &username, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT ") + s_columns + QStringLiteral(" FROM users WHERE username_key = ?"));
    query.addBindValue(nameKey(username));
    if (!run(query, error) || !query.next())
        return std::nullopt;
    return readUser(query);
}

std::optional<UserStore::StoredUser> UserStore::findById(qint64 id, QString *error) const
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT ") + s_columns + QStringLiteral(" FROM users WHERE id = ?"));
    query.addBindValue(id);
    if (!run(query, error) || !query.next())
        return std::nullopt;
    return readUser(query);
}

QList<User> UserStore::list(int limit, qint64 afterId, QString *error) const
{
    QList<User> users;
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return users;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT ") + s_columns + QStringLiteral(" FROM users WHERE id > ? ORDER BY id LIMIT ?"));
    query.addBindValue(afterId);
    query.addBindValue(limit);
    if (!run(query, error))
        return users;
    while (query.next())
        users.append(readUser(query).user);
    return users;
}

qint64 UserStore::recordFailedLogin(qint64 id, int threshold, qint64 lockMs, qint64 nowMs, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return -1;
    Storage::WriteTransaction transaction(m_database, db);
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?"));
    update.addBindValue(id);
    if (!transaction.isActive() || !run(update, error))
        return -1;
    QSqlQuery read(db);
    read.prepare(QStringLiteral("SELECT failed_logins FROM users WHERE id = ?"));
    read.addBindValue(id);
    if (!run(read, error) || !read.next())
        return -1;
    qint64 lockedUntil = 0;
    if (read.value(0).toInt() >= threshold) {
        read.finish();
        lockedUntil = nowMs + lockMs;
        QSqlQuery lock(db);
        lock.prepare(QStringLiteral("UPDATE users SET failed_logins = 0, locked_until = ? WHERE id = ?"));
        lock.addBindValue(lockedUntil);
        lock.addBindValue(id);
        if (!run(lock, error))
            return -1;
    }
    read.finish();
    if (!transaction.commit()) {
        if (error)
            *error = transaction.errorText();
        return -1;
    }
    return lockedUntil;
}

bool UserStore::clearFailedLogins(qint64 id, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE users SET failed_logins = 0, locked_until = 0 WHERE id = ? AND (failed_logins <> 0 OR locked_until <> 0)"));
    query.addBindValue(id);
    return run(query, error);
}

bool UserStore::setPasswordHash(qint64 id, const QByteArray &hash, qint64 nowMs, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(QString::fromUtf8(hash));
    query.addBindValue(nowMs);
    query.addBindValue(id);
    return run(query, error);
}

bool UserStore::setRole(qint64 id, Role role, qint64 nowMs, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE users SET role = ?, updated_at = ? WHERE id = ?"));
    query.addBindValue(roleName(role));
    query.addBindValue(nowMs);
    query.addBindValue(id);
    return run(query, error);
}

} // namespace Kinora::Server::Accounts
