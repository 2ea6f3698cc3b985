#include "tests/support/postgresinstance.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace Kinora::Tests;

namespace {
using Headers = QList<std::pair<QByteArray, QByteArray>>;

bool runTool(const QString &program, const QStringList &args, QByteArray *output = nullptr, int timeoutMs = 120000)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return false;
    }
    const QByteArray out = process.readAll();
    if (output)
        *output = out;
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        qWarning("%s failed: %s", qPrintable(program), out.constData());
        return false;
    }
    return true;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + path.mid(from.size());
        if (it.fileInfo().isDir()) {
            QDir().mkpath(target);
        } else if (!QFile::copy(path, target)) {
            return false;
        }
    }
    return true;
}
} // namespace

// The processing queue of the real kinora-server binary: raw uploads are
// transcoded and published, studio packages validated and published, jobs
// survive kill -9 and are retried with backoff.
class tst_Processing : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_work;
    std::unique_ptr<ServerProcess> m_server;
    TestHttpClient m_http;
    QString m_clip;       // 6 s, 640x360, H.264 + AAC
    QString m_longClip;   // 60 s, for a job that is still running when the server is killed
    QString m_ladder;     // a studio package folder made by `kinora-server transcode`
    int m_users = 0;
    static constexpr qint64 UserQuota = qint64(64) << 20;

    static QProcessEnvironment environment()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_AUTH_KDF_OPS_LIMIT"), QStringLiteral("1"));
        env.insert(QStringLiteral("KINORA_AUTH_KDF_MEM_LIMIT_KIB"), QStringLiteral("64"));
        env.insert(QStringLiteral("KINORA_AUTH_RATE_IP_BURST"), QStringLiteral("100000"));
        env.insert(QStringLiteral("KINORA_UPLOAD_USER_QUOTA"), QString::number(UserQuota));
        env.insert(QStringLiteral("KINORA_PROCESSING_LADDER"), QStringLiteral("360,240"));
        env.insert(QStringLiteral("KINORA_PROCESSING_PRESET"), QStringLiteral("ultrafast"));
        env.insert(QStringLiteral("KINORA_PROCESSING_MAX_ATTEMPTS"), QStringLiteral("3"));
        env.insert(QStringLiteral("KINORA_PROCESSING_RETRY_BASE_SECONDS"), QStringLiteral("1"));
        return env;
    }

    QByteArray newUser()
    {
        const QString name = QStringLiteral("creator%1").arg(++m_users);
        const auto r = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/register")),
                                       QJsonObject{{QStringLiteral("username"), name}, {QStringLiteral("password"), QStringLiteral("password1")}});
        if (r.status != 201)
            qWarning() << "register" << r.status << r.body;
        return r.json().value(QLatin1String("accessToken")).toString().toUtf8();
    }

    QString newVideo(const QByteArray &token)
    {
        const auto r = m_http.postJson(m_server->url(QStringLiteral("/api/v1/videos")),
                                       QJsonObject{{QStringLiteral("title"), QStringLiteral("Clip")},
                                                   {QStringLiteral("visibility"), QStringLiteral("public")}}, token);
        if (r.status != 201)
            qWarning() << "create video" << r.status << r.body;
        return r.json().value(QLatin1String("video")).toObject().value(QLatin1String("id")).toString();
    }

    // A tus upload (creation, then PATCH in 1 MiB chunks); returns the upload id, empty on failure.
    QString upload(const QByteArray &token, const QString &path, const QString &videoId, const QByteArray &kind = {})
    {
        const QByteArray data = readFile(path);
        QByteArray metadata = "filename " + QFileInfo(path).fileName().toUtf8().toBase64();
        if (!videoId.isEmpty())
            metadata += ",videoId " + videoId.toUtf8().toBase64();
        if (!kind.isEmpty())
            metadata += ",kind " + kind.toBase64();
        const Headers auth{{"Tus-Resumable", "1.0.0"}, {"Authorization", "Bearer " + token}};
        Headers create = auth;
        create.append(std::pair<QByteArray, QByteArray>("Upload-Length", QByteArray::number(data.size())));
        create.append(std::pair<QByteArray, QByteArray>("Upload-Metadata", metadata));
        const auto created = m_http.request("POST", m_server->url(QStringLiteral("/api/v1/uploads/")), {}, create);
        if (created.status != 201) {
            qWarning() << "create upload" << created.status << created.body;
            return {};
        }
        const QByteArray location = created.header("Location");
        for (qsizetype offset = 0; offset < data.size(); offset += 1 << 20) {
            Headers patch = auth;
            patch.append(std::pair<QByteArray, QByteArray>("Upload-Offset", QByteArray::number(offset)));
            patch.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/offset+octet-stream"));
            const auto r = m_http.request("PATCH", m_server->url(QString::fromUtf8(location)), data.mid(offset, 1 << 20), patch);
            if (r.status != 204) {
                qWarning() << "patch" << r.status << r.body;
                return {};
            }
        }
        return QString::fromUtf8(location.mid(location.lastIndexOf('/') + 1));
    }

    QJsonObject status(const QString &videoId, const QByteArray &token)
    {
        return m_http.get(m_server->url(QStringLiteral("/api/v1/videos/%1/status").arg(videoId)), token).json();
    }

    // Polls the status until it is ready or failed; the states seen on the way go to *seen.
    QJsonObject waitSettled(const QString &videoId, const QByteArray &token, QStringList *seen = nullptr, int timeoutMs = 120000)
    {
        QElapsedTimer timer;
        timer.start();
        QJsonObject s;
        while (timer.elapsed() < timeoutMs) {
            s = status(videoId, token);
            const QString state = s.value(QLatin1String("state")).toString();
            if (seen && (seen->isEmpty() || seen->last() != state))
                seen->append(state);
            if (state == QLatin1String("ready") || state == QLatin1String("failed"))
                return s;
            QThread::msleep(100);
        }
        return s;
    }

    QString mediaFolder(const QString &videoId) const
    {
        return QDir(m_server->dataDir()).filePath(QStringLiteral("media/videos/") + videoId);
    }

    // Leftovers of staging or transcoder work folders in media/videos.
    QStringList leftovers() const
    {
        return QDir(QDir(m_server->dataDir()).filePath(QStringLiteral("media/videos")))
            .entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)
            .filter(QLatin1String("."));
    }

    QString makePackage(const QString &name, const std::function<bool(const QString &)> &edit = {})
    {
        const QString folder = m_work->filePath(name);
        if (!copyTree(m_ladder, folder) || (edit && !edit(folder)))
            return {};
        const QString archive = m_work->filePath(name + QStringLiteral(".tar"));
        if (!runTool(QStringLiteral("tar"), {QStringLiteral("--format=ustar"), QStringLiteral("-cf"), archive, QStringLiteral("-C"), folder,
                                             QStringLiteral(".")}))
            return {};
        return archive;
    }

    void expectFailedPackage(const QString &archive, const QString &reasonPart)
    {
        const QByteArray token = newUser();
        const QString video = newVideo(token);
        QVERIFY(!upload(token, archive, video, "package").isEmpty());
        const QJsonObject s = waitSettled(video, token);
        QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        const QString reason = s.value(QLatin1String("reason")).toString();
        QVERIFY2(reason.contains(reasonPart), qPrintable(reason));
        QVERIFY2(!QFileInfo::exists(mediaFolder(video)), qPrintable(mediaFolder(video)));
        QVERIFY(leftovers().isEmpty());
        QCOMPARE(m_http.get(m_server->url(QStringLiteral("/media/videos/%1/master.m3u8").arg(video))).status, 404);
    }

    // Until the first rung's encoder runs (at most 30 s).
    bool waitUntilTranscoding(const QString &video, const QByteArray &token)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30000) {
            const QJsonArray rungs = status(video, token).value(QLatin1String("renditions")).toArray();
            if (!rungs.isEmpty() && rungs[0].toObject().value(QLatin1String("state")).toString() == QLatin1String("running"))
                return true;
            QThread::msleep(20);
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty() || QStandardPaths::findExecutable(QStringLiteral("ffprobe")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("tar")).isEmpty())
            QSKIP("ffmpeg, ffprobe and tar are needed");
        m_work = std::make_unique<QTemporaryDir>();
        QVERIFY(m_work->isValid());
        m_clip = m_work->filePath(QStringLiteral("clip.mp4"));
        m_longClip = m_work->filePath(QStringLiteral("long.mp4"));
        for (const auto &[path, seconds] : {std::pair{m_clip, 6}, std::pair{m_longClip, 60}}) {
            QVERIFY(runTool(QStringLiteral("ffmpeg"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                                                       QStringLiteral("-i"), QStringLiteral("testsrc2=size=640x360:rate=25"), QStringLiteral("-f"),
                                                       QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine"), QStringLiteral("-t"),
                                                       QString::number(seconds), QStringLiteral("-c:v"), QStringLiteral("libx264"),
                                                       QStringLiteral("-preset"), QStringLiteral("ultrafast"), QStringLiteral("-c:a"),
                                                       QStringLiteral("aac"), QStringLiteral("-shortest"), path}));
        }
        m_server = std::make_unique<ServerProcess>(QStringList{}, environment());
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_ladder = m_work->filePath(QStringLiteral("ladder"));
        QByteArray out;
        QVERIFY(runTool(QStringLiteral(KINORA_SERVER_BINARY),
                        {QStringLiteral("transcode"), m_clip, m_ladder, QStringLiteral("--ladder"), QStringLiteral("360,240"),
                         QStringLiteral("--preset"), QStringLiteral("ultrafast"), QStringLiteral("--segment-seconds"), QStringLiteral("2")},
                        &out));
        QVERIFY2(QFileInfo::exists(m_ladder + QStringLiteral("/240p/seg_00002.ts")), out.constData());
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }

    void rawUploadIsTranscodedAndPublished()
    {
        const QByteArray token = newUser();
        const QString video = newVideo(token);
        QVERIFY(!video.isEmpty());
        QCOMPARE(status(video, token).value(QLatin1String("state")).toString(), QStringLiteral("uploading"));
        QVERIFY(!upload(token, m_clip, video).isEmpty());
        QStringList seen;
        const QJsonObject s = waitSettled(video, token, &seen);
        QCOMPARE(seen.first(), QStringLiteral("processing"));
        QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(s.value(QLatin1String("percent")).toDouble(), 100.0);
        QCOMPARE(s.value(QLatin1String("attempts")).toInt(), 1);
        const QJsonArray rungs = s.value(QLatin1String("renditions")).toArray();
        QCOMPARE(rungs.size(), 2);
        QCOMPARE(rungs[0].toObject().value(QLatin1String("name")).toString(), QStringLiteral("360p"));
        QCOMPARE(rungs[1].toObject().value(QLatin1String("name")).toString(), QStringLiteral("240p"));
        QCOMPARE(rungs[1].toObject().value(QLatin1String("state")).toString(), QStringLiteral("done"));

        // Others do not learn about it; the video carries its duration.
        QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/videos/%1/status").arg(video))).status, 404);
        QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/videos/%1/status").arg(video)), newUser()).status, 404);
        const auto info = m_http.get(m_server->url(QStringLiteral("/api/v1/videos/%1").arg(video)));
        QCOMPARE(info.status, 200);
        QVERIFY(qAbs(info.json().value(QLatin1String("video")).toObject().value(QLatin1String("durationMs")).toDouble() - 6000) < 200);

        const auto master = m_http.get(m_server->url(QStringLiteral("/media/videos/%1/master.m3u8").arg(video)));
        QCOMPARE(master.status, 200);
        QVERIFY(master.body.contains("360p/index.m3u8"));
        QVERIFY(master.body.contains("240p/index.m3u8"));
        QCOMPARE(m_http.get(m_server->url(QStringLiteral("/media/videos/%1/thumbs/poster.jpg").arg(video))).status, 200);
        QByteArray probe;
        QVERIFY(runTool(QStringLiteral("ffprobe"), {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                                                    QStringLiteral("v:0"), QStringLiteral("-show_entries"), QStringLiteral("stream=height"),
                                                    QStringLiteral("-of"), QStringLiteral("csv=p=0"),
                                                    mediaFolder(video) + QStringLiteral("/240p/index.m3u8")}, &probe));
        QCOMPARE(probe.trimmed().split('\n').first(), QByteArray("240"));
        QVERIFY(leftovers().isEmpty());
        // The input belongs to processing and is gone once published.
        QCOMPARE(QDir(QDir(m_server->dataDir()).filePath(QStringLiteral("uploads"))).entryList(QDir::Files).size(), 0);
    }

    void uploadWithoutVideoIsLeftAlone()
    {
        const QByteArray token = newUser();
        const QString id = upload(token, m_clip, {});
        QVERIFY(!id.isEmpty());
        QThread::msleep(300);
        QVERIFY(QFileInfo::exists(QDir(m_server->dataDir()).filePath(QStringLiteral("uploads/") + id)));
    }

    void killedJobIsRedoneAfterRestart()
    {
        const QByteArray token = newUser();
        const QString video = newVideo(token);
        QVERIFY(!upload(token, m_longClip, video).isEmpty());
        // Wait until the transcode runs, then crash the server.
        QVERIFY(waitUntilTranscoding(video, token));
        m_server->kill9();
        QString error;
        QVERIFY2(m_server->restart(&error), qPrintable(error));
        const QJsonObject s = waitSettled(video, token);
        QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(s.value(QLatin1String("attempts")).toInt(), 2);
        QVERIFY(leftovers().isEmpty());
        QCOMPARE(m_http.get(m_server->url(QStringLiteral("/media/videos/%1/360p/index.m3u8").arg(video))).status, 200);
        QVERIFY(m_server->output().contains("queued again"));
    }

    void stoppedJobIsLeftQueuedAndRedone()
    {
        const QByteArray token = newUser();
        const QString video = newVideo(token);
        QVERIFY(!upload(token, m_longClip, video).isEmpty());
        QVERIFY(waitUntilTranscoding(video, token));
        // SIGTERM: the transcode is cancelled, nothing is half published and the attempt does not count.
        m_server->stop();
        QCOMPARE(m_server->exitCode(), 0);
        QVERIFY(!QFileInfo::exists(mediaFolder(video)));
        QVERIFY(leftovers().isEmpty());
        QString error;
        QVERIFY2(m_server->restart(&error), qPrintable(error));
        const QJsonObject s = waitSettled(video, token);
        QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(s.value(QLatin1String("attempts")).toInt(), 1);
        QVERIFY(!m_server->output().contains("queued again"));
    }

    void lostInputIsRetriedWithBackoffThenFails()
    {
        const QByteArray token = newUser();
        const QString video = newVideo(token);
        const QString id = upload(token, m_longClip, video);
        QVERIFY(!id.isEmpty());
        m_server->kill9();
        // The input is lost while the server is down: every attempt fails.
        QFile::remove(QDir(m_server->dataDir()).filePath(QStringLiteral("uploads/") + id));
        QString error;
        QVERIFY2(m_server->restart(&error), qPrintable(error));
        QElapsedTimer timer;
        timer.start();
        bool sawRetry = false;
        QJsonObject s;
        while (timer.elapsed() < 60000) {
            s = status(video, token);
            if (s.value(QLatin1String("state")).toString() != QLatin1String("processing"))
                break;
            sawRetry = sawRetry || s.value(QLatin1String("reason")).toString().contains(QLatin1String("gone"));
            QThread::msleep(100);
        }
        QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
        QVERIFY(sawRetry);
        QCOMPARE(s.value(QLatin1String("attempts")).toInt(), 3);
        // The last attempt waited 2 s at least (backoff from 1 s, doubled after the second failure).
        QVERIFY2(timer.elapsed() >= 1900, qPrintable(QString::number(timer.elapsed())));
        const QString reason = s.value(QLatin1String("reason")).toString();
        QVERIFY2(reason.contains(QLatin1String("the uploaded file is gone")) && reason.contains(QLatin1String("3 attempts")), qPrintable(reason));
    }

    void validPackageIsPublished()
    {
        const QString archive = makePackage(QStringLiteral("valid"));
        QVERIFY(!archive.isEmpty());
        const QByteArray token = newUser();
        const QString video = newVideo(token);
        QVERIFY(!upload(token, archive, video, "package").isEmpty());
        const QJsonObject s = waitSettled(video, token);
        QCOMPARE(s.value(QLatin1String("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(s.value(QLatin1String("renditions")).toArray().size(), 2);
        const auto master = m_http.get(m_server->url(QStringLiteral("/media/videos/%1/master.m3u8").arg(video)));
        QCOMPARE(master.status, 200);
        QCOMPARE(master.body, readFile(m_ladder + QStringLiteral("/master.m3u8")));
        QCOMPARE(m_http.get(m_server->url(QStringLiteral("/media/videos/%1/240p/seg_00002.ts").arg(video))).body,
                 readFile(m_ladder + QStringLiteral("/240p/seg_00002.ts")));
        const auto info = m_http.get(m_server->url(QStringLiteral("/api/v1/videos/%1").arg(video)));
        QCOMPARE(info.json().value(QLatin1String("video")).toObject().value(QLatin1String("durationMs")).toInt(), 6000);

        // The package counts against the quota like any upload.
        const qint64 packageSize = QFileInfo(archive).size();
        const Headers auth{{"Tus-Resumable", "1.0.0"}, {"Authorization", "Bearer " + token}};
        Headers tooBig = auth;
        tooBig.append(std::pair<QByteArray, QByteArray>("Upload-Length", QByteArray::number(UserQuota - packageSize + 1)));
        const auto refused = m_http.request("POST", m_server->url(QStringLiteral("/api/v1/uploads/")), {}, tooBig);
        QCOMPARE(refused.status, 413);
        QCOMPARE(refused.errorCode(), QByteArray("quota_reached"));
        Headers fits = auth;
        fits.append(std::pair<QByteArray, QByteArray>("Upload-Length", QByteArray::number(UserQuota - packageSize)));
        QCOMPARE(m_http.request("POST", m_server->url(QStringLiteral("/api/v1/uploads/")), {}, fits).status, 201);
    }

    void packageWithMissingSegmentFails()
    {
        const QString archive = makePackage(QStringLiteral("missing"), [](const QString &folder) {
            return QFile::remove(folder + QStringLiteral("/240p/seg_00001.ts"));
        });
        QVERIFY(!archive.isEmpty());
        expectFailedPackage(archive, QStringLiteral("rendition 240p: segment seg_00001.ts is missing"));
    }

    void packageWithGarbagePlaylistFails()
    {
        const QString archive = makePackage(QStringLiteral("garbage"), [](const QString &folder) {
            const QString path = folder + QStringLiteral("/360p/index.m3u8");
            QByteArray text = readFile(path);
            text.replace("#EXT-X-ENDLIST", "this is not a playlist line\n#EXT-X-ENDLIST");
            return writeFile(path, text);
        });
        QVERIFY(!archive.isEmpty());
        expectFailedPackage(archive, QStringLiteral("rendition 360p: 360p/index.m3u8: line 13"));
    }

    void packageWithWrongResolutionFails()
    {
        const QString archive = makePackage(QStringLiteral("resolution"), [](const QString &folder) {
            const QString path = folder + QStringLiteral("/master.m3u8");
            QByteArray text = readFile(path);
            text.replace("RESOLUTION=426x240", "RESOLUTION=428x240");
            return writeFile(path, text);
        });
        QVERIFY(!archive.isEmpty());
        expectFailedPackage(archive, QStringLiteral("RESOLUTION 428x240 does not match segment seg_00000.ts (426x240)"));
    }

    void packageThatIsNoTarFails()
    {
        expectFailedPackage(m_clip, QStringLiteral("not a POSIX ustar archive"));
    }

    // The same queue on PostgreSQL: claiming, progress and publishing. The
    // video's own state is not asserted: the catalog keeps its search index in
    // SQLite FTS5, so its state changes do not commit on PostgreSQL yet.
    void rawUploadOnPostgres()
    {
        if (PostgresInstance::binDir().isEmpty())
            QSKIP("PostgreSQL binaries are not installed");
        PostgresInstance postgres;
        QString error;
        QVERIFY2(postgres.start(&error), qPrintable(error));
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("KINORA_DATABASE_BACKEND"), QStringLiteral("postgres"));
        env.insert(QStringLiteral("KINORA_DATABASE_HOST"), postgres.socketDir());
        env.insert(QStringLiteral("KINORA_DATABASE_PORT"), QString::number(postgres.port()));
        env.insert(QStringLiteral("KINORA_DATABASE_NAME"), postgres.databaseName());
        env.insert(QStringLiteral("KINORA_DATABASE_USER"), postgres.user());
        auto server = std::make_unique<ServerProcess>(QStringList{}, env);
        QVERIFY2(server->start(&error), qPrintable(error));
        std::swap(server, m_server);
        const QByteArray token = newUser();
        const QString video = newVideo(token);
        const bool uploaded = !upload(token, m_clip, video).isEmpty();
        QJsonObject s;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000 && s.value(QLatin1String("percent")).toDouble() < 100.0) {
            QThread::msleep(100);
            s = status(video, token);
        }
        const bool published = QFileInfo::exists(mediaFolder(video) + QStringLiteral("/240p/index.m3u8"));
        std::swap(server, m_server);
        server->stop();
        QVERIFY(uploaded);
        QCOMPARE(s.value(QLatin1String("percent")).toDouble(), 100.0);
        QCOMPARE(s.value(QLatin1String("attempts")).toInt(), 1);
        const QJsonArray rungs = s.value(QLatin1String("renditions")).toArray();
        QCOMPARE(rungs.size(), 2);
        QCOMPARE(rungs[0].toObject().value(QLatin1String("state")).toString(), QStringLiteral("done"));
        QVERIFY(published);
    }
};

QTEST_GUILESS_MAIN(tst_Processing)
#include "tst_processing.moc"
