#include "server/storage/database.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlQuery>
#include <QThread>

namespace Kinora::Server::Storage {

namespace {
QAtomicInteger<quint64> s_instanceCounter;
QAtomicInteger<quint64> s_connectionCounter;
}

// Owned by the thread through QThreadStorage: deleting it (when the thread
// ends, or when the Database goes away on the owning thread) closes and
// unregisters the connection.
struct Database::ThreadConnection
{
    QString name;
    ~ThreadConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
};

Database::Database(DatabaseSettings settings)
    : m_settings(std::move(settings))
    , m_namePrefix(QStringLiteral("kinora-db-%1-").arg(s_instanceCounter.fetchAndAddRelaxed(1)))
{
}

Database::~Database()
{
    // Closes the connection of the thread that destroys the database (normally
    // the main thread); worker threads close theirs when they finish.
    if (m_connections.hasLocalData())
        m_connections.setLocalData(nullptr);
}

QString Database::dialectName() const
{
    return m_settings.backend == DatabaseSettings::Backend::Postgres ? QStringLiteral("postgres")
                                                                      : QStringLiteral("sqlite");
}

QString Database::beginWriteStatement() const
{
    return m_settings.backend == DatabaseSettings::Backend::Postgres ? QStringLiteral("BEGIN")
                                                                      : QStringLiteral("BEGIN IMMEDIATE");
}

QString Database::migrationLockStatement() const
{
    return m_settings.backend == DatabaseSettings::Backend::Postgres
        ? QStringLiteral("LOCK TABLE schema_version IN SHARE ROW EXCLUSIVE MODE")
        : QString();
}

bool Database::isUniqueViolation(const QSqlError &error) const
{
    if (error.type() == QSqlError::NoError)
        return false;
    const QString code = error.nativeErrorCode();
    if (m_settings.backend == DatabaseSettings::Backend::Postgres)
        return code == QLatin1String("23505");
    // SQLITE_CONSTRAINT_UNIQUE (2067), SQLITE_CONSTRAINT_PRIMARYKEY (1555), or the
    // primary code with the message when extended codes are not reported.
    return code == QLatin1String("2067") || code == QLatin1String("1555")
        || error.databaseText().contains(QLatin1String("UNIQUE constraint failed"));
}

QSqlDatabase Database::connection(QString *error)
{
    if (m_connections.hasLocalData()) {
        QSqlDatabase db = QSqlDatabase::database(m_connections.localData()->name, false);
        if (db.isOpen())
            return db;
    }

    const QString name = m_namePrefix + QString::number(s_connectionCounter.fetchAndAddRelaxed(1));
    const bool postgres = m_settings.backend == DatabaseSettings::Backend::Postgres;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
        if (postgres) {
            db.setHostName(m_settings.host);
            db.setPort(m_settings.port);
            db.setDatabaseName(m_settings.databaseName);
            db.setUserName(m_settings.user);
            db.setPassword(m_settings.password);
        } else {
            db.setDatabaseName(m_settings.sqlitePath);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(m_settings.busyTimeoutMs));
        }
    }
    auto *holder = new ThreadConnection{name};
    m_connections.setLocalData(holder); // replaces (and closes) a stale connection of this thread

    QSqlDatabase db = QSqlDatabase::database(name, false);
    if (!db.isValid() || !db.open()) {
        if (error)
            *error = QCoreApplication::translate("Kinora::Server::Storage::Database", "cannot open the database %1: %2")
                         .arg(postgres ? m_settings.databaseName : m_settings.sqlitePath, db.lastError().text());
        return QSqlDatabase();
    }
    if (!postgres) {
        const QStringList pragmas{
            QStringLiteral("PRAGMA journal_mode=WAL"),
            QStringLiteral("PRAGMA synchronous=NORMAL"),
            QStringLiteral("PRAGMA foreign_keys=ON"),
            QStringLiteral("PRAGMA busy_timeout=%1").arg(m_settings.busyTimeoutMs),
        };
        for (const QString &pragma : pragmas) {
            QSqlQuery query(db);
            if (!query.exec(pragma)) {
                if (error)
                    *error = QCoreApplication::translate("Kinora::Server::Storage::Database", "cannot configure the database (%1): %2")
                                 .arg(pragma, query.lastError().text());
                return QSqlDatabase();
            }
        }
    }
    return db;
}

bool Database::ping(QString *error)
{
    QSqlDatabase db = connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT 1")) || !query.next()) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace Kinora::Server::Storage
