// PlaybackSessionStore on SQLite and PostgreSQL (the v5 migration and every
// statement of the store): limits with same-device replacement, anonymous
// owners, heartbeats counted once, ending and expiry.
#include "server/playback/playbacksessionstore.h"
#include "server/storage/database.h"
#include "server/storage/migrationrunner.h"
#include "tests/support/postgresinstance.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Kinora::Server;
using Playback::PlaybackHeartbeat;
using Playback::PlaybackSession;
using Playback::PlaybackSessionStore;

class tst_PlaybackSessionStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Kinora::Tests::PostgresInstance m_postgres;
    bool m_havePostgres = false;
    std::unique_ptr<Storage::Database> m_sqlite;
    std::unique_ptr<Storage::Database> m_pg;

    Storage::Database *database()
    {
        QFETCH_GLOBAL(QString, backend);
        return backend == QLatin1String("postgres") ? m_pg.get() : m_sqlite.get();
    }

    static bool exec(Storage::Database &db, const QString &sql)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(sql)) {
            qWarning() << sql << q.lastError().text();
            return false;
        }
        return true;
    }

    static bool prepare(Storage::Database &db)
    {
        Storage::MigrationRunner runner(db);
        QString error;
        if (runner.run(&error) < 0) {
            qWarning() << error;
            return false;
        }
        return exec(db, QStringLiteral("INSERT INTO users (username, username_key, display_name, password_hash, role, created_at, updated_at) "
                                       "VALUES ('u1', 'u1', 'U1', 'x', 'viewer', 1, 1), ('u2', 'u2', 'U2', 'x', 'viewer', 1, 1)"))
            && exec(db, QStringLiteral("INSERT INTO channels (owner_id, name, created_at) VALUES (1, 'c', 1)"))
            && exec(db, QStringLiteral("INSERT INTO videos (id, owner_id, channel_id, title, visibility, state, created_at, updated_at) "
                                       "VALUES ('vid_0000001', 1, 1, 't', 'public', 'ready', 1, 1)"));
    }

    static PlaybackSession session(const QString &id, qint64 userId, const QString &device, qint64 nowMs,
                                   const QString &clientKey = {})
    {
        PlaybackSession s;
        s.id = id;
        s.userId = userId;
        s.clientKey = clientKey;
        s.deviceId = device;
        s.deviceName = device.toUpper();
        s.videoId = QStringLiteral("vid_0000001");
        s.startedAtMs = nowMs;
        s.lastHeartbeatAtMs = nowMs;
        return s;
    }

    static PlaybackHeartbeat beat(qint64 position)
    {
        PlaybackHeartbeat h;
        h.positionMs = position;
        h.rendition = QStringLiteral("360p");
        h.bitrate = 800000;
        h.bufferMs = 5000;
        h.bandwidthBps = 4000000;
        return h;
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgres") << QStringLiteral("postgres");
    }

    void initTestCase()
    {
        Storage::DatabaseSettings sqlite;
        sqlite.sqlitePath = m_dir.filePath(QStringLiteral("store.sqlite"));
        m_sqlite = std::make_unique<Storage::Database>(sqlite);
        QVERIFY(prepare(*m_sqlite));
        QString error;
        m_havePostgres = QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")) && !Kinora::Tests::PostgresInstance::binDir().isEmpty()
            && m_postgres.start(&error);
        if (m_havePostgres) {
            Storage::DatabaseSettings pg;
            pg.backend = Storage::DatabaseSettings::Backend::Postgres;
            pg.host = m_postgres.socketDir();
            pg.port = m_postgres.port();
            pg.databaseName = m_postgres.databaseName();
            pg.user = m_postgres.user();
            m_pg = std::make_unique<Storage::Database>(pg);
            QVERIFY(prepare(*m_pg));
        }
    }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend == QLatin1String("postgres") && !m_havePostgres)
            QSKIP("PostgreSQL (server binaries and the QPSQL driver) is not available");
    }

    void cleanupTestCase()
    {
        m_pg.reset();
        m_sqlite.reset();
        m_postgres.stop();
    }

    void limitReplacementAndEnd()
    {
        PlaybackSessionStore store(*database());
        QString error;
        QList<PlaybackSession> active;
        const qint64 t = 1'000'000;
        QCOMPARE(store.start(session(QStringLiteral("a1"), 1, QStringLiteral("tv"), t), 2, 0, &active, &error),
                 PlaybackSessionStore::StartOutcome::Started);
        QCOMPARE(store.start(session(QStringLiteral("a2"), 1, QStringLiteral("phone"), t + 1), 2, 0, &active, &error),
                 PlaybackSessionStore::StartOutcome::Started);
        QCOMPARE(store.start(session(QStringLiteral("a3"), 1, QStringLiteral("laptop"), t + 2), 2, 0, &active, &error),
                 PlaybackSessionStore::StartOutcome::LimitReached);
        QCOMPARE(active.size(), 2);
        QCOMPARE(active.at(0).deviceId, QStringLiteral("tv"));
        QCOMPARE(active.at(1).deviceName, QStringLiteral("PHONE"));
        // Another user is not affected; the same device replaces its session.
        QCOMPARE(store.start(session(QStringLiteral("b1"), 2, QStringLiteral("tv"), t), 2, 0, &active, &error),
                 PlaybackSessionStore::StartOutcome::Started);
        QCOMPARE(store.start(session(QStringLiteral("a4"), 1, QStringLiteral("tv"), t + 3), 2, 0, &active, &error),
                 PlaybackSessionStore::StartOutcome::Started);
        QCOMPARE(store.find(QStringLiteral("a1"), &error)->state, PlaybackSession::State::Replaced);
        QCOMPARE(store.activeOfUser(1, 0, &error).size(), 2);
        QVERIFY(store.end(QStringLiteral("a2"), PlaybackSession::State::Stopped, t + 4, &error));
        QCOMPARE(store.find(QStringLiteral("a2"), &error)->state, PlaybackSession::State::Stopped);
        QCOMPARE(store.find(QStringLiteral("a2"), &error)->endedAtMs, t + 4);
        QCOMPARE(store.start(session(QStringLiteral("a5"), 1, QStringLiteral("laptop"), t + 5), 2, 0, &active, &error),
                 PlaybackSessionStore::StartOutcome::Started);
        // Unlimited.
        QCOMPARE(store.start(session(QStringLiteral("a6"), 1, QStringLiteral("car"), t + 6), 0, 0, &active, &error),
                 PlaybackSessionStore::StartOutcome::Started);
        QVERIFY(error.isEmpty());
        QVERIFY(!store.find(QStringLiteral("nope"), &error));
        QVERIFY(error.isEmpty());
    }

    void anonymousOwnersAreAddresses()
    {
        PlaybackSessionStore store(*database());
        QString error;
        QList<PlaybackSession> active;
        const qint64 t = 2'000'000;
        QCOMPARE(store.start(session(QStringLiteral("n1"), 0, QStringLiteral("d"), t, QStringLiteral("10.0.0.1")), 1, 0, &active, &error),
                 PlaybackSessionStore::StartOutcome::Started);
        QCOMPARE(store.start(session(QStringLiteral("n2"), 0, QStringLiteral("e"), t, QStringLiteral("10.0.0.1")), 1, 0, &active, &error),
                 PlaybackSessionStore::StartOutcome::LimitReached);
        QCOMPARE(store.start(session(QStringLiteral("n3"), 0, QStringLiteral("e"), t, QStringLiteral("10.0.0.2")), 1, 0, &active, &error),
                 PlaybackSessionStore::StartOutcome::Started);
        const auto stored = store.find(QStringLiteral("n1"), &error);
        QVERIFY(stored);
        QCOMPARE(stored->userId, 0);
        QCOMPARE(stored->clientKey, QStringLiteral("10.0.0.1"));
    }

    void heartbeatsCountOnceAndExpiry()
    {
        PlaybackSessionStore store(*database());
        QString error;
        QList<PlaybackSession> active;
        const qint64 t = 3'000'000;
        QCOMPARE(store.start(session(QStringLiteral("h1"), 2, QStringLiteral("box"), t), 0, 0, &active, &error),
                 PlaybackSessionStore::StartOutcome::Started);
        bool countView = false;
        PlaybackHeartbeat first = beat(1000);
        first.startupMs = 300;
        QVERIFY(store.recordHeartbeat(QStringLiteral("h1"), QStringLiteral("vid_0000001"), first, t + 10, &countView, &error));
        QVERIFY(countView);
        QVERIFY(store.recordHeartbeat(QStringLiteral("h1"), QStringLiteral("vid_0000001"), beat(2000), t + 20, &countView, &error));
        QVERIFY(!countView);
        const auto s = store.find(QStringLiteral("h1"), &error);
        QCOMPARE(s->positionMs, 2000);
        QCOMPARE(s->lastHeartbeatAtMs, t + 20);
        QVERIFY(s->viewCounted);
        QSqlQuery q(database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), COUNT(startup_ms), MAX(position_ms) FROM playback_heartbeats WHERE session_id = 'h1'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QCOMPARE(q.value(1).toInt(), 1);
        QCOMPARE(q.value(2).toLongLong(), 2000);

        // Silent since t + 20: expired by a sweep at a later staleness bound; then no more heartbeats.
        QVERIFY(store.expireStale(t, t + 100, &error) >= 0); // the earlier tests' sessions
        QCOMPARE(store.find(QStringLiteral("h1"), &error)->state, PlaybackSession::State::Active);
        QCOMPARE(store.expireStale(t + 20, t + 100, &error), 0);
        QCOMPARE(store.expireStale(t + 21, t + 100, &error), 1);
        QCOMPARE(store.find(QStringLiteral("h1"), &error)->state, PlaybackSession::State::Expired);
        QVERIFY(!store.recordHeartbeat(QStringLiteral("h1"), QStringLiteral("vid_0000001"), beat(3000), t + 200, &countView, &error));
        QVERIFY(error.isEmpty());
        QVERIFY(store.activeOfUser(2, 0, &error).isEmpty());
    }

    // Retention: sessions that ended before the bound go, with their heartbeats; active ones stay.
    void oldSessionsArePurged()
    {
        PlaybackSessionStore store(*database());
        QString error;
        QList<PlaybackSession> active;
        const qint64 t = 9'000'000;
        bool countView = false;
        QCOMPARE(store.start(session(QStringLiteral("old1"), 1, QStringLiteral("tv"), t), 0, 0, &active, &error),
                 PlaybackSessionStore::StartOutcome::Started);
        QVERIFY(store.recordHeartbeat(QStringLiteral("old1"), QStringLiteral("vid_0000001"), beat(1000), t + 10, &countView, &error));
        QCOMPARE(store.start(session(QStringLiteral("live1"), 1, QStringLiteral("phone"), t + 500), 0, 0, &active, &error),
                 PlaybackSessionStore::StartOutcome::Started);
        QVERIFY(store.recordHeartbeat(QStringLiteral("live1"), QStringLiteral("vid_0000001"), beat(1000), t + 600, &countView, &error));
        QVERIFY(store.expireStale(t + 100, t + 1000, &error) >= 1); // old1 ends at t + 1000; live1 stays active
        QCOMPARE(store.find(QStringLiteral("old1"), &error)->state, PlaybackSession::State::Expired);
        QVERIFY(store.purgeEndedBefore(t + 1000, &error) >= 0); // the earlier tests' sessions
        QVERIFY(store.find(QStringLiteral("old1"), &error)); // ended exactly at the bound: kept
        QCOMPARE(store.purgeEndedBefore(t + 1001, &error), 1);
        QVERIFY(!store.find(QStringLiteral("old1"), &error));
        QCOMPARE(store.find(QStringLiteral("live1"), &error)->state, PlaybackSession::State::Active);
        QSqlQuery q(database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT session_id, COUNT(*) FROM playback_heartbeats WHERE session_id IN ('old1', 'live1') GROUP BY session_id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("live1"));
        QVERIFY(!q.next());
    }
};

QTEST_GUILESS_MAIN(tst_PlaybackSessionStore)
#include "tst_playbacksessionstore.moc"
