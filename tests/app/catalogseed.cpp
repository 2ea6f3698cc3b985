#include "catalogseed.h"

#include "tests/support/serverprocess.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace Kinora::Tests {

CatalogSeed::CatalogSeed(ServerProcess *server)
    : m_server(server)
{
}

bool CatalogSeed::registerUser(const QString &username, Account *account, QString *error)
{
    const auto reply = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/register")),
                                       QJsonObject{{QStringLiteral("username"), username},
                                                   {QStringLiteral("password"), QStringLiteral("a long enough passphrase")}});
    if (reply.status != 201) {
        *error = QStringLiteral("register %1: HTTP %2 %3").arg(username).arg(reply.status).arg(QString::fromUtf8(reply.body));
        return false;
    }
    const QJsonObject json = reply.json();
    account->id = json.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString();
    account->username = username;
    account->accessToken = json.value(QLatin1String("accessToken")).toString();
    account->refreshToken = json.value(QLatin1String("refreshToken")).toString();
    return true;
}

QString CatalogSeed::createVideo(const Account &owner, QJsonObject fields, QString *error)
{
    if (!fields.contains(QLatin1String("visibility")))
        fields.insert(QStringLiteral("visibility"), QStringLiteral("public"));
    const auto reply = m_http.postJson(m_server->url(QStringLiteral("/api/v1/videos")), fields, owner.accessToken.toUtf8());
    if (reply.status != 201) {
        *error = QStringLiteral("create video: HTTP %1 %2").arg(reply.status).arg(QString::fromUtf8(reply.body));
        return {};
    }
    return reply.json().value(QLatin1String("video")).toObject().value(QLatin1String("id")).toString();
}

bool CatalogSeed::transcode(const QString &videoId, const QString &workDir, QString *error)
{
    if (m_clip.isEmpty()) {
        const QString clip = QDir(workDir).filePath(QStringLiteral("clip.mp4"));
        QProcess ffmpeg;
        ffmpeg.setProcessChannelMode(QProcess::MergedChannels);
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-hide_banner"), QStringLiteral("-loglevel"), QStringLiteral("error"),
                      QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                      QStringLiteral("testsrc2=size=320x180:rate=25:duration=4"), QStringLiteral("-f"),
                      QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=frequency=440:duration=4"),
                      QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"),
                      QStringLiteral("ultrafast"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                      QStringLiteral("-c:a"), QStringLiteral("aac"), QStringLiteral("-shortest"), clip});
        if (!ffmpeg.waitForFinished(60000) || ffmpeg.exitCode() != 0) {
            *error = QStringLiteral("ffmpeg: ") + QString::fromUtf8(ffmpeg.readAll());
            return false;
        }
        m_clip = clip;
    }
    const QString out = m_server->dataDir() + QStringLiteral("/media/videos/") + videoId;
    // Not runCommand(): transcode takes no --data-dir.
    QProcess server;
    server.setProcessChannelMode(QProcess::MergedChannels);
    server.start(QStringLiteral(KINORA_SERVER_BINARY),
                 {QStringLiteral("transcode"), m_clip, out, QStringLiteral("--ladder"), QStringLiteral("240"),
                  QStringLiteral("--preset"), QStringLiteral("ultrafast")});
    const bool finished = server.waitForFinished(120000);
    const QByteArray output = server.readAll();
    const int code = finished && server.exitStatus() == QProcess::NormalExit ? server.exitCode() : -1;
    if (code != 0 || !QFile::exists(out + QStringLiteral("/master.m3u8"))) {
        *error = QStringLiteral("transcode exit %1: %2").arg(code).arg(QString::fromUtf8(output));
        return false;
    }
    return true;
}

bool CatalogSeed::markReady(const Account &owner, const QString &videoId, qint64 durationMs, QString *error)
{
    const QString name = QUuid::createUuid().toString();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_server->dataDir() + QStringLiteral("/kinora.sqlite"));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("UPDATE videos SET state = 'ready', published_at = ?, duration_ms = ? WHERE id = ?"));
            query.addBindValue(QDateTime::currentMSecsSinceEpoch() - 1000);
            query.addBindValue(durationMs);
            query.addBindValue(videoId);
            ok = query.exec() && query.numRowsAffected() == 1;
            if (!ok)
                *error = QStringLiteral("update video %1: %2").arg(videoId, query.lastError().text());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!ok)
        return false;
    const QUrl url = m_server->url(QStringLiteral("/api/v1/videos/") + videoId);
    const auto current = m_http.get(url, owner.accessToken.toUtf8());
    const QString title = current.json().value(QLatin1String("video")).toObject().value(QLatin1String("title")).toString();
    const auto patched = m_http.request("PATCH", url,
                                        QJsonDocument(QJsonObject{{QStringLiteral("title"), title}}).toJson(QJsonDocument::Compact),
                                        {{"Content-Type", "application/json"},
                                         {"Authorization", "Bearer " + owner.accessToken.toUtf8()}});
    if (patched.status != 200) {
        *error = QStringLiteral("touch video %1: HTTP %2 %3").arg(videoId).arg(patched.status).arg(QString::fromUtf8(patched.body));
        return false;
    }
    return true;
}

} // namespace Kinora::Tests
