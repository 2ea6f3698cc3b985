#include "server/http/httpmetrics.h"
#include "server/http/httpserver.h"
#include "server/http/mimetypes.h"
#include "server/http/pathresolver.h"
#include "server/http/router.h"
#include "server/http/staticfileresponder.h"
#include "tests/support/testhttpclient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <atomic>
#include <memory>
#include <stdexcept>

using namespace Kinora::Server::Http;
using Kinora::Tests::TestHttpClient;

namespace {

qint64 residentKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct RawResponse
{
    int status = 0;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &h : headers) {
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QString errorCode() const { return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(); }
};

// A raw HTTP/1.1 client over QTcpSocket. Waits pump the event loop (the
// server's listener lives on this thread), never block it.
class RawClient
{
public:
    explicit RawClient(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { m_buffer += m_socket.readAll(); });
        QObject::connect(&m_socket, &QTcpSocket::disconnected, &m_socket, [this] { m_closed = true; });
        QObject::connect(&m_socket, &QTcpSocket::errorOccurred, &m_socket, [this] { m_closed = true; });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        (void)QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState || m_closed; }, 5000);
    }

    bool connected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }
    void send(const QByteArray &data) { m_socket.write(data); }
    QTcpSocket &socket() { return m_socket; }
    QByteArray &buffer() { return m_buffer; }

    bool waitClosed(int ms)
    {
        return QTest::qWaitFor([this] { return m_closed || m_socket.state() == QAbstractSocket::UnconnectedState; }, ms);
    }

    // Reads one response; bodyless for HEAD requests, 1xx, 204 and 304.
    std::optional<RawResponse> read(int ms = 5000, bool headRequest = false)
    {
        QElapsedTimer timer;
        timer.start();
        while (true) {
            m_buffer += m_socket.readAll();
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end >= 0) {
                RawResponse r;
                const QList<QByteArray> lines = m_buffer.left(end).split('\n');
                r.status = lines.first().split(' ').value(1).toInt();
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const QByteArray line = lines.at(i).trimmed();
                    const qsizetype colon = line.indexOf(':');
                    r.headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
                }
                const bool bodyless = headRequest || r.status < 200 || r.status == 204 || r.status == 304;
                const qint64 length = bodyless ? 0 : r.header("content-length").toLongLong();
                if (m_buffer.size() >= end + 4 + length) {
                    r.body = m_buffer.mid(end + 4, length);
                    m_buffer.remove(0, end + 4 + length);
                    return r;
                }
            }
            if (timer.elapsed() > ms || (m_closed && m_socket.bytesAvailable() == 0 && !m_buffer.contains("\r\n\r\n")))
                return std::nullopt;
            QTest::qWait(2);
        }
    }

