// The server playback reporter and its sessions API client against a fake
// endpoint in the test (the real routes are built separately): the JSON of
// the session request and of each heartbeat, the cadence the server asks
// for, the final beat and DELETE on close, a new session after 410, the
// active devices after 429 and the retry once one of them was stopped (also
// through the dialog that lists them).
#include "core/net/apiclient.h"
#include "core/net/playbacksessionclient.h"
#include "player/ui/serverplaybackreporter.h"
#include "player/ui/streamlimitdialog.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QPushButton>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>

using namespace Kinora;
using namespace Kinora::Player;

namespace {

struct Request
{
    QByteArray method;
    QByteArray path;
    QHash<QByteArray, QByteArray> headers;
    QJsonObject json;
    qint64 atMs = 0;
};

struct Response
{
    int status = 200;
    QJsonObject json;
};

// HTTP/1.1 on 127.0.0.1 that records every request and answers through a
// handler; one request per connection.
class FakeSessionsServer : public QObject
{
public:
    std::function<Response(const Request &)> handler;
    QList<Request> requests;

    FakeSessionsServer()
    {
        m_clock.start();
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
            }
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }

    QList<Request> matching(const QByteArray &method, const QByteArray &path) const
    {
        QList<Request> result;
        for (const Request &request : requests) {
            if (request.method == method && request.path == path)
                result.append(request);
        }
        return result;
    }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        socket->setProperty("buffer", buffer);
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        Request request;
        request.method = requestLine.value(0);
        request.path = requestLine.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < end + 4 + length)
            return; // the body is still on its way
        request.json = QJsonDocument::fromJson(buffer.mid(end + 4, length)).object();
        request.atMs = m_clock.elapsed();
        socket->setProperty("buffer", QByteArray());
        requests.append(request);
        const Response response = handler ? handler(request) : Response{404, {}};
        const QByteArray body = response.status == 204 ? QByteArray() : QJsonDocument(response.json).toJson();
        socket->write("HTTP/1.1 " + QByteArray::number(response.status) + " X\r\nContent-Type: application/json\r\n"
                      "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QElapsedTimer m_clock;
};

const QByteArray SessionsPath = "/api/v1/playback/sessions";

Response created(const QString &sessionId, double heartbeatSeconds = 0.2)
{
    return {201,
            QJsonObject{{QStringLiteral("sessionId"), sessionId},
                        {QStringLiteral("masterUrl"), QStringLiteral("/hls/tok-%1/video-1/master.m3u8").arg(sessionId)},
                        {QStringLiteral("heartbeatSeconds"), heartbeatSeconds},
                        {QStringLiteral("expiresAt"), QStringLiteral("2030-01-01T00:00:00Z")}}};
}

Response accepted()
{
    return {200, QJsonObject{{QStringLiteral("expiresAt"), QStringLiteral("2030-01-01T00:01:00Z")}}};
}

PlaybackHeartbeat sampleBeat()
{
    PlaybackHeartbeat beat;
    beat.positionSeconds = 12.3456;
    beat.rung = 1;
    beat.rendition = QStringLiteral("720p");
    beat.bitrate = 2500000;
    beat.bufferSeconds = 8.5;
    beat.stalls = 2;
    beat.stallSeconds = 1.25;
    beat.rungSwitches = 3;
    beat.bandwidthBps = 5400000.4;
    beat.droppedFrames = 7;
    return beat;
}

struct StartedSession
{
    QString sessionId;
    QUrl masterUrl;
    bool restarted = false;
};

} // namespace

