// Playback sessions against the real kinora-server: start (signed or public
// media links), heartbeats stored and counted once, validation, the
// concurrent-stream limit with its device list, freeing a slot from another
// device, same-device replacement, anonymous limits and expiry.
#include "mediafixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QUuid>

using namespace Kinora::Tests;

class tst_PlaybackSessions : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MediaFixture> m_fx;
    QByteArray m_alice, m_bob, m_victor;
    QString m_public, m_private;
    QString m_dbName;

    MediaFixture::Reply startSession(const QByteArray &token, const QString &videoId, const QString &deviceId,
                                     const QString &deviceName = QStringLiteral("Test device"))
    {
        return m_fx->call("POST", QStringLiteral("/api/v1/playback/sessions"), token,
                          QJsonObject{{QStringLiteral("videoId"), videoId},
                                      {QStringLiteral("deviceId"), deviceId},
                                      {QStringLiteral("deviceName"), deviceName}});
    }

    static QJsonObject beat(qint64 positionMs)
    {
        return QJsonObject{{QStringLiteral("positionMs"), positionMs}, {QStringLiteral("rendition"), QStringLiteral("180p")},
                           {QStringLiteral("bitrate"), 355320}, {QStringLiteral("bufferMs"), 8000},
                           {QStringLiteral("stalls"), 0}, {QStringLiteral("stallMs"), 0},
                           {QStringLiteral("bandwidthBps"), 9000000}, {QStringLiteral("droppedFrames"), 0},
                           {QStringLiteral("rungSwitches"), 1}};
    }

    MediaFixture::Reply heartbeat(const QByteArray &token, const QString &sessionId, const QJsonObject &body)
    {
        return m_fx->call("POST", QStringLiteral("/api/v1/playback/sessions/%1/heartbeat").arg(sessionId), token, body);
    }

    qint64 scalar(const QString &sql, const QVariantList &values)
    {
        QSqlQuery q(QSqlDatabase::database(m_dbName));
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec() || !q.next())
            return -1;
        return q.value(0).toLongLong();
    }

    QString stateOf(const QString &sessionId)
    {
        QSqlQuery q(QSqlDatabase::database(m_dbName));
        q.prepare(QStringLiteral("SELECT state FROM playback_sessions WHERE id = ?"));
        q.addBindValue(sessionId);
        return q.exec() && q.next() ? q.value(0).toString() : QString();
    }

    static QStringList deviceIds(const QJsonArray &sessions)
    {
        QStringList ids;
        for (const QJsonValue &s : sessions)
            ids << s.toObject().value(QStringLiteral("deviceId")).toString();
        ids.sort();
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx = std::make_unique<MediaFixture>(QStringList{
            QStringLiteral("--set"), QStringLiteral("playback.maxStreams.viewer=2"),
            QStringLiteral("--set"), QStringLiteral("playback.maxStreams.anonymous=1"),
            QStringLiteral("--set"), QStringLiteral("playback.sessionTimeout=3")});
        QString error;
        QVERIFY2(m_fx->start(&error), qPrintable(error));
        m_alice = m_fx->registerUser(QStringLiteral("alice"));
        m_bob = m_fx->registerUser(QStringLiteral("bob"));
        m_victor = m_fx->registerUser(QStringLiteral("victor"));
        QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty() && !m_victor.isEmpty());
        QVERIFY(m_fx->setRole(QStringLiteral("victor"), QStringLiteral("viewer")));
        m_public = m_fx->readyVideo(m_alice, QStringLiteral("public"));
        m_private = m_fx->readyVideo(m_alice, QStringLiteral("private"));
        QVERIFY(!m_public.isEmpty() && !m_private.isEmpty());
        m_dbName = QUuid::createUuid().toString();
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_dbName);
        db.setDatabaseName(m_fx->databasePath());
        QVERIFY(db.open());
    }

    void cleanupTestCase()
    {
        QSqlDatabase::database(m_dbName).close();
        QSqlDatabase::removeDatabase(m_dbName);
        m_fx->stop();
        QCOMPARE(m_fx->server().exitCode(), 0);
    }

    void anonymousViewerOfPublicVideo()
    {
        const auto started = startSession({}, m_public, QStringLiteral("anon-1"));
        QCOMPARE(started.status, 201);
        const QJsonObject json = started.json();
        const QString sessionId = json.value(QStringLiteral("sessionId")).toString();
        QVERIFY(sessionId.size() >= 20);
        QCOMPARE(json.value(QStringLiteral("videoId")).toString(), m_public);
        QCOMPARE(json.value(QStringLiteral("masterUrl")).toString(), QStringLiteral("/media/videos/%1/master.m3u8").arg(m_public));
        QCOMPARE(json.value(QStringLiteral("heartbeatSeconds")).toInt(), 10);
        const QDateTime expires = QDateTime::fromString(json.value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs);
        QVERIFY(expires.isValid() && expires > QDateTime::currentDateTimeUtc());
        QCOMPARE(m_fx->get(json.value(QStringLiteral("masterUrl")).toString()).status, 200);

        // One anonymous stream per client address.
        const auto second = startSession({}, m_public, QStringLiteral("anon-2"));
        QCOMPARE(second.status, 429);
        QCOMPARE(second.errorCode(), QByteArray("stream_limit_reached"));
        QVERIFY(second.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("activeSessions")).toArray().isEmpty());

        QCOMPARE(heartbeat({}, sessionId, beat(1000)).status, 200);
        // A signed-in user cannot touch an anonymous session.
        QCOMPARE(m_fx->call("DELETE", QStringLiteral("/api/v1/playback/sessions/") + sessionId, m_bob).status, 404);
        QCOMPARE(m_fx->call("DELETE", QStringLiteral("/api/v1/playback/sessions/") + sessionId).status, 204);
        QCOMPARE(startSession({}, m_public, QStringLiteral("anon-2")).status, 201);
        QCOMPARE(startSession({}, m_private, QStringLiteral("anon-3")).status, 404);
    }

    void ownerPlaysPrivateVideo()
    {
        QCOMPARE(startSession(m_bob, m_private, QStringLiteral("bob-1")).status, 404);
        const auto started = startSession(m_alice, m_private, QStringLiteral("alice-tv"), QStringLiteral("Living room"));
        QCOMPARE(started.status, 201);
        const QString master = started.json().value(QStringLiteral("masterUrl")).toString();
        QVERIFY2(master.startsWith(QLatin1String("/media/s/")), qPrintable(master));
        QVERIFY(master.endsWith(QStringLiteral("/videos/%1/master.m3u8").arg(m_private)));
        QVERIFY(QDateTime::fromString(started.json().value(QStringLiteral("mediaExpiresAt")).toString(), Qt::ISODateWithMs).isValid());
        const auto playlist = m_fx->get(master);
        QCOMPARE(playlist.status, 200);
        QCOMPARE(playlist.body, m_fx->fileBytes(QStringLiteral("videos/%1/master.m3u8").arg(m_private)));
        const QString base = master.left(master.size() - int(qstrlen("master.m3u8")));
        const auto segment = m_fx->get(base + QStringLiteral("180p/seg_00000.ts"));
        QCOMPARE(segment.status, 200);
        QCOMPARE(segment.body, m_fx->fileBytes(QStringLiteral("videos/%1/180p/seg_00000.ts").arg(m_private)));
        // Bob may not use alice's session.
        const QString sessionId = started.json().value(QStringLiteral("sessionId")).toString();
        QCOMPARE(heartbeat(m_bob, sessionId, beat(1000)).status, 404);
        QCOMPARE(m_fx->call("DELETE", QStringLiteral("/api/v1/playback/sessions/") + sessionId, m_bob).status, 404);
        QCOMPARE(m_fx->call("DELETE", QStringLiteral("/api/v1/playback/sessions/") + sessionId, m_alice).status, 204);
    }

    void heartbeatsAreStoredAndCountOneView()
    {
        const qint64 viewsBefore = m_fx->get(QStringLiteral("/api/v1/videos/%1").arg(m_public)).json()
                                       .value(QStringLiteral("video")).toObject().value(QStringLiteral("viewCount")).toInteger();
        const auto started = startSession(m_alice, m_public, QStringLiteral("alice-laptop"));
        QCOMPARE(started.status, 201);
        const QString sessionId = started.json().value(QStringLiteral("sessionId")).toString();
        QJsonObject first = beat(1500);
        first.insert(QStringLiteral("startupMs"), 420);
        const auto reply = heartbeat(m_alice, sessionId, first);
        QCOMPARE(reply.status, 200);
        QVERIFY(QDateTime::fromString(reply.json().value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs) > QDateTime::currentDateTimeUtc());
        QCOMPARE(heartbeat(m_alice, sessionId, beat(2500)).status, 200);
        QCOMPARE(heartbeat(m_alice, sessionId, beat(3500)).status, 200);

        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM playback_heartbeats WHERE session_id = ?"), {sessionId}), 3);
        QCOMPARE(scalar(QStringLiteral("SELECT MAX(position_ms) FROM playback_heartbeats WHERE session_id = ?"), {sessionId}), 3500);
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM playback_heartbeats WHERE session_id = ? AND startup_ms = 420"), {sessionId}), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT bandwidth_bps FROM playback_heartbeats WHERE session_id = ? LIMIT 1"), {sessionId}), 9000000);
        const qint64 viewsAfter = m_fx->get(QStringLiteral("/api/v1/videos/%1").arg(m_public)).json()
                                      .value(QStringLiteral("video")).toObject().value(QStringLiteral("viewCount")).toInteger();
        QCOMPARE(viewsAfter, viewsBefore + 1);
        // The watch position follows the heartbeats.
        const auto history = m_fx->get(QStringLiteral("/api/v1/users/me/history"), m_alice);
        QCOMPARE(history.status, 200);
        const QJsonArray items = history.json().value(QStringLiteral("items")).toArray();
        QVERIFY(!items.isEmpty());
        QCOMPARE(items.first().toObject().value(QStringLiteral("positionMs")).toInteger(), 3500);
        QCOMPARE(m_fx->call("DELETE", QStringLiteral("/api/v1/playback/sessions/") + sessionId, m_alice).status, 204);
        QCOMPARE(heartbeat(m_alice, sessionId, beat(4000)).errorCode(), QByteArray("session_expired"));
    }

    void heartbeatValidation()
    {
        const auto started = startSession(m_alice, m_public, QStringLiteral("alice-phone"));
        QCOMPARE(started.status, 201);
        const QString sessionId = started.json().value(QStringLiteral("sessionId")).toString();
        const QList<std::pair<QString, QJsonValue>> bad{
            {QStringLiteral("positionMs"), -1},
            {QStringLiteral("positionMs"), QStringLiteral("12")},
            {QStringLiteral("positionMs"), 1.5},
            {QStringLiteral("bufferMs"), 1e15},
            {QStringLiteral("stalls"), -3},
            {QStringLiteral("bandwidthBps"), 1e16},
            {QStringLiteral("startupMs"), 3'600'000},
            {QStringLiteral("rendition"), QString()},
            {QStringLiteral("rendition"), 720},
            {QStringLiteral("rungSwitches"), QJsonValue::Undefined},
        };
        for (const auto &[field, value] : bad) {
            QJsonObject body = beat(1000);
            if (value.isUndefined())
                body.remove(field);
            else
                body.insert(field, value);
            const auto reply = heartbeat(m_alice, sessionId, body);
            QVERIFY2(reply.status == 422, qPrintable(field + QStringLiteral(" -> ") + QString::number(reply.status)));
            QCOMPARE(reply.errorCode(), QByteArray("validation_failed"));
        }
        QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM playback_heartbeats WHERE session_id = ?"), {sessionId}), 0);
        QCOMPARE(heartbeat(m_alice, QStringLiteral("no-such-session"), beat(1)).status, 410);
        QCOMPARE(startSession(m_alice, m_public, QString()).status, 422);
        QCOMPARE(startSession(m_alice, QStringLiteral("AAAAAAAAAAA"), QStringLiteral("x")).status, 404);
        QCOMPARE(m_fx->call("DELETE", QStringLiteral("/api/v1/playback/sessions/") + sessionId, m_alice).status, 204);
    }

    void streamLimitListsDevicesAndFreesSlots()
    {
        // victor is a viewer: two streams at most.
        const auto tv = startSession(m_victor, m_public, QStringLiteral("victor-tv"), QStringLiteral("TV"));
        const auto phone = startSession(m_victor, m_public, QStringLiteral("victor-phone"), QStringLiteral("Phone"));
        QCOMPARE(tv.status, 201);
        QCOMPARE(phone.status, 201);
        const auto refused = startSession(m_victor, m_public, QStringLiteral("victor-laptop"), QStringLiteral("Laptop"));
        QCOMPARE(refused.status, 429);
        const QJsonObject error = refused.json().value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("stream_limit_reached"));
        QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
        const QJsonArray active = error.value(QStringLiteral("activeSessions")).toArray();
        QCOMPARE(deviceIds(active), (QStringList{QStringLiteral("victor-phone"), QStringLiteral("victor-tv")}));
        for (const QJsonValue &v : active) {
            const QJsonObject s = v.toObject();
            QVERIFY(!s.value(QStringLiteral("sessionId")).toString().isEmpty());
            QCOMPARE(s.value(QStringLiteral("videoId")).toString(), m_public);
            QVERIFY(QDateTime::fromString(s.value(QStringLiteral("startedAt")).toString(), Qt::ISODateWithMs).isValid());
            QVERIFY(QDateTime::fromString(s.value(QStringLiteral("lastHeartbeatAt")).toString(), Qt::ISODateWithMs).isValid());
            QVERIFY(s.value(QStringLiteral("deviceName")).toString() == QLatin1String("TV") || s.value(QStringLiteral("deviceName")).toString() == QLatin1String("Phone"));
        }

        // The same device starting again replaces its session instead of counting twice.
        const QString oldTv = tv.json().value(QStringLiteral("sessionId")).toString();
        const auto tvAgain = startSession(m_victor, m_public, QStringLiteral("victor-tv"), QStringLiteral("TV"));
        QCOMPARE(tvAgain.status, 201);
        QCOMPARE(heartbeat(m_victor, oldTv, beat(1)).status, 410);
        QCOMPARE(stateOf(oldTv), QStringLiteral("replaced"));
        const auto listed = m_fx->get(QStringLiteral("/api/v1/playback/sessions"), m_victor);
        QCOMPARE(listed.status, 200);
        QCOMPARE(deviceIds(listed.json().value(QStringLiteral("items")).toArray()),
                 (QStringList{QStringLiteral("victor-phone"), QStringLiteral("victor-tv")}));
        QCOMPARE(m_fx->get(QStringLiteral("/api/v1/playback/sessions")).status, 401);

        // The laptop frees a slot by stopping the phone's session.
        const QString phoneId = phone.json().value(QStringLiteral("sessionId")).toString();
        QCOMPARE(m_fx->call("DELETE", QStringLiteral("/api/v1/playback/sessions/") + phoneId, m_alice).status, 404);
        QCOMPARE(m_fx->call("DELETE", QStringLiteral("/api/v1/playback/sessions/") + phoneId, m_victor).status, 204);
        QCOMPARE(heartbeat(m_victor, phoneId, beat(1)).errorCode(), QByteArray("session_expired"));
        const auto laptop = startSession(m_victor, m_public, QStringLiteral("victor-laptop"), QStringLiteral("Laptop"));
        QCOMPARE(laptop.status, 201);
        QCOMPARE(startSession(m_victor, m_public, QStringLiteral("victor-phone")).status, 429);
    }

    void sessionsExpireWithoutHeartbeat()
    {
        // sessionTimeout is 3 s: one beat keeps a session, silence ends it.
        const auto kept = startSession(m_bob, m_public, QStringLiteral("bob-kept"));
        const auto idle = startSession(m_bob, m_public, QStringLiteral("bob-idle"));
        QCOMPARE(kept.status, 201);
        QCOMPARE(idle.status, 201);
        const QString keptId = kept.json().value(QStringLiteral("sessionId")).toString();
        const QString idleId = idle.json().value(QStringLiteral("sessionId")).toString();
        for (int i = 0; i < 4; ++i) {
            QThread::msleep(1000);
            QCOMPARE(heartbeat(m_bob, keptId, beat(1000 * i)).status, 200);
        }
        // The sweep (every 1.5 s here) has marked the silent one already.
        QCOMPARE(stateOf(idleId), QStringLiteral("expired"));
        QCOMPARE(stateOf(keptId), QStringLiteral("active"));
        const auto reply = heartbeat(m_bob, idleId, beat(1));
        QCOMPARE(reply.status, 410);
        QCOMPARE(reply.errorCode(), QByteArray("session_expired"));
        const auto listed = m_fx->get(QStringLiteral("/api/v1/playback/sessions"), m_bob);
        QCOMPARE(deviceIds(listed.json().value(QStringLiteral("items")).toArray()), QStringList{QStringLiteral("bob-kept")});
        // victor's two sessions from the limit test went silent too: both slots are free again.
        QVERIFY(m_fx->get(QStringLiteral("/api/v1/playback/sessions"), m_victor).json().value(QStringLiteral("items")).toArray().isEmpty());
        QCOMPARE(startSession(m_victor, m_public, QStringLiteral("victor-phone")).status, 201);
        QCOMPARE(startSession(m_victor, m_public, QStringLiteral("victor-tablet")).status, 201);
    }

    void startsAreRateLimitedPerAddress()
    {
        // Restarting over and over from one device: each start replaces the last, until the bucket is empty.
        MediaFixture::Reply reply;
        int started = 0;
        for (int i = 0; i < 80 && reply.status != 429; ++i) {
            reply = startSession({}, m_public, QStringLiteral("anon-flood"));
            if (reply.status == 201)
                ++started;
        }
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.errorCode(), QByteArray("rate_limited"));
        QVERIFY(reply.header("Retry-After").toInt() >= 1);
        QVERIFY(started > 0 && started <= 30);
    }
};

QTEST_GUILESS_MAIN(tst_PlaybackSessions)
#include "tst_playbacksessions.moc"
