#pragma once

#include "server/storage/databasesettings.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>
#include <QThreadStorage>

namespace Kinora::Server::Storage {

// Hands every thread its own QSqlDatabase connection (Qt connections must not
// cross threads): opened lazily on first use, configured for the backend
// (SQLite: WAL, foreign keys, busy timeout) and closed when the thread ends.
// Dialect differences live here and in MigrationRunner, never in services.
class Database
{
public:
    explicit Database(DatabaseSettings settings);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // This thread's open connection; invalid (and *error set) when it cannot be opened.
    QSqlDatabase connection(QString *error = nullptr);

    const DatabaseSettings &settings() const { return m_settings; }
    QString dialectName() const; // "sqlite" or "postgres"

    // The statement that starts a transaction that will write. SQLite takes the
    // write lock up front so concurrent writers wait (busy timeout) instead of
    // failing half-way when a read lock cannot be upgraded.
    QString beginWriteStatement() const;

    // Run inside a migration's transaction so that two processes starting on one
    // database apply each migration once; empty when BEGIN already serialises.
    QString migrationLockStatement() const;

    // True when the error is a violated UNIQUE constraint (a duplicate).
    bool isUniqueViolation(const QSqlError &error) const;

    // Runs "SELECT 1" on this thread's connection.
    bool ping(QString *error = nullptr);

private:
    struct ThreadConnection;

    DatabaseSettings m_settings;
    QString m_namePrefix;
    QThreadStorage<ThreadConnection *> m_connections;
};

} // namespace Kinora::Server::Storage