class TestServerPlaybackReporter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sessionRequestHeartbeatsAndClose()
    {
        FakeSessionsServer server;
        QVERIFY(server.listen());
        server.handler = [](const Request &request) {
            if (request.method == "POST" && request.path == SessionsPath)
                return created(QStringLiteral("s1"));
            if (request.method == "POST" && request.path == SessionsPath + "/s1/heartbeat")
                return accepted();
            if (request.method == "DELETE" && request.path == SessionsPath + "/s1")
                return Response{204, {}};
            return Response{404, {}};
        };
        Core::ApiClient api;
        api.setBaseUrl(server.baseUrl());
        api.setTokens(QStringLiteral("access-1"), QStringLiteral("refresh-1"));
        Core::PlaybackSessionClient client(&api);
        ServerPlaybackReporter reporter(&client);
        reporter.setDevice(QStringLiteral("device-a"), QStringLiteral("Living room"));
        QList<StartedSession> started;
        connect(&reporter, &ServerPlaybackReporter::sessionStarted, this,
                [&](const QString &id, const QUrl &url, bool restarted) { started.append({id, url, restarted}); });

        PlaybackReporter &asReporter = reporter;
        asReporter.openSession(QStringLiteral("video-1"));
        QTRY_COMPARE(started.size(), 1);
        QCOMPARE(started.first().sessionId, QStringLiteral("s1"));
        QCOMPARE(started.first().masterUrl.toString(),
                 server.baseUrl().toString() + QStringLiteral("/hls/tok-s1/video-1/master.m3u8"));
        QVERIFY(!started.first().restarted);
        QCOMPARE(reporter.heartbeatIntervalMs(), 200);

        const QList<Request> opens = server.matching("POST", SessionsPath);
        QCOMPARE(opens.size(), 1);
        QCOMPARE(opens.first().json, (QJsonObject{{QStringLiteral("videoId"), QStringLiteral("video-1")},
                                                  {QStringLiteral("deviceId"), QStringLiteral("device-a")},
                                                  {QStringLiteral("deviceName"), QStringLiteral("Living room")}}));
        QCOMPARE(opens.first().headers.value("authorization"), QByteArray("Bearer access-1"));

        asReporter.reportStartup(1.2345);
        asReporter.heartbeat(sampleBeat());
        const QByteArray beatPath = SessionsPath + "/s1/heartbeat";
        QTRY_VERIFY_WITH_TIMEOUT(server.matching("POST", beatPath).size() >= 5, 5000);

        const QList<Request> beats = server.matching("POST", beatPath);
        const QJsonObject first = beats.first().json;
        QCOMPARE(first.value(QLatin1String("positionMs")).toInteger(), 12346);
        QCOMPARE(first.value(QLatin1String("rendition")).toString(), QStringLiteral("720p"));
        QCOMPARE(first.value(QLatin1String("bitrate")).toInteger(), 2500000);
        QCOMPARE(first.value(QLatin1String("bufferMs")).toInteger(), 8500);
        QCOMPARE(first.value(QLatin1String("stalls")).toInt(), 2);
        QCOMPARE(first.value(QLatin1String("stallMs")).toInteger(), 1250);
        QCOMPARE(first.value(QLatin1String("bandwidthBps")).toInteger(), 5400000);
        QCOMPARE(first.value(QLatin1String("droppedFrames")).toInteger(), 7);
        QCOMPARE(first.value(QLatin1String("rungSwitches")).toInt(), 3);
        QCOMPARE(first.value(QLatin1String("startupMs")).toInteger(), 1235);
        QCOMPARE(first.size(), 10);
        // The start-up time goes once; later beats leave it out.
        for (qsizetype i = 1; i < beats.size(); ++i)
            QVERIFY2(!beats.at(i).json.contains(QLatin1String("startupMs")), qPrintable(QString::number(i)));
        // The cadence the server asked for (0.2 s), not the player's.
        for (qsizetype i = 1; i < beats.size(); ++i) {
            const qint64 gap = beats.at(i).atMs - beats.at(i - 1).atMs;
            QVERIFY2(gap >= 150 && gap <= 600, qPrintable(QStringLiteral("gap %1 ms").arg(gap)));
        }
        QCOMPARE(beats.first().headers.value("authorization"), QByteArray("Bearer access-1"));

        // Close: one last beat with the final position, then the DELETE.
        PlaybackHeartbeat last = sampleBeat();
        last.positionSeconds = 30.0;
        const qsizetype beatsBeforeClose = server.matching("POST", beatPath).size();
        asReporter.closeSession(last);
        QTRY_COMPARE(server.matching("DELETE", SessionsPath + "/s1").size(), 1);
        const QList<Request> afterClose = server.matching("POST", beatPath);
        QVERIFY(afterClose.size() >= beatsBeforeClose + 1);
        QCOMPARE(afterClose.last().json.value(QLatin1String("positionMs")).toInteger(), 30000);
        QVERIFY(server.requests.last().method == "DELETE");
        QTest::qWait(600);
        QCOMPARE(server.matching("POST", beatPath).size(), afterClose.size()); // no more beats
        QVERIFY(reporter.sessionId().isEmpty());
    }

    void expiredSessionIsReplaced()
    {
        FakeSessionsServer server;
        QVERIFY(server.listen());
        int opened = 0;
        server.handler = [&](const Request &request) {
            if (request.method == "POST" && request.path == SessionsPath)
                return created(QStringLiteral("s%1").arg(++opened));
            if (request.path == SessionsPath + "/s1/heartbeat")
                return Response{410, QJsonObject{{QStringLiteral("error"),
                                                  QJsonObject{{QStringLiteral("code"), QStringLiteral("session_expired")},
                                                              {QStringLiteral("message"), QStringLiteral("gone")}}}}};
            if (request.path == SessionsPath + "/s2/heartbeat")
                return accepted();
            return Response{204, {}};
        };
        Core::ApiClient api; // anonymous: no Authorization header
        api.setBaseUrl(server.baseUrl());
        Core::PlaybackSessionClient client(&api);
        ServerPlaybackReporter reporter(&client);
        reporter.setDevice(QStringLiteral("device-b"), QStringLiteral("Laptop"));
        QList<StartedSession> started;
        connect(&reporter, &ServerPlaybackReporter::sessionStarted, this,
                [&](const QString &id, const QUrl &url, bool restarted) { started.append({id, url, restarted}); });

        reporter.openSession(QStringLiteral("video-1"));
        reporter.reportStartup(0.5);
        reporter.heartbeat(sampleBeat());
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 2, 5000);
        QCOMPARE(started.at(1).sessionId, QStringLiteral("s2"));
        QVERIFY(started.at(1).restarted);
        QCOMPARE(reporter.sessionId(), QStringLiteral("s2"));
        QTRY_VERIFY_WITH_TIMEOUT(server.matching("POST", SessionsPath + "/s2/heartbeat").size() >= 2, 5000);

        const QList<Request> opens = server.matching("POST", SessionsPath);
        QCOMPARE(opens.size(), 2);
        QCOMPARE(opens.at(1).json, opens.at(0).json); // same video, same device
        QVERIFY(!opens.at(0).headers.contains("authorization"));
        QCOMPARE(server.matching("POST", SessionsPath + "/s1/heartbeat").size(), 1);
        // The start-up time the expired session never stored goes to the new one.
        QCOMPARE(server.matching("POST", SessionsPath + "/s2/heartbeat").first().json.value(QLatin1String("startupMs"))
                     .toInteger(), 500);
        reporter.closeSession(sampleBeat());
        QTRY_COMPARE(server.matching("DELETE", SessionsPath + "/s2").size(), 1);
        QVERIFY(server.matching("DELETE", SessionsPath + "/s1").isEmpty());
    }

    void streamLimitListsDevicesAndRetries()
    {
        FakeSessionsServer server;
        QVERIFY(server.listen());
        bool limitReached = true;
        bool rateLimited = true;
        server.handler = [&](const Request &request) {
            if (request.method == "POST" && request.path == SessionsPath && std::exchange(rateLimited, false)) {
                return Response{429, QJsonObject{{QStringLiteral("error"),
                                                  QJsonObject{{QStringLiteral("code"), QStringLiteral("rate_limited")},
                                                              {QStringLiteral("message"), QStringLiteral("Slow down")}}}}};
            }
            if (request.method == "POST" && request.path == SessionsPath) {
                if (!limitReached)
                    return created(QStringLiteral("s9"), 30);
                const QJsonArray active{
                    QJsonObject{{QStringLiteral("sessionId"), QStringLiteral("other-1")},
                                {QStringLiteral("deviceId"), QStringLiteral("tv")},
                                {QStringLiteral("deviceName"), QStringLiteral("Television")},
                                {QStringLiteral("videoId"), QStringLiteral("video-7")},
                                {QStringLiteral("startedAt"), QStringLiteral("2026-11-21T18:00:00Z")},
                                {QStringLiteral("lastHeartbeatAt"), QStringLiteral("2026-11-21T18:30:00Z")}},
                    QJsonObject{{QStringLiteral("sessionId"), QStringLiteral("other-2")},
                                {QStringLiteral("deviceId"), QStringLiteral("phone")},
                                {QStringLiteral("deviceName"), QStringLiteral("Phone")},
                                {QStringLiteral("videoId"), QStringLiteral("video-8")},
                                {QStringLiteral("startedAt"), QStringLiteral("2026-11-21T18:10:00Z")},
                                {QStringLiteral("lastHeartbeatAt"), QStringLiteral("2026-11-21T18:31:00Z")}}};
                return Response{429, QJsonObject{{QStringLiteral("error"),
                                                  QJsonObject{{QStringLiteral("code"), QStringLiteral("stream_limit_reached")},
                                                              {QStringLiteral("message"), QStringLiteral("Too many")},
                                                              {QStringLiteral("activeSessions"), active}}}}};
            }
            if (request.method == "DELETE" && request.path == SessionsPath + "/other-1") {
                limitReached = false;
                return Response{204, {}};
            }
            if (request.method == "GET" && request.path == SessionsPath)
                return Response{200, QJsonObject{{QStringLiteral("items"), QJsonArray{}}}};
            return Response{404, {}};
        };
        Core::ApiClient api;
        api.setBaseUrl(server.baseUrl());
        Core::PlaybackSessionClient client(&api);
        ServerPlaybackReporter reporter(&client);
        QList<QList<Core::ActivePlaybackSession>> limits;
        connect(&reporter, &ServerPlaybackReporter::streamLimitReached, this,
                [&](const QString &videoId, const QList<Core::ActivePlaybackSession> &active) {
                    QCOMPARE(videoId, QStringLiteral("video-1"));
                    limits.append(active);
                });
        QStringList started;
        connect(&reporter, &ServerPlaybackReporter::sessionStarted, this,
                [&](const QString &id) { started.append(id); });
        QStringList failures;
        connect(&reporter, &ServerPlaybackReporter::reportingFailed, this,
                [&](const QString &message) { failures.append(message); });

        // Too many starts is a 429 too, but not the stream limit.
        reporter.startSession(QStringLiteral("video-1"));
        QTRY_COMPARE(failures, QStringList{QStringLiteral("Slow down")});
        QVERIFY(limits.isEmpty());

        // Before playback, as the app does to learn the master URL.
        reporter.startSession(QStringLiteral("video-1"));
        QTRY_COMPARE(limits.size(), 1);
        QCOMPARE(limits.first().size(), 2);
        QCOMPARE(limits.first().at(0).sessionId, QStringLiteral("other-1"));
        QCOMPARE(limits.first().at(0).deviceName, QStringLiteral("Television"));
        QCOMPARE(limits.first().at(1).deviceId, QStringLiteral("phone"));
        QCOMPARE(limits.first().at(1).videoId, QStringLiteral("video-8"));
        QCOMPARE(limits.first().at(1).startedAt, QDateTime(QDate(2026, 11, 21), QTime(18, 10), Qt::UTC));
        QVERIFY(started.isEmpty());
        QVERIFY(reporter.sessionId().isEmpty());

        reporter.openSession(QStringLiteral("video-1")); // the player starts meanwhile
        QTRY_COMPARE(limits.size(), 2);
        reporter.stopSessionAndRetry(QStringLiteral("other-1"));
        QTRY_COMPARE(started, QStringList{QStringLiteral("s9")});
        QCOMPARE(server.matching("DELETE", SessionsPath + "/other-1").size(), 1);
        QCOMPARE(server.matching("POST", SessionsPath).size(), 4);
        QCOMPARE(reporter.heartbeatIntervalMs(), 30000);

        // The account's sessions, for a "devices" view.
        QList<Core::ActivePlaybackSession> listed{Core::ActivePlaybackSession()};
        connect(&client, &Core::PlaybackSessionClient::sessionsListed, this,
                [&](const QList<Core::ActivePlaybackSession> &sessions) { listed = sessions; });
        client.listSessions();
        QTRY_VERIFY(listed.isEmpty());
    }

    void dialogStopsTheChosenDevice()
    {
        FakeSessionsServer server;
        QVERIFY(server.listen());
        bool full = true;
        server.handler = [&](const Request &request) {
            if (request.method == "POST" && request.path == SessionsPath) {
                if (!full)
                    return created(QStringLiteral("mine"));
                QJsonArray active;
                for (const QString &name : {QStringLiteral("Television"), QStringLiteral("Phone")}) {
                    active.append(QJsonObject{{QStringLiteral("sessionId"), QString(QStringLiteral("id-") + name)},
                                              {QStringLiteral("deviceId"), name.toLower()},
                                              {QStringLiteral("deviceName"), name},
                                              {QStringLiteral("videoId"), QStringLiteral("v")},
                                              {QStringLiteral("startedAt"), QStringLiteral("2026-11-21T18:00:00Z")},
                                              {QStringLiteral("lastHeartbeatAt"), QStringLiteral("2026-11-21T18:30:00Z")}});
                }
                return Response{429, QJsonObject{{QStringLiteral("error"),
                                                  QJsonObject{{QStringLiteral("code"), QStringLiteral("stream_limit_reached")},
                                                              {QStringLiteral("activeSessions"), active}}}}};
            }
            if (request.method == "DELETE" && request.path == SessionsPath + "/id-Phone") {
                full = false;
                return Response{204, {}};
            }
            return Response{404, {}};
        };
        Core::ApiClient api;
        api.setBaseUrl(server.baseUrl());
        Core::PlaybackSessionClient client(&api);
        ServerPlaybackReporter reporter(&client);
        std::unique_ptr<StreamLimitDialog> dialog;
        connect(&reporter, &ServerPlaybackReporter::streamLimitReached, this,
                [&](const QString &, const QList<Core::ActivePlaybackSession> &active) {
                    dialog = std::make_unique<StreamLimitDialog>(active);
                    connect(dialog.get(), &StreamLimitDialog::stopRequested, &reporter,
                            &ServerPlaybackReporter::stopSessionAndRetry);
                });
        QString started;
        connect(&reporter, &ServerPlaybackReporter::sessionStarted, this, [&](const QString &id) { started = id; });
        reporter.openSession(QStringLiteral("video-1"));
        QTRY_VERIFY(dialog);
        auto *list = dialog->findChild<QListWidget *>();
        QVERIFY(list);
        QCOMPARE(list->count(), 2);
        QVERIFY(list->item(1)->text().startsWith(QStringLiteral("Phone")));
        list->setCurrentRow(1);
        QPushButton *stop = nullptr;
        for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
            if (button->text() == QLatin1String("Stop and watch here"))
                stop = button;
        }
        QVERIFY(stop && stop->isEnabled());
        stop->click();
        QCOMPARE(dialog->chosenSessionId(), QStringLiteral("id-Phone"));
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QTRY_COMPARE(started, QStringLiteral("mine"));
        QCOMPARE(server.matching("DELETE", SessionsPath + "/id-Phone").size(), 1);
        QVERIFY(server.matching("DELETE", SessionsPath + "/id-Television").isEmpty());
    }

    void closedWhileOpeningIsStopped()
    {
        FakeSessionsServer server;
        QVERIFY(server.listen());
        server.handler = [](const Request &request) {
            if (request.method == "POST" && request.path == SessionsPath)
                return created(QStringLiteral("late"));
            return Response{204, {}};
        };
        Core::ApiClient api;
        api.setBaseUrl(server.baseUrl());
        Core::PlaybackSessionClient client(&api);
        ServerPlaybackReporter reporter(&client);
        int started = 0;
        connect(&reporter, &ServerPlaybackReporter::sessionStarted, this, [&] { ++started; });
        reporter.openSession(QStringLiteral("video-1"));
        reporter.closeSession(PlaybackHeartbeat());
        QTRY_COMPARE(server.matching("DELETE", SessionsPath + "/late").size(), 1);
        QVERIFY(server.matching("POST", SessionsPath + "/late/heartbeat").isEmpty());
        QCOMPARE(started, 0);
        QTest::qWait(500);
        QVERIFY(server.matching("POST", SessionsPath + "/late/heartbeat").isEmpty());

        // Opened again and kept: a beat before any rung is known still names
        // a rendition, and values outside the API's bounds are clamped.
        reporter.openSession(QStringLiteral("video-1"));
        QTRY_COMPARE(started, 1);
        reporter.reportStartup(700.0);
        reporter.heartbeat(PlaybackHeartbeat());
        QTRY_VERIFY(!server.matching("POST", SessionsPath + "/late/heartbeat").isEmpty());
        const QJsonObject beat = server.matching("POST", SessionsPath + "/late/heartbeat").first().json;
        QCOMPARE(beat.value(QLatin1String("rendition")).toString(), QStringLiteral("unknown"));
        QCOMPARE(beat.value(QLatin1String("startupMs")).toInteger(), 600000);
        reporter.closeSession(PlaybackHeartbeat());
        QTRY_COMPARE(server.matching("DELETE", SessionsPath + "/late").size(), 2);
    }
};

QTEST_MAIN(TestServerPlaybackReporter)
#include "tst_serverplaybackreporter.moc"
