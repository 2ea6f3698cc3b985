#pragma once

#include <QString>

namespace Kinora::Server::Storage {

// Which database the server talks to and how. SQLite is the embedded default;
// PostgreSQL goes through Qt's QPSQL driver (package libqt6sql6-psql).
struct DatabaseSettings
{
    enum class Backend { Sqlite, Postgres };

    Backend backend = Backend::Sqlite;
    QString sqlitePath;        // file of the SQLite database
    int busyTimeoutMs = 5000;  // how long a writer waits for a lock before failing

    QString host;              // PostgreSQL: host name or Unix socket directory
    int port = 5432;
    QString databaseName;
    QString user;
    QString password;
};

} // namespace Kinora::Server::Storage