private:
    QTcpSocket m_socket;
    QByteArray m_buffer;
    bool m_closed = false;
};

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator gen(1234);
    for (qsizetype i = 0; i + 4 <= size; i += 4) {
        const quint32 v = gen.generate();
        memcpy(data.data() + i, &v, 4);
    }
    for (qsizetype i = size - size % 4; i < size; ++i)
        data[i] = char(i);
    return data;
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    Router m_router;
    HttpMetrics m_metrics;
    std::unique_ptr<HttpServer> m_server;
    std::atomic<int> m_uploadCalls{0};
    QString m_filesRoot;
    QByteArray m_bigFile;

    void startServer(HttpServerSettings settings = {})
    {
        m_server.reset();
        settings.address = QHostAddress::LocalHost;
        settings.port = 0;
        settings.workerThreads = 2;
        if (settings.tempDir.isEmpty())
            settings.tempDir = m_dir.filePath(QStringLiteral("tmp"));
        m_server = std::make_unique<HttpServer>(m_router, m_metrics, settings);
        QString error;
        QVERIFY2(m_server->listen(&error), qPrintable(error));
        QVERIFY(m_server->serverPort() != 0);
    }

    QUrl url(const QString &path) const { return QUrl(m_server->serverUrl() + path); }

    QStringList tempFiles() const
    {
        return QDir(m_dir.filePath(QStringLiteral("tmp"))).entryList(QDir::Files);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("tmp"))));
        m_filesRoot = m_dir.filePath(QStringLiteral("files"));
        QVERIFY(QDir().mkpath(m_filesRoot));
        m_bigFile = randomBytes(5 * 1024 * 1024 + 123);
        QFile f(m_filesRoot + QStringLiteral("/big.bin"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(m_bigFile), m_bigFile.size());
        f.close();

        m_router.addRoute("GET", QStringLiteral("/api/hello"), [](HttpRequest &req) {
            QJsonObject o;
            o.insert(QStringLiteral("hello"), QStringLiteral("world"));
            o.insert(QStringLiteral("query"), req.query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded));
            return HttpResponse::json(o);
        });
        m_router.addRoute("GET", QStringLiteral("/api/echo/{word}"), [](HttpRequest &req) {
            QJsonObject o;
            o.insert(QStringLiteral("word"), req.pathParams.value(QStringLiteral("word")));
            return HttpResponse::json(o);
        });
        m_router.addRoute("POST", QStringLiteral("/api/echo"), [](HttpRequest &req) {
            return HttpResponse::bytes(req.body, "application/octet-stream");
        });
        m_router.addRoute("POST", QStringLiteral("/api/json"), [](HttpRequest &req) {
            QString error;
            const auto object = req.jsonObject(&error);
            if (!object)
                return HttpResponse::error(400, "invalid_json", error);
            return HttpResponse::json(*object, 201);
        });
        m_router.addRoute("POST", QStringLiteral("/api/upload"), [this](HttpRequest &req) {
            ++m_uploadCalls;
            QFile f(req.bodyFilePath);
            if (!f.open(QIODevice::ReadOnly))
                return HttpResponse::error(500, "no_file", QStringLiteral("body file missing"));
            QCryptographicHash hash(QCryptographicHash::Sha256);
            hash.addData(&f);
            QJsonObject o;
            o.insert(QStringLiteral("sha256"), QString::fromLatin1(hash.result().toHex()));
            o.insert(QStringLiteral("size"), req.bodySize);
            o.insert(QStringLiteral("inMemory"), req.body.size());
            return HttpResponse::json(o);
        }, RouteOptions{8 * 1024 * 1024, BodyMode::File});
        m_router.addRoute("PUT", QStringLiteral("/api/keep/{name}"), [this](HttpRequest &req) {
            const QString target = m_dir.filePath(QStringLiteral("kept-") + req.pathParams.value(QStringLiteral("name")));
            if (!QFile::rename(req.bodyFilePath, target))
                return HttpResponse::error(500, "move_failed", QStringLiteral("cannot move"));
            return HttpResponse::json(QJsonObject{{QStringLiteral("size"), req.bodySize}}, 201);
        }, RouteOptions{8 * 1024 * 1024, BodyMode::File});
        m_router.addRoute("POST", QStringLiteral("/api/small"), [this](HttpRequest &req) {
            ++m_uploadCalls;
            return HttpResponse::json(QJsonObject{{QStringLiteral("size"), req.bodySize}});
        }, RouteOptions{1024 * 1024, BodyMode::Memory});
        m_router.addRoute("GET", QStringLiteral("/api/throw"), [](HttpRequest &) -> HttpResponse {
            throw std::runtime_error("deliberate failure");
        });
        m_router.addRoute("GET", QStringLiteral("/api/throw-int"), [](HttpRequest &) -> HttpResponse { throw 42; });
        m_router.addRoute("DELETE", QStringLiteral("/api/hello"), [](HttpRequest &) { return HttpResponse::noContent(); });
        m_router.addRoute("GET", QStringLiteral("/files/{*path}"), [this](HttpRequest &req) {
            const auto path = resolveUnder(m_filesRoot, req.pathParams.value(QStringLiteral("path")));
            if (!path)
                return HttpResponse::error(404, "not_found", QStringLiteral("no such file"));
            return StaticFileResponder().respond(req, *path, MimeTypes::forPath(*path), "public, max-age=60");
        });
    }

    void cleanup() { m_server.reset(); }

    void jsonRoute()
    {
        startServer();
        TestHttpClient client;
        const auto reply = client.get(url(QStringLiteral("/api/hello?q=a%20b")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QStringLiteral("hello")).toString(), QStringLiteral("world"));
        QCOMPARE(reply.json().value(QStringLiteral("query")).toString(), QStringLiteral("a b"));
        QCOMPARE(reply.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(reply.header("Server"), QByteArray("kinora"));
        QVERIFY(!reply.header("Date").isEmpty());

        const auto echo = client.get(url(QStringLiteral("/api/echo/caf%C3%A9")));
        QCOMPARE(echo.json().value(QStringLiteral("word")).toString(), QStringLiteral("caf\u00e9"));

        const auto created = client.postJson(url(QStringLiteral("/api/json")), QJsonObject{{QStringLiteral("n"), 7}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(QStringLiteral("n")).toInt(), 7);

        const auto invalid = client.request("POST", url(QStringLiteral("/api/json")), "{nope",
                                            {{"Content-Type", "application/json"}});
        QCOMPARE(invalid.status, 400);
        QCOMPARE(invalid.errorCode(), QByteArray("invalid_json"));
        QVERIFY(m_metrics.requestCount("GET", QStringLiteral("/api/hello"), 200) >= 1);
    }

    void keepAliveAndPipelining()
    {
        startServer();
        RawClient c(m_server->serverPort());
        QVERIFY(c.connected());
        for (int i = 0; i < 3; ++i) {
            c.send("GET /api/echo/n" + QByteArray::number(i) + " HTTP/1.1\r\nHost: t\r\n\r\n");
            const auto r = c.read();
            QVERIFY(r);
            QCOMPARE(r->status, 200);
            QCOMPARE(r->json().value(QStringLiteral("word")).toString(), QStringLiteral("n%1").arg(i));
            QVERIFY(r->header("connection").isEmpty());
        }
        QVERIFY(c.connected());
        QCOMPARE(m_metrics.openConnections(), 1);

        // Three requests in one write, one with a body: answered in order.
        c.send("GET /api/echo/first HTTP/1.1\r\nHost: t\r\n\r\n"
               "POST /api/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 6\r\n\r\nsecond"
               "GET /api/echo/third HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        const auto r1 = c.read();
        const auto r2 = c.read();
        const auto r3 = c.read();
        QVERIFY(r1 && r2 && r3);
        QCOMPARE(r1->json().value(QStringLiteral("word")).toString(), QStringLiteral("first"));
        QCOMPARE(r2->body, QByteArray("second"));
        QCOMPARE(r3->json().value(QStringLiteral("word")).toString(), QStringLiteral("third"));
        QCOMPARE(r3->header("connection"), QByteArray("close"));
        QVERIFY(c.waitClosed(3000));
    }

    void notFoundAndMethodNotAllowed()
    {
        startServer();
        TestHttpClient client;
        const auto missing = client.get(url(QStringLiteral("/api/nothing")));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), QByteArray("not_found"));
        QVERIFY(!missing.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().isEmpty());

        const auto wrong = client.request("PUT", url(QStringLiteral("/api/hello")), "x");
        QCOMPARE(wrong.status, 405);
        QCOMPARE(wrong.errorCode(), QByteArray("method_not_allowed"));
        const QByteArray allow = wrong.header("Allow");
        QVERIFY2(allow.contains("GET") && allow.contains("DELETE") && allow.contains("HEAD"), allow.constData());
        QVERIFY(m_metrics.requestCount("OTHER", QStringLiteral("unmatched"), 404) == 0);
        QVERIFY(m_metrics.requestCount("GET", QStringLiteral("unmatched"), 404) >= 1);
    }

    void malformedRequest()
    {
        startServer();
        RawClient c(m_server->serverPort());
        c.send("BLAH\r\n\r\n");
        const auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 400);
        QCOMPARE(r->errorCode(), QStringLiteral("bad_request"));
        QVERIFY(c.waitClosed(5000));

        HttpServerSettings settings;
        settings.maxHeaderBytes = 2048;
        startServer(settings);
        RawClient big(m_server->serverPort());
        big.send("GET /api/hello HTTP/1.1\r\nHost: t\r\nX-Big: " + QByteArray(4096, 'a') + "\r\n\r\n");
        const auto r431 = big.read();
        QVERIFY(r431);
        QCOMPARE(r431->status, 431);
        QVERIFY(big.waitClosed(5000));
    }

    void contentLengthOverCapIsRefusedUnread()
    {
        startServer();
        const int callsBefore = m_uploadCalls;
        const qint64 rssBefore = residentKiB();
        RawClient c(m_server->serverPort());
        c.send("POST /api/small HTTP/1.1\r\nHost: t\r\nContent-Length: 2147483648\r\n\r\n");
        // Push body bytes as fast as the server takes them, up to 64 MiB, 1 MiB at a time.
        const QByteArray mib(1024 * 1024, 'x');
        qint64 written = 0;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 4000 && written < 64 * mib.size() && c.connected()) {
            if (c.socket().bytesToWrite() < mib.size()) {
                c.send(mib);
                written += mib.size();
            }
            QTest::qWait(5);
        }
        const qint64 notFlushed = c.socket().bytesToWrite();
        const auto r = c.read(5000);
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QCOMPARE(r->errorCode(), QStringLiteral("payload_too_large"));
        QCOMPARE(r->header("connection"), QByteArray("close"));
        QVERIFY(c.waitClosed(5000));
        // The server never drained the body: far less than 64 MiB could leave the client.
        const qint64 delivered = written - notFlushed;
        QVERIFY2(delivered < 32 * mib.size(), qPrintable(QString::number(delivered)));
        QCOMPARE(int(m_uploadCalls), callsBefore);
        const qint64 grownKiB = residentKiB() - rssBefore;
        qInfo("declared 2 GiB: client pushed %lld bytes past its own buffer, RSS grew %lld KiB", delivered, grownKiB);
        QVERIFY2(grownKiB < 64 * 1024, qPrintable(QStringLiteral("RSS grew by %1 KiB").arg(grownKiB)));
    }

    void chunkedOverCap()
    {
        startServer();
        RawClient c(m_server->serverPort());
        c.send("POST /api/small HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = QByteArray::number(64 * 1024, 16) + "\r\n" + QByteArray(64 * 1024, 'c') + "\r\n";
        for (int i = 0; i < 40 && c.connected(); ++i) // 2.5 MiB against a 1 MiB cap
            c.send(chunk);
        const auto r = c.read(5000);
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QVERIFY(c.waitClosed(5000));

        // Under the cap, chunked works and is decoded.
        RawClient ok(m_server->serverPort());
        ok.send("POST /api/echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
                "3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\nTrailer: x\r\n\r\n");
        const auto r2 = ok.read();
        QVERIFY(r2);
        QCOMPARE(r2->status, 200);
        QCOMPARE(r2->body, QByteArray("abcdefg"));
    }

    void expectContinue()
    {
        startServer();
        RawClient c(m_server->serverPort());
        c.send("POST /api/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        const auto interim = c.read();
        QVERIFY(interim);
        QCOMPARE(interim->status, 100);
        c.send("hello");
        const auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->body, QByteArray("hello"));

        RawClient big(m_server->serverPort());
        big.send("POST /api/small HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999\r\nExpect: 100-continue\r\n\r\n");
        const auto refused = big.read();
        QVERIFY(refused);
        QCOMPARE(refused->status, 413); // the final answer directly, no 100
    }

    void slowHeaderIsCutOff()
    {
        HttpServerSettings settings;
        settings.headerTimeoutMs = 2000;
        startServer(settings);
        RawClient c(m_server->serverPort());
        const QByteArray head = "GET /api/hello HTTP/1.1\r\nHost: t\r\nX-Slow: aaaaaaaaaaaaaaaaaaaa\r\n\r\n";
        QElapsedTimer timer;
        timer.start();
        int sent = 0;
        while (c.connected() && sent < head.size() && timer.elapsed() < 8000) {
            c.send(head.mid(sent++, 1));
            (void)QTest::qWaitFor([&c] { return !c.buffer().isEmpty() || !c.connected(); }, 1000);
            if (!c.buffer().isEmpty())
                break;
        }
        const auto r = c.read(3000);
        QVERIFY(r);
        QCOMPARE(r->status, 408);
        QVERIFY(c.waitClosed(3000));
        QVERIFY2(timer.elapsed() < 3500, qPrintable(QString::number(timer.elapsed())));
        qInfo("slow head cut off after %lld ms and %d bytes", timer.elapsed(), sent);
        QVERIFY(sent < head.size());
    }

    void idleTimeout()
    {
        HttpServerSettings settings;
        settings.idleTimeoutMs = 700;
        startServer(settings);
        RawClient c(m_server->serverPort());
        c.send("GET /api/hello HTTP/1.1\r\nHost: t\r\n\r\n");
        QVERIFY(c.read());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(c.waitClosed(3000));
        QVERIFY(timer.elapsed() >= 500);
        QVERIFY(timer.elapsed() < 2000);
    }

    void slowBodyIsCutOff()
    {
        HttpServerSettings settings;
        settings.bodyMinBytesPerSecond = 1000;
        startServer(settings);
        RawClient c(m_server->serverPort());
        c.send("POST /api/echo HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n");
        QElapsedTimer timer;
        timer.start();
        while (c.connected() && c.buffer().isEmpty() && timer.elapsed() < 8000) {
            c.send("0123456789"); // 10 bytes every 100 ms: 100 B/s
            QTest::qWait(100);
        }
        const auto r = c.read(2000);
        QVERIFY(r);
        QCOMPARE(r->status, 408);
        QVERIFY(timer.elapsed() < 4000);
    }

    void handlerExceptionGives500()
    {
        startServer();
        TestHttpClient client;
        const auto r = client.get(url(QStringLiteral("/api/throw")));
        QCOMPARE(r.status, 500);
        QCOMPARE(r.errorCode(), QByteArray("internal_error"));
        const auto r2 = client.get(url(QStringLiteral("/api/throw-int")));
        QCOMPARE(r2.status, 500);
        const auto ok = client.get(url(QStringLiteral("/api/hello")));
        QCOMPARE(ok.status, 200);
    }

    void headRequest()
    {
        startServer();
        RawClient c(m_server->serverPort());
        c.send("GET /api/hello HTTP/1.1\r\nHost: t\r\n\r\n");
        const auto get = c.read();
        QVERIFY(get);
        c.send("HEAD /api/hello HTTP/1.1\r\nHost: t\r\n\r\nGET /api/echo/after HTTP/1.1\r\nHost: t\r\n\r\n");
        const auto head = c.read(5000, true);
        QVERIFY(head);
        QCOMPARE(head->status, 200);
        QCOMPARE(head->header("content-length"), QByteArray::number(get->body.size()));
        QCOMPARE(head->header("content-type"), QByteArray("application/json"));
        const auto after = c.read();
        QVERIFY(after); // no stray body bytes between the two responses
        QCOMPARE(after->json().value(QStringLiteral("word")).toString(), QStringLiteral("after"));
    }

    void optionsAndCors()
    {
        startServer();
        TestHttpClient client;
        const auto plain = client.request("OPTIONS", url(QStringLiteral("/api/hello")));
        QCOMPARE(plain.status, 204);
        QVERIFY(plain.header("Allow").contains("DELETE"));
        QVERIFY(plain.header("Access-Control-Allow-Origin").isEmpty());

        HttpServerSettings settings;
        settings.corsAllowedOrigins = {QStringLiteral("https://app.example")};
        settings.corsExposeHeaders = "Upload-Offset, Location";
        startServer(settings);
        const auto preflight = client.request("OPTIONS", url(QStringLiteral("/api/hello")), {},
                                              {{"Origin", "https://app.example"},
                                               {"Access-Control-Request-Method", "DELETE"},
                                               {"Access-Control-Request-Headers", "authorization"}});
        QCOMPARE(preflight.status, 204);
        QCOMPARE(preflight.header("Access-Control-Allow-Origin"), QByteArray("https://app.example"));
        QVERIFY(preflight.header("Access-Control-Allow-Methods").contains("DELETE"));
        QCOMPARE(preflight.header("Access-Control-Allow-Headers"), QByteArray("authorization"));
        QVERIFY(!preflight.header("Access-Control-Max-Age").isEmpty());
        QVERIFY(preflight.header("Vary").contains("Origin"));

        const auto simple = client.request("GET", url(QStringLiteral("/api/hello")), {}, {{"Origin", "https://app.example"}});
        QCOMPARE(simple.status, 200);
        QCOMPARE(simple.header("Access-Control-Allow-Origin"), QByteArray("https://app.example"));
        QCOMPARE(simple.header("Access-Control-Expose-Headers"), QByteArray("Upload-Offset, Location"));
        QVERIFY(simple.header("Vary").contains("Origin"));

        const auto foreign = client.request("GET", url(QStringLiteral("/api/hello")), {}, {{"Origin", "https://evil.example"}});
        QCOMPARE(foreign.status, 200);
        QVERIFY(foreign.header("Access-Control-Allow-Origin").isEmpty());
    }

    void fileResponsesWithRanges()
    {
        startServer();
        TestHttpClient client;
        const auto full = client.get(url(QStringLiteral("/files/big.bin")));
        QCOMPARE(full.status, 200);
        QCOMPARE(full.body.size(), m_bigFile.size());
        QVERIFY(full.body == m_bigFile);
        QCOMPARE(full.header("Accept-Ranges"), QByteArray("bytes"));
        const QByteArray etag = full.header("ETag");
        const QByteArray lastModified = full.header("Last-Modified");
        QVERIFY(!etag.isEmpty());
        QVERIFY(lastModified.endsWith("GMT"));

        auto range = [&](const QByteArray &value) {
            return client.request("GET", url(QStringLiteral("/files/big.bin")), {}, {{"Range", value}});
        };
        const auto mid = range("bytes=1000-1999");
        QCOMPARE(mid.status, 206);
        QCOMPARE(mid.body, m_bigFile.mid(1000, 1000));
        QCOMPARE(mid.header("Content-Range"), "bytes 1000-1999/" + QByteArray::number(m_bigFile.size()));
        const auto suffix = range("bytes=-500");
        QCOMPARE(suffix.status, 206);
        QCOMPARE(suffix.body, m_bigFile.right(500));
        const auto open = range("bytes=4000000-");
        QCOMPARE(open.status, 206);
        QVERIFY(open.body == m_bigFile.mid(4000000));
        const auto beyond = range("bytes=99999999-");
        QCOMPARE(beyond.status, 416);
        QCOMPARE(beyond.header("Content-Range"), "bytes */" + QByteArray::number(m_bigFile.size()));

        const auto cached = client.request("GET", url(QStringLiteral("/files/big.bin")), {}, {{"If-None-Match", etag}});
        QCOMPARE(cached.status, 304);
        QVERIFY(cached.body.isEmpty());
        const auto since = client.request("GET", url(QStringLiteral("/files/big.bin")), {}, {{"If-Modified-Since", lastModified}});
        QCOMPARE(since.status, 304);
        const auto stale = client.request("GET", url(QStringLiteral("/files/big.bin")), {}, {{"If-None-Match", "\"other\""}});
        QCOMPARE(stale.status, 200);
        const auto missing = client.get(url(QStringLiteral("/files/none.bin")));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.errorCode(), QByteArray("not_found"));
        const auto traversal = client.get(url(QStringLiteral("/files/%2e%2e/%2e%2e/etc/passwd")));
        QCOMPARE(traversal.status, 404);

        // HEAD on a file: length without body.
        RawClient c(m_server->serverPort());
        c.send("HEAD /files/big.bin HTTP/1.1\r\nHost: t\r\n\r\n");
        const auto head = c.read(5000, true);
        QVERIFY(head);
        QCOMPARE(head->header("content-length"), QByteArray::number(m_bigFile.size()));
        QTest::qWait(100);
        QVERIFY(c.buffer().isEmpty());
    }

    void fileBodyStreamedToDisk()
    {
        startServer();
        const QByteArray payload = randomBytes(3 * 1024 * 1024 + 7);
        TestHttpClient client;
        const auto r = client.request("POST", url(QStringLiteral("/api/upload")), payload,
                                      {{"Content-Type", "application/octet-stream"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("size")).toInteger(), payload.size());
        QCOMPARE(r.json().value(QStringLiteral("inMemory")).toInt(), 0);
        QCOMPARE(r.json().value(QStringLiteral("sha256")).toString(),
                 QString::fromLatin1(QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex()));
        QVERIFY2(tempFiles().isEmpty(), qPrintable(tempFiles().join(u',')));
    }

    void fileBodyKeptByHandlerAndCappedUpload()
    {
        startServer();
        const QByteArray payload = randomBytes(2 * 1024 * 1024 + 1);
        TestHttpClient client;
        const auto kept = client.request("PUT", url(QStringLiteral("/api/keep/one")), payload);
        QCOMPARE(kept.status, 201);
        QFile f(m_dir.filePath(QStringLiteral("kept-one")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll() == payload);
        QVERIFY(tempFiles().isEmpty());

        // A chunked upload to a file route cut off at the cap leaves no temporary file behind.
        RawClient c(m_server->serverPort());
        c.send("POST /api/upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = QByteArray::number(256 * 1024, 16) + "\r\n" + QByteArray(256 * 1024, 'f') + "\r\n";
        for (int i = 0; i < 40 && c.connected() && c.buffer().isEmpty(); ++i) { // 10 MiB against 8 MiB
            c.send(chunk);
            (void)QTest::qWaitFor([&c] { return c.socket().bytesToWrite() == 0 || !c.connected(); }, 2000);
        }
        const auto r = c.read(5000);
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QVERIFY(QTest::qWaitFor([this] { return tempFiles().isEmpty(); }, 3000));
    }

    void http10()
    {
        startServer();
        RawClient c(m_server->serverPort());
        c.send("GET /api/hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        const auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 200);
        QCOMPARE(r->header("connection"), QByteArray("keep-alive"));
        c.send("GET /api/hello HTTP/1.0\r\n\r\n");
        const auto r2 = c.read();
        QVERIFY(r2);
        QCOMPARE(r2->header("connection"), QByteArray("close"));
        QVERIFY(c.waitClosed(3000));
    }

    void webSocketUpgrade()
    {
        startServer();
        m_server->setWebSocketHandler([](QWebSocket *socket) {
            QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                             [socket](const QString &message) { socket->sendTextMessage(QStringLiteral("echo:") + message); });
            QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        });
        QWebSocket ws;
        QSignalSpy received(&ws, &QWebSocket::textMessageReceived);
        QSignalSpy connected(&ws, &QWebSocket::connected);
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_server->serverPort())));
        QVERIFY(connected.wait(5000));
        ws.sendTextMessage(QStringLiteral("ping"));
        QVERIFY(received.wait(5000));
        QCOMPARE(received.first().first().toString(), QStringLiteral("echo:ping"));
        ws.close();

        // A handshake whose head arrives in pieces is still handed over intact.
        RawClient raw(m_server->serverPort());
        raw.send("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        QTest::qWait(300);
        raw.send("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 "Sec-WebSocket-Version: 13\r\n\r\n");
        QVERIFY(QTest::qWaitFor([&raw] { return raw.buffer().contains("\r\n\r\n"); }, 5000));
        QVERIFY2(raw.buffer().startsWith("HTTP/1.1 101"), raw.buffer().constData());
        QVERIFY(raw.buffer().contains("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));

        // Plain HTTP still works next to it.
        TestHttpClient client;
        QCOMPARE(client.get(url(QStringLiteral("/api/hello"))).status, 200);
        // A GET /ws without Upgrade is an ordinary (unknown) route.
        QCOMPARE(client.get(url(QStringLiteral("/ws"))).status, 404);
    }

    void maxConnections()
    {
        HttpServerSettings settings;
        settings.maxConnections = 2;
        startServer(settings);
        RawClient a(m_server->serverPort());
        RawClient b(m_server->serverPort());
        QVERIFY(QTest::qWaitFor([this] { return m_metrics.openConnections() == 2; }, 3000));
        RawClient c(m_server->serverPort());
        const auto r = c.read();
        QVERIFY(r);
        QCOMPARE(r->status, 503);
        QCOMPARE(r->errorCode(), QStringLiteral("too_many_connections"));
        a.send("GET /api/hello HTTP/1.1\r\nHost: t\r\n\r\n");
        const auto ok = a.read();
        QVERIFY(ok);
        QCOMPARE(ok->status, 200);
    }

    void metricsExposition()
    {
        startServer();
        TestHttpClient client;
        QCOMPARE(client.get(url(QStringLiteral("/api/hello"))).status, 200);
        const QByteArray text = m_metrics.renderPrometheus();
        QVERIFY(text.contains("# TYPE kinora_http_requests_total counter"));
        QVERIFY(text.contains("kinora_http_requests_total{method=\"GET\",route=\"/api/hello\",status=\"200\"}"));
        QVERIFY(text.contains("kinora_http_request_duration_seconds_bucket{route=\"/api/hello\",le=\"+Inf\"}"));
        QVERIFY(text.contains("kinora_http_open_connections "));
        QVERIFY(m_metrics.bytesSent() > 0);
    }

    void pathResolver()
    {
        const QString root = m_filesRoot;
        QVERIFY(QDir().mkpath(root + QStringLiteral("/videos/1")));
        QVERIFY(resolveUnder(root, QStringLiteral("big.bin")).has_value());
        QCOMPARE(*resolveUnder(root, QStringLiteral("videos/1/index.m3u8")),
                 QFileInfo(root).canonicalFilePath() + QStringLiteral("/videos/1/index.m3u8"));
        const QStringList bad = {QStringLiteral("../secret"), QStringLiteral("videos/../../secret"),
                                 QStringLiteral("%2e%2e/secret"), QStringLiteral("%2E%2E%2Fsecret"),
                                 QStringLiteral("videos%2f..%2f..%2fsecret"), QStringLiteral("/etc/passwd"),
                                 QStringLiteral("videos\\..\\..\\secret"), QStringLiteral("a%00b"),
                                 QString::fromUtf8("a\0b", 3), QStringLiteral("./big.bin"),
                                 QStringLiteral("%252e%252e/secret"), QStringLiteral("videos//1"),
                                 QStringLiteral("C:/Windows"), QString()};
        for (const QString &path : bad)
            QVERIFY2(!resolveUnder(root, path).has_value(), qPrintable(path));

        // A symlink leading out of the root is refused; one inside is fine.
        const QString outside = m_dir.filePath(QStringLiteral("outside"));
        QVERIFY(QDir().mkpath(outside));
        QVERIFY(QFile::link(outside, root + QStringLiteral("/escape")));
        QVERIFY(!resolveUnder(root, QStringLiteral("escape")).has_value());
        QVERIFY(!resolveUnder(root, QStringLiteral("escape/file.txt")).has_value());
        QVERIFY(QFile::link(root + QStringLiteral("/videos"), root + QStringLiteral("/alias")));
        QVERIFY(resolveUnder(root, QStringLiteral("alias/1")).has_value());
    }

    void mimeTypes()
    {
        QCOMPARE(MimeTypes::forPath(u"a/master.m3u8"), QByteArray("application/vnd.apple.mpegurl"));
        QCOMPARE(MimeTypes::forPath(u"seg_001.ts"), QByteArray("video/mp2t"));
        QCOMPARE(MimeTypes::forPath(u"x.M4S"), QByteArray("video/iso.segment"));
        QCOMPARE(MimeTypes::forPath(u"thumb.webp"), QByteArray("image/webp"));
        QVERIFY(MimeTypes::forPath(u"sb.vtt").startsWith("text/vtt"));
        QCOMPARE(MimeTypes::forPath(u"dir.d/noext"), QByteArray("application/octet-stream"));
    }

    void garbageAndAbandonedClients()
    {
        startServer();
        QRandomGenerator gen(7);
        {
            std::vector<std::unique_ptr<RawClient>> clients;
            for (int i = 0; i < 60; ++i) {
                auto c = std::make_unique<RawClient>(m_server->serverPort());
                QByteArray junk(int(gen.bounded(1, 3000)), Qt::Uninitialized);
                for (char &ch : junk)
                    ch = char(gen.bounded(256));
                if (i % 3 == 0)
                    junk = "POST /api/upload HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n" + junk; // abandoned mid-body
                else if (i % 3 == 1)
                    junk = "GET /api/hello HTTP/1.1\r\nHost: t\r\nX-Partial: "; // abandoned mid-head
                c->send(junk);
                clients.push_back(std::move(c));
            }
            QVERIFY(QTest::qWaitFor([this] { return m_metrics.openConnections() > 0; }, 3000));
            QTest::qWait(200);
        } // every client disconnects here
        QVERIFY2(QTest::qWaitFor([this] { return m_metrics.openConnections() == 0; }, 5000),
                 qPrintable(QString::number(m_metrics.openConnections())));
        QVERIFY(QTest::qWaitFor([this] { return tempFiles().isEmpty(); }, 3000));
        TestHttpClient client;
        QCOMPARE(client.get(url(QStringLiteral("/api/hello"))).status, 200);
    }

    void closeStopsEverything()
    {
        startServer();
        RawClient c(m_server->serverPort());
        c.send("GET /api/hello HTTP/1.1\r\nHost: t\r\n\r\n");
        QVERIFY(c.read());
        const quint16 port = m_server->serverPort();
        m_server->close();
        QVERIFY(c.waitClosed(3000));
        RawClient again(port);
        QVERIFY(!again.connected());
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_httpserver.moc"
