#include "tests/support/serverprocess.h"
#include "testmedia.h"

#include <QCryptographicHash>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>

using namespace Kinora::Tests;

namespace {
using Headers = QList<std::pair<QByteArray, QByteArray>>;

struct Reply
{
    int status = 0;
    QByteArray body;
    QList<QNetworkReply::RawHeaderPair> headers;
    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray code() const { return json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString().toUtf8(); }
};

// Waits for a reply; HEAD goes through QNetworkAccessManager::head so that no body is awaited.
Reply wait(QNetworkReply *reply, int timeoutMs = 60000)
{
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    Reply r;
    if (reply->isFinished()) {
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.headers = reply->rawHeaderPairs();
    } else {
        reply->abort();
    }
    delete reply;
    return r;
}

QNetworkRequest makeRequest(const QUrl &url, const Headers &headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return request;
}

Reply send(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url, const Headers &headers, const QByteArray &body = {})
{
    const QNetworkRequest request = makeRequest(url, headers);
    if (method == "HEAD")
        return wait(nam.head(request));
    return wait(nam.sendCustomRequest(request, method, body));
}

QByteArray b64(const QByteArray &text)
{
    return text.toBase64();
}
}

// The tus 1.0.0 endpoint of the real kinora-server binary.
class tst_TusProtocol : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_work;
    std::unique_ptr<ServerProcess> m_server;
    QNetworkAccessManager m_nam;
    QString m_clip;
    int m_fileCounter = 0;

    static QProcessEnvironment baseEnvironment()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_AUTH_KDF_OPS_LIMIT"), QStringLiteral("1"));
        env.insert(QStringLiteral("KINORA_AUTH_KDF_MEM_LIMIT_KIB"), QStringLiteral("64"));
        env.insert(QStringLiteral("KINORA_AUTH_RATE_IP_BURST"), QStringLiteral("100000"));
        env.insert(QStringLiteral("KINORA_UPLOAD_MAX_FILE_SIZE"), QString::number(64 << 20));
        env.insert(QStringLiteral("KINORA_UPLOAD_USER_QUOTA"), QString::number(150 << 20));
        env.insert(QStringLiteral("KINORA_UPLOAD_DAILY_QUOTA"), QString::number(250 << 20));
        env.insert(QStringLiteral("KINORA_UPLOAD_MAX_INCOMPLETE_PER_USER"), QStringLiteral("12"));
        return env;
    }

    QByteArray registerUser(ServerProcess &server, const QString &name)
    {
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("username"), name},
                                                          {QStringLiteral("password"), QStringLiteral("password1")}}).toJson();
        const Reply r = send(m_nam, "POST", server.url(QStringLiteral("/api/v1/auth/register")),
                             {{"Content-Type", "application/json"}}, body);
        if (r.status != 201)
            qWarning() << "register" << name << r.status << r.body;
        return r.json().value(QLatin1String("accessToken")).toString().toUtf8();
    }

    static Headers tus(const QByteArray &token, Headers more = {})
    {
        more.append(std::pair<QByteArray, QByteArray>("Tus-Resumable", "1.0.0"));
        if (!token.isEmpty())
            more.append(std::pair<QByteArray, QByteArray>("Authorization", "Bearer " + token));
        return more;
    }

    Reply create(ServerProcess &server, const QByteArray &token, qint64 length, const QByteArray &metadata = {})
    {
        Headers h = tus(token, {{"Upload-Length", QByteArray::number(length)}});
        if (!metadata.isEmpty())
            h.append(std::pair<QByteArray, QByteArray>("Upload-Metadata", metadata));
        return send(m_nam, "POST", server.url(QStringLiteral("/api/v1/uploads/")), h);
    }

    Reply patch(ServerProcess &server, const QByteArray &token, const QByteArray &location, qint64 offset, const QByteArray &bytes,
                Headers extra = {})
    {
        Headers h = tus(token, {{"Upload-Offset", QByteArray::number(offset)}, {"Content-Type", "application/offset+octet-stream"}});
        h += extra;
        return send(m_nam, "PATCH", server.url(QString::fromUtf8(location)), h, bytes);
    }

    QString mediaFile(qint64 size, quint32 seed)
    {
        const QString path = m_work->filePath(QStringLiteral("media-%1.ts").arg(++m_fileCounter));
        QString error;
        if (!TestMedia::makePadded(m_clip, size, seed, path, &error))
            qWarning("%s", qPrintable(error));
        return path;
    }

    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    static QString idOf(const QByteArray &location)
    {
        return QString::fromUtf8(location.mid(location.lastIndexOf('/') + 1));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_work = std::make_unique<QTemporaryDir>();
        m_clip = m_work->filePath(QStringLiteral("clip.ts"));
        QString error;
        QVERIFY2(TestMedia::makeClip(m_clip, &error), qPrintable(error));
        m_server = std::make_unique<ServerProcess>(QStringList{}, baseEnvironment());
        QVERIFY2(m_server->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }

    void optionsAdvertisesExtensions()
    {
        const Reply r = send(m_nam, "OPTIONS", m_server->url(QStringLiteral("/api/v1/uploads/")), {});
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("Tus-Version"), QByteArray("1.0.0"));
        QCOMPARE(r.header("Tus-Resumable"), QByteArray("1.0.0"));
        const QByteArray extensions = r.header("Tus-Extension");
        for (const char *e : {"creation", "creation-with-upload", "termination", "checksum", "expiration"})
            QVERIFY2(extensions.split(',').contains(QByteArray(e)), e);
        QCOMPARE(r.header("Tus-Max-Size"), QByteArray::number(64 << 20));
        QCOMPARE(r.header("Tus-Checksum-Algorithm"), QByteArray("sha1,sha256"));
    }

    void creationChecks()
    {
        const QByteArray token = registerUser(*m_server, QStringLiteral("creator1"));
        QVERIFY(!token.isEmpty());
        const QUrl endpoint = m_server->url(QStringLiteral("/api/v1/uploads/"));
        // Not signed in, wrong protocol version, a viewer.
        QCOMPARE(send(m_nam, "POST", endpoint, tus({}, {{"Upload-Length", "10"}})).status, 401);
        const Reply noVersion = send(m_nam, "POST", endpoint, {{"Authorization", "Bearer " + token}, {"Upload-Length", "10"}});
        QCOMPARE(noVersion.status, 412);
        QCOMPARE(noVersion.header("Tus-Version"), QByteArray("1.0.0"));
        QByteArray out;
        QCOMPARE(m_server->runCommand({QStringLiteral("admin"), QStringLiteral("create-user"), QStringLiteral("watcher"),
                                       QStringLiteral("--role"), QStringLiteral("viewer")}, "password1\n", &out), 0);
        const Reply login = send(m_nam, "POST", m_server->url(QStringLiteral("/api/v1/auth/login")), {{"Content-Type", "application/json"}},
                                 R"({"username":"watcher","password":"password1"})");
        const QByteArray viewer = login.json().value(QLatin1String("accessToken")).toString().toUtf8();
        QVERIFY(!viewer.isEmpty());
        QCOMPARE(create(*m_server, viewer, 10).status, 403);

        // Upload-Length missing, deferred, garbage, too large; bad metadata.
        QCOMPARE(send(m_nam, "POST", endpoint, tus(token)).status, 400);
        const Reply deferred = send(m_nam, "POST", endpoint, tus(token, {{"Upload-Defer-Length", "1"}}));
        QCOMPARE(deferred.status, 400);
        QCOMPARE(deferred.code(), QByteArray("defer_length_unsupported"));
        QCOMPARE(create(*m_server, token, -5).status, 400);
        QCOMPARE(send(m_nam, "POST", endpoint, tus(token, {{"Upload-Length", "12abc"}})).status, 400);
        const Reply big = create(*m_server, token, (64 << 20) + 1);
        QCOMPARE(big.status, 413);
        QCOMPARE(big.code(), QByteArray("max_file_size_reached"));
        QCOMPARE(create(*m_server, token, 10, "filename %%%").status, 400);
    }

    void uploadInChunks()
    {
        const QByteArray token = registerUser(*m_server, QStringLiteral("chunker"));
        const QString source = mediaFile(3 << 20, 11);
        const QByteArray bytes = readFile(source);
        const Reply created = create(*m_server, token, bytes.size(), "filename " + b64("holiday.ts") + ",filetype " + b64("video/mp2t"));
        QCOMPARE(created.status, 201);
        const QByteArray location = created.header("Location");
        QVERIFY(location.startsWith("/api/v1/uploads/"));
        QCOMPARE(created.header("Upload-Offset"), QByteArray("0"));
        QDateTime expires = QLocale::c().toDateTime(QString::fromLatin1(created.header("Upload-Expires")),
                                                          QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        expires.setTimeSpec(Qt::UTC);
        QVERIFY2(expires.isValid(), created.header("Upload-Expires").constData());
        QVERIFY(expires > QDateTime::currentDateTime().addSecs(3600));

        const Reply head0 = send(m_nam, "HEAD", m_server->url(QString::fromUtf8(location)), tus(token));
        QCOMPARE(head0.status, 200);
        QCOMPARE(head0.header("Upload-Offset"), QByteArray("0"));
        QCOMPARE(head0.header("Upload-Length"), QByteArray::number(bytes.size()));
        QCOMPARE(head0.header("Cache-Control"), QByteArray("no-store"));
        QVERIFY(head0.header("Upload-Metadata").contains(b64("holiday.ts")));

        const QByteArray first = bytes.left(1 << 20);
        // Wrong content type, wrong offset, no version header.
        QCOMPARE(send(m_nam, "PATCH", m_server->url(QString::fromUtf8(location)),
                      tus(token, {{"Upload-Offset", "0"}, {"Content-Type", "application/octet-stream"}}), first).status, 415);
        const Reply conflict = patch(*m_server, token, location, 100, first);
        QCOMPARE(conflict.status, 409);
        QCOMPARE(send(m_nam, "PATCH", m_server->url(QString::fromUtf8(location)),
                      {{"Authorization", "Bearer " + token}, {"Upload-Offset", "0"}, {"Content-Type", "application/offset+octet-stream"}},
                      first).status, 412);
        // Checksums: a wrong one is refused and nothing is kept; an unknown algorithm is a bad request.
        const Reply mismatch = patch(*m_server, token, location, 0, first,
                                     {{"Upload-Checksum", "sha1 " + QCryptographicHash::hash("nope", QCryptographicHash::Sha1).toBase64()}});
        QCOMPARE(mismatch.status, 460);
        QCOMPARE(send(m_nam, "HEAD", m_server->url(QString::fromUtf8(location)), tus(token)).header("Upload-Offset"), QByteArray("0"));
        QCOMPARE(patch(*m_server, token, location, 0, first, {{"Upload-Checksum", "md5 AAAAAAAAAAAAAAAAAAAAAA=="}}).status, 400);

        const Reply p1 = patch(*m_server, token, location, 0, first,
                               {{"Upload-Checksum", "sha1 " + QCryptographicHash::hash(first, QCryptographicHash::Sha1).toBase64()}});
        QCOMPARE(p1.status, 204);
        QCOMPARE(p1.header("Upload-Offset"), QByteArray::number(first.size()));
        QCOMPARE(p1.header("Tus-Resumable"), QByteArray("1.0.0"));
        const QByteArray second = bytes.mid(first.size(), 1 << 20);
        const Reply p2 = patch(*m_server, token, location, first.size(), second,
                               {{"Upload-Checksum", "sha256 " + QCryptographicHash::hash(second, QCryptographicHash::Sha256).toBase64()}});
        QCOMPARE(p2.status, 204);
        // Too many bytes for the declared length.
        const Reply over = patch(*m_server, token, location, 2 << 20, bytes.mid(2 << 20) + "tail");
        QCOMPARE(over.status, 413);
        const Reply p3 = patch(*m_server, token, location, 2 << 20, bytes.mid(2 << 20));
        QCOMPARE(p3.status, 204);
        QCOMPARE(p3.header("Upload-Offset"), QByteArray::number(bytes.size()));

        const Reply info = send(m_nam, "GET", m_server->url(QString::fromUtf8(location)), {{"Authorization", "Bearer " + token}});
        QCOMPARE(info.status, 200);
        const QJsonObject upload = info.json().value(QLatin1String("upload")).toObject();
        QCOMPARE(upload.value(QLatin1String("state")).toString(), QStringLiteral("complete"));
        QCOMPARE(upload.value(QLatin1String("filename")).toString(), QStringLiteral("holiday.ts"));
        QCOMPARE(qint64(upload.value(QLatin1String("offset")).toDouble()), qint64(bytes.size()));
        const QJsonObject probe = upload.value(QLatin1String("probe")).toObject();
        QCOMPARE(probe.value(QLatin1String("container")).toString(), QStringLiteral("mpegts"));
        QCOMPARE(probe.value(QLatin1String("video")).toObject().value(QLatin1String("width")).toInt(), 320);
        const QString stored = QDir(m_server->dataDir()).filePath(QStringLiteral("uploads/") + idOf(location));
        QCOMPARE(TestMedia::sha256OfFile(stored), QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
    }

    void creationWithUpload()
    {
        const QByteArray token = registerUser(*m_server, QStringLiteral("oneshot"));
        const QByteArray bytes = readFile(mediaFile(1 << 20, 12));
        const Reply partial = send(m_nam, "POST", m_server->url(QStringLiteral("/api/v1/uploads/")),
                                   tus(token, {{"Upload-Length", QByteArray::number(bytes.size())},
                                               {"Content-Type", "application/offset+octet-stream"}}),
                                   bytes.left(300000));
        QCOMPARE(partial.status, 201);
        QCOMPARE(partial.header("Upload-Offset"), QByteArray("300000"));
        const Reply rest = patch(*m_server, token, partial.header("Location"), 300000, bytes.mid(300000));
        QCOMPARE(rest.status, 204);
        const QString stored = QDir(m_server->dataDir()).filePath(QStringLiteral("uploads/") + idOf(partial.header("Location")));
        QCOMPARE(TestMedia::sha256OfFile(stored), QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
    }

    void otherUsersSeeNothing()
    {
        const QByteArray alice = registerUser(*m_server, QStringLiteral("alice"));
        const QByteArray bob = registerUser(*m_server, QStringLiteral("bob"));
        const Reply created = create(*m_server, alice, 1000);
        const QByteArray location = created.header("Location");
        QCOMPARE(patch(*m_server, alice, location, 0, QByteArray(100, 'a')).status, 204);
        const QUrl url = m_server->url(QString::fromUtf8(location));
        QCOMPARE(send(m_nam, "HEAD", url, tus(bob)).status, 404);
        QCOMPARE(patch(*m_server, bob, location, 100, QByteArray(100, 'b')).status, 404);
        QCOMPARE(send(m_nam, "DELETE", url, tus(bob)).status, 404);
        QCOMPARE(send(m_nam, "GET", url, {{"Authorization", "Bearer " + bob}}).status, 404);
        // Alice's upload is untouched.
        QCOMPARE(send(m_nam, "HEAD", url, tus(alice)).header("Upload-Offset"), QByteArray("100"));
        QCOMPARE(send(m_nam, "HEAD", m_server->url(QStringLiteral("/api/v1/uploads/doesnotexist")), tus(alice)).status, 404);
    }

    void termination()
    {
        const QByteArray token = registerUser(*m_server, QStringLiteral("quitter"));
        const QByteArray location = create(*m_server, token, 5000).header("Location");
        QCOMPARE(patch(*m_server, token, location, 0, QByteArray(1000, 'q')).status, 204);
        const QString part = QDir(m_server->dataDir()).filePath(QStringLiteral("uploads/%1.part").arg(idOf(location)));
        QVERIFY(QFile::exists(part));
        const QUrl url = m_server->url(QString::fromUtf8(location));
        QCOMPARE(send(m_nam, "DELETE", url, tus(token)).status, 204);
        QVERIFY(!QFile::exists(part));
        QCOMPARE(send(m_nam, "HEAD", url, tus(token)).status, 410);
        QCOMPARE(patch(*m_server, token, location, 1000, QByteArray(10, 'q')).status, 410);
        QCOMPARE(send(m_nam, "DELETE", url, tus(token)).status, 410);
    }

    void nonMediaRenamedMp4IsRefused()
    {
        const QByteArray token = registerUser(*m_server, QStringLiteral("prankster"));
        const QByteArray text = QByteArray("Definitely a movie. Trust me.\n").repeated(40000);
        const Reply created = create(*m_server, token, text.size(), "filename " + b64("movie.mp4") + ",filetype " + b64("video/mp4"));
        const QByteArray location = created.header("Location");
        QCOMPARE(patch(*m_server, token, location, 0, text.left(500000)).status, 204);
        const Reply last = patch(*m_server, token, location, 500000, text.mid(500000));
        QCOMPARE(last.status, 422);
        QCOMPARE(last.code(), QByteArray("unsupported_media"));
        const Reply info = send(m_nam, "GET", m_server->url(QString::fromUtf8(location)), {{"Authorization", "Bearer " + token}});
        const QJsonObject upload = info.json().value(QLatin1String("upload")).toObject();
        QCOMPARE(upload.value(QLatin1String("state")).toString(), QStringLiteral("rejected"));
        QVERIFY(!upload.value(QLatin1String("reason")).toString().isEmpty());
        const QDir uploads(QDir(m_server->dataDir()).filePath(QStringLiteral("uploads")));
        QVERIFY(!uploads.exists(idOf(location)));
        QVERIFY(!uploads.exists(idOf(location) + QStringLiteral(".part")));
    }

    void quotas()
    {
        const QByteArray token = registerUser(*m_server, QStringLiteral("hoarder"));
        const qint64 size = 60 << 20;
        const QByteArray a = create(*m_server, token, size).header("Location");
        const QByteArray b = create(*m_server, token, size).header("Location");
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const Reply full = create(*m_server, token, size); // 180 MiB held > 150 MiB
        QCOMPARE(full.status, 413);
        QCOMPARE(full.code(), QByteArray("quota_reached"));
        QCOMPARE(send(m_nam, "DELETE", m_server->url(QString::fromUtf8(a)), tus(token)).status, 204);
        QCOMPARE(send(m_nam, "DELETE", m_server->url(QString::fromUtf8(b)), tus(token)).status, 204);
        const QByteArray c = create(*m_server, token, size).header("Location"); // held 60, today 180
        QVERIFY(!c.isEmpty());
        QCOMPARE(send(m_nam, "DELETE", m_server->url(QString::fromUtf8(c)), tus(token)).status, 204);
        QCOMPARE(create(*m_server, token, size).status, 201);   // held 60, today 240
        const Reply dailyFull = create(*m_server, token, size); // held 120 (fits), today 300 MiB > 250 MiB
        QCOMPARE(dailyFull.status, 413);
        QCOMPARE(dailyFull.code(), QByteArray("quota_reached"));
        QVERIFY(dailyFull.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString().contains(QStringLiteral("daily")));

        const QByteArray many = registerUser(*m_server, QStringLiteral("juggler"));
        for (int i = 0; i < 12; ++i)
            QCOMPARE(create(*m_server, many, 10).status, 201);
        const Reply tooMany = create(*m_server, many, 10);
        QCOMPARE(tooMany.status, 429);
        QCOMPARE(tooMany.code(), QByteArray("too_many_uploads"));
    }

    void killDuringPatchThenResume()
    {
        const QByteArray token = registerUser(*m_server, QStringLiteral("survivor"));
        const qint64 size = 48 << 20;
        const QString source = mediaFile(size, 13);
        const QByteArray bytes = readFile(source);
        const QByteArray location = create(*m_server, token, size).header("Location");
        const qint64 firstChunk = 16 << 20;
        QCOMPARE(patch(*m_server, token, location, 0, bytes.left(firstChunk)).status, 204);

        // A large PATCH whose body is cut off by a crash of the server.
        QTcpSocket socket;
        socket.connectToHost(m_server->baseUrl().host(), quint16(m_server->baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        const qint64 rest = size - firstChunk;
        socket.write("PATCH " + location + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                     + "\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: "
                     + QByteArray::number(firstChunk) + "\r\nContent-Length: " + QByteArray::number(rest) + "\r\n\r\n");
        socket.write(bytes.mid(firstChunk, 20 << 20));
        QElapsedTimer clock;
        clock.start();
        while (socket.bytesToWrite() > 0 && clock.elapsed() < 20000)
            socket.waitForBytesWritten(1000);
        QThread::msleep(200);
        m_server->kill9();
        socket.abort();
        // Simulate a crash in the middle of copying into the data file: bytes past the acknowledged offset.
        const QString part = QDir(m_server->dataDir()).filePath(QStringLiteral("uploads/%1.part").arg(idOf(location)));
        {
            QFile f(part);
            QVERIFY(f.open(QIODevice::Append));
            f.write(TestMedia::randomBytes(3 << 20, 99));
        }
        QString error;
        QVERIFY2(m_server->restart(&error), qPrintable(error));
        QCOMPARE(QFileInfo(part).size(), firstChunk);

        const Reply head = send(m_nam, "HEAD", m_server->url(QString::fromUtf8(location)), tus(token));
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Upload-Offset"), QByteArray::number(firstChunk));
        QCOMPARE(patch(*m_server, token, location, firstChunk, bytes.mid(firstChunk)).status, 204);
        const QString stored = QDir(m_server->dataDir()).filePath(QStringLiteral("uploads/") + idOf(location));
        QCOMPARE(TestMedia::sha256OfFile(stored), QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
    }

    void hundredConcurrentUploadsFromTenUsers()
    {
        constexpr int users = 10;
        constexpr int perUser = 10;
        constexpr qint64 size = 2 << 20;
        struct Job
        {
            QByteArray token;
            QByteArray bytes;
            QByteArray location;
            int stage = 0; // 0 creating, 1 first half, 2 second half, 3 done, -1 failed
            QString failure;
        };
        std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
        std::vector<Job> jobs;
        for (int u = 0; u < users; ++u) {
            const QByteArray token = registerUser(*m_server, QStringLiteral("crowd%1").arg(u));
            QVERIFY(!token.isEmpty());
            nams.push_back(std::make_unique<QNetworkAccessManager>());
            for (int i = 0; i < perUser; ++i)
                jobs.push_back(Job{token, readFile(mediaFile(size, quint32(1000 + u * perUser + i))), {}, 0, {}});
        }
        int pending = int(jobs.size());
        QEventLoop loop;
        std::function<void(int)> step = [&](int index) {
            Job &job = jobs[size_t(index)];
            QNetworkAccessManager &nam = *nams[size_t(index / perUser)];
            QNetworkReply *reply = nullptr;
            if (job.stage == 0) {
                reply = nam.post(makeRequest(m_server->url(QStringLiteral("/api/v1/uploads/")),
                                             tus(job.token, {{"Upload-Length", QByteArray::number(size)}})), QByteArray());
            } else {
                const qint64 offset = job.stage == 1 ? 0 : size / 2;
                reply = nam.sendCustomRequest(makeRequest(m_server->url(QString::fromUtf8(job.location)),
                                                          tus(job.token, {{"Upload-Offset", QByteArray::number(offset)},
                                                                          {"Content-Type", "application/offset+octet-stream"}})),
                                              "PATCH", job.bytes.mid(offset, size / 2));
            }
            QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, index] {
                reply->deleteLater();
                Job &j = jobs[size_t(index)];
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                const int expected = j.stage == 0 ? 201 : 204;
                if (status != expected) {
                    j.failure = QStringLiteral("stage %1: HTTP %2 %3").arg(j.stage).arg(status).arg(QString::fromUtf8(reply->readAll()));
                    j.stage = -1;
                } else {
                    if (j.stage == 0)
                        j.location = reply->rawHeader("Location");
                    ++j.stage;
                }
                if (j.stage == 3 || j.stage == -1) {
                    if (--pending == 0)
                        loop.quit();
                } else {
                    step(index);
                }
            });
        };
        for (int i = 0; i < int(jobs.size()); ++i)
            step(i);
        QTimer::singleShot(240000, &loop, &QEventLoop::quit);
        loop.exec();
        QCOMPARE(pending, 0);
        for (const Job &job : jobs) {
            QVERIFY2(job.stage == 3, qPrintable(job.failure));
            const QString stored = QDir(m_server->dataDir()).filePath(QStringLiteral("uploads/") + idOf(job.location));
            QCOMPARE(TestMedia::sha256OfFile(stored), QCryptographicHash::hash(job.bytes, QCryptographicHash::Sha256));
        }
    }

    void expiredUploadsAreCleanedUp()
    {
        QProcessEnvironment env = baseEnvironment();
        env.insert(QStringLiteral("KINORA_UPLOAD_EXPIRY_SECONDS"), QStringLiteral("2"));
        env.insert(QStringLiteral("KINORA_UPLOAD_CLEANUP_INTERVAL_SECONDS"), QStringLiteral("1"));
        ServerProcess server(QStringList{}, env);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QByteArray token = registerUser(server, QStringLiteral("sleepy"));
        const QByteArray location = create(server, token, 5000).header("Location");
        QCOMPARE(patch(server, token, location, 0, QByteArray(1000, 's')).status, 204);
        const QString part = QDir(server.dataDir()).filePath(QStringLiteral("uploads/%1.part").arg(idOf(location)));
        QVERIFY(QFile::exists(part));
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(part), 8000); // the periodic clean-up
        QCOMPARE(send(m_nam, "HEAD", server.url(QString::fromUtf8(location)), tus(token)).status, 410);
        const Reply info = send(m_nam, "GET", server.url(QString::fromUtf8(location)), {{"Authorization", "Bearer " + token}});
        QCOMPARE(info.json().value(QLatin1String("upload")).toObject().value(QLatin1String("state")).toString(), QStringLiteral("expired"));
        server.stop();
    }

    void expiredUploadsAreCleanedUpAtStart()
    {
        QProcessEnvironment env = baseEnvironment();
        env.insert(QStringLiteral("KINORA_UPLOAD_EXPIRY_SECONDS"), QStringLiteral("2"));
        env.insert(QStringLiteral("KINORA_UPLOAD_CLEANUP_INTERVAL_SECONDS"), QStringLiteral("3600"));
        ServerProcess server(QStringList{}, env);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const QByteArray token = registerUser(server, QStringLiteral("napper"));
        const QByteArray location = create(server, token, 5000).header("Location");
        QCOMPARE(patch(server, token, location, 0, QByteArray(1000, 'n')).status, 204);
        const QString part = QDir(server.dataDir()).filePath(QStringLiteral("uploads/%1.part").arg(idOf(location)));
        server.stop();
        QVERIFY(QFile::exists(part));
        QThread::msleep(2500);
        QVERIFY2(server.start(&error), qPrintable(error));
        QVERIFY(!QFile::exists(part));
        QCOMPARE(send(m_nam, "HEAD", server.url(QString::fromUtf8(location)), tus(token)).status, 410);
        server.stop();
    }
};

QTEST_GUILESS_MAIN(tst_TusProtocol)
#include "tst_tusprotocol.moc"
