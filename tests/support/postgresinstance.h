#pragma once

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace Kinora::Tests {

// A throwaway PostgreSQL cluster for tests: initdb into a temporary directory,
// a postgres process listening only on a Unix socket in that directory, and
// removal on destruction. Runs the server as the "postgres" user when the test
// runs as root (PostgreSQL refuses root).
class PostgresInstance
{
public:
    PostgresInstance();
    ~PostgresInstance();

    // False (and *error) when PostgreSQL binaries are missing or it does not start.
    bool start(QString *error);
    void stop();

    QString socketDir() const; // host for libpq/QPSQL
    int port() const { return m_port; }
    QString user() const { return QStringLiteral("postgres"); }
    QString databaseName() const { return QStringLiteral("postgres"); }

    static QString binDir(); // where initdb and pg_ctl are, or empty

private:
    bool run(const QString &program, const QStringList &args, QString *output, int timeoutMs) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    int m_port = 0;
    bool m_running = false;
};

} // namespace Kinora::Tests
