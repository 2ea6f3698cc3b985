#include "server/storage/database.h"
#include "server/storage/migrationrunner.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace Kinora::Server::Storage;

class tst_Database : public QObject
{
    Q_OBJECT

private:
    static void writeFile(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

    static DatabaseSettings sqliteAt(const QTemporaryDir &dir)
    {
        DatabaseSettings settings;
        settings.sqlitePath = dir.filePath(QStringLiteral("test.sqlite"));
        return settings;
    }

    static QStringList tables(Database &db)
    {
        return db.connection().tables();
    }

private Q_SLOTS:
    void pragmasAreSet()
    {
        QTemporaryDir dir;
        Database db(sqliteAt(dir));
        QString error;
        QSqlDatabase connection = db.connection(&error);
        QVERIFY2(connection.isOpen(), qPrintable(error));
        QSqlQuery query(connection);
        QVERIFY(query.exec(QStringLiteral("PRAGMA journal_mode")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(query.exec(QStringLiteral("PRAGMA foreign_keys")) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(query.exec(QStringLiteral("PRAGMA busy_timeout")) && query.next());
        QCOMPARE(query.value(0).toInt(), 5000);
        QVERIFY(db.ping());
    }

    void builtInMigrationsApplyOnceAndRestartIsIdempotent()
    {
        QTemporaryDir dir;
        {
            Database db(sqliteAt(dir));
            MigrationRunner runner(db);
            QString error;
            const int available = runner.available().size();
            QVERIFY(available >= 1);
            QCOMPARE(runner.run(&error), available);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(runner.currentVersion(), runner.available().constLast().version);
            QVERIFY(tables(db).contains(QStringLiteral("users")));
            QVERIFY(tables(db).contains(QStringLiteral("refresh_tokens")));
        }
        // A second start on the same file applies nothing and keeps one row per version.
        Database db(sqliteAt(dir));
        MigrationRunner runner(db);
        QString error;
        QCOMPARE(runner.run(&error), 0);
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT version) FROM schema_version")) && query.next());
        QCOMPARE(query.value(0).toInt(), runner.available().size());
        QCOMPARE(query.value(1).toInt(), runner.available().size());
    }

    void failingMigrationRollsBack()
    {
        QTemporaryDir dir;
        QTemporaryDir sql;
        writeFile(sql.filePath(QStringLiteral("v1_first.sql")), "CREATE TABLE a (id {{id_pk}}, name TEXT);\nINSERT INTO a (name) VALUES ('x;y');");
        // v2 creates a table, then fails: neither the table nor the version may remain.
        writeFile(sql.filePath(QStringLiteral("v2_broken.sql")), "CREATE TABLE b (id INTEGER);\nINSERT INTO a (nosuchcolumn) VALUES (1);");
        writeFile(sql.filePath(QStringLiteral("v3_later.sql")), "CREATE TABLE c (id INTEGER);");

        Database db(sqliteAt(dir));
        MigrationRunner runner(db, sql.path());
        QString error;
        QCOMPARE(runner.run(&error), -1);
        QVERIFY(error.contains(QStringLiteral("v2_broken")));
        QCOMPARE(runner.currentVersion(), 1);
        QVERIFY(tables(db).contains(QStringLiteral("a")));
        QVERIFY(!tables(db).contains(QStringLiteral("b")));
        QVERIFY(!tables(db).contains(QStringLiteral("c")));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("SELECT name FROM a")) && query.next());
        QCOMPARE(query.value(0).toString(), QStringLiteral("x;y")); // ';' inside quotes did not split

        // Fixing the migration lets the next start continue where it stopped.
        writeFile(sql.filePath(QStringLiteral("v2_broken.sql")), "CREATE TABLE b (id INTEGER);");
        error.clear();
        QCOMPARE(runner.run(&error), 2);
        QCOMPARE(runner.currentVersion(), 3);
        QVERIFY(tables(db).contains(QStringLiteral("b")));
    }

    void dialectSpecificFileWins()
    {
        QTemporaryDir dir;
        QTemporaryDir sql;
        writeFile(sql.filePath(QStringLiteral("v1_x.sql")), "CREATE TABLE generic_table (id INTEGER);");
        writeFile(sql.filePath(QStringLiteral("v1_x.sqlite.sql")), "CREATE TABLE lite_table (id INTEGER);");
        writeFile(sql.filePath(QStringLiteral("v1_x.postgres.sql")), "CREATE TABLE pg_table (id BIGSERIAL);");
        Database db(sqliteAt(dir));
        MigrationRunner runner(db, sql.path());
        QString error;
        const int applied = runner.run(&error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(applied, 1);
        QVERIFY(tables(db).contains(QStringLiteral("lite_table")));
        QVERIFY(!tables(db).contains(QStringLiteral("generic_table")));
        QVERIFY(!tables(db).contains(QStringLiteral("pg_table")));
    }

    void splitStatements()
    {
        const QStringList parts = MigrationRunner::splitStatements(
            QStringLiteral("-- comment; not a statement\nCREATE TABLE t (a TEXT DEFAULT 'a;b');\n\nINSERT INTO t VALUES (\"q;\");"));
        QCOMPARE(parts.size(), 2);
        QVERIFY(parts.at(0).endsWith(QStringLiteral("'a;b')")));
        QVERIFY(parts.at(1).startsWith(QStringLiteral("INSERT")));
    }

    void connectionPerThreadClosedWhenThreadEnds()
    {
        QTemporaryDir dir;
        Database db(sqliteAt(dir));
        QVERIFY(db.ping());
        const QString mainName = db.connection().connectionName();
        const qsizetype before = QSqlDatabase::connectionNames().size();

        QString threadName;
        bool threadPing = false;
        qsizetype during = 0;
        QThread *thread = QThread::create([&] {
            threadPing = db.ping();
            threadName = db.connection().connectionName();
            during = QSqlDatabase::connectionNames().size();
        });
        thread->start();
        QVERIFY(thread->wait(10000));
        delete thread;
        QVERIFY(threadPing);
        QVERIFY(!threadName.isEmpty());
        QVERIFY(threadName != mainName);
        QCOMPARE(during, before + 1);
        QCOMPARE(QSqlDatabase::connectionNames().size(), before); // closed with its thread
        QCOMPARE(db.connection().connectionName(), mainName);     // same connection on the same thread
    }

    void uniqueViolationIsRecognised()
    {
        QTemporaryDir dir;
        Database db(sqliteAt(dir));
        QSqlQuery query(db.connection());
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE u (k TEXT)")));
        QVERIFY(query.exec(QStringLiteral("CREATE UNIQUE INDEX u_k ON u (k)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO u VALUES ('a')")));
        QVERIFY(!query.exec(QStringLiteral("INSERT INTO u VALUES ('a')")));
        QVERIFY(db.isUniqueViolation(query.lastError()));
        QVERIFY(!query.exec(QStringLiteral("INSERT INTO nosuchtable VALUES ('a')")));
        QVERIFY(!db.isUniqueViolation(query.lastError()));
    }

    void unopenableDatabaseReportsError()
    {
        DatabaseSettings settings;
        settings.sqlitePath = QStringLiteral("/proc/no/such/dir/test.sqlite");
        Database db(settings);
        QString error;
        QVERIFY(!db.connection(&error).isOpen());
        QVERIFY(!error.isEmpty());
        MigrationRunner runner(db);
        QCOMPARE(runner.run(&error), -1);
    }
};

QTEST_GUILESS_MAIN(tst_Database)
#include "tst_database.moc"
