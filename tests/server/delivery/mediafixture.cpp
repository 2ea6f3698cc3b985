#include "mediafixture.h"

#include "server/catalog/catalogsettings.h"
#include "server/catalog/channelservice.h"
#include "server/catalog/videoservice.h"
#include "server/search/fts5searchindex.h"
#include "server/storage/database.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>

namespace Kinora::Tests {

namespace {

const Server::Catalog::CatalogSettings &catalogSettings()
{
    static const Server::Catalog::CatalogSettings settings;
    return settings;
}

QString serverBinary()
{
    const QString fromEnv = qEnvironmentVariable("KINORA_SERVER_BINARY");
    return fromEnv.isEmpty() ? QStringLiteral(KINORA_SERVER_BINARY) : fromEnv;
}

bool runTool(const QString &program, const QStringList &args, QString *error)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = program + QStringLiteral(" failed: ") + QString::fromUtf8(process.readAll()) + process.errorString();
        return false;
    }
    return true;
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + source.mid(from.size());
        if (!QDir().mkpath(QFileInfo(target).path()) || !QFile::copy(source, target))
            return false;
    }
    return true;
}

} // namespace

MediaFixture::MediaFixture(QStringList serverArgs)
    : m_serverArgs(std::move(serverArgs))
{
}

MediaFixture::~MediaFixture()
{
    stop();
}

bool MediaFixture::start(QString *error)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("KINORA_AUTH_KDF_OPS_LIMIT"), QStringLiteral("1"));
    env.insert(QStringLiteral("KINORA_AUTH_KDF_MEM_LIMIT_KIB"), QStringLiteral("8192"));
    m_server = std::make_unique<ServerProcess>(m_serverArgs, env);
    if (!m_server->start(error))
        return false;
    Server::Storage::DatabaseSettings dbSettings;
    dbSettings.sqlitePath = databasePath();
    m_db = std::make_unique<Server::Storage::Database>(dbSettings);
    m_index = std::make_unique<Server::Search::Fts5SearchIndex>(*m_db);
    m_channels = std::make_unique<Server::Catalog::ChannelService>(*m_db, catalogSettings(), mediaDir());
    m_pipeline = std::make_unique<Server::Catalog::VideoService>(*m_db, catalogSettings(), *m_channels, *m_index, mediaDir());
    return true;
}

void MediaFixture::stop()
{
    m_pipeline.reset();
    m_channels.reset();
    m_index.reset();
    m_db.reset();
    if (m_server)
        m_server->stop();
}

QString MediaFixture::mediaDir() const
{
    return QDir(m_server->dataDir()).filePath(QStringLiteral("media"));
}

QString MediaFixture::databasePath() const
{
    return QDir(m_server->dataDir()).filePath(QStringLiteral("kinora.sqlite"));
}

QByteArray MediaFixture::registerUser(const QString &name)
{
    const Reply reply = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/register")),
                                        QJsonObject{{QStringLiteral("username"), name}, {QStringLiteral("password"), QStringLiteral("password1")}});
    if (reply.status != 201)
        qWarning() << "register" << name << reply.status << reply.body;
    return reply.json().value(QStringLiteral("accessToken")).toString().toUtf8();
}

bool MediaFixture::setRole(const QString &name, const QString &role)
{
    QByteArray output;
    const int code = m_server->runCommand({QStringLiteral("admin"), QStringLiteral("set-role"), name, role}, {}, &output);
    if (code != 0)
        qWarning() << "set-role" << name << role << code << output;
    return code == 0;
}

bool MediaFixture::ensureRendition(QString *error)
{
    if (!m_rendition.isEmpty())
        return true;
    const QString clip = m_work.filePath(QStringLiteral("clip.mp4"));
    const QString out = m_work.filePath(QStringLiteral("hls"));
    if (!runTool(QStringLiteral("ffmpeg"),
                 {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"),
                  QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("testsrc2=size=320x180:rate=25"),
                  QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"), QStringLiteral("sine=frequency=440:sample_rate=48000"),
                  QStringLiteral("-t"), QStringLiteral("4"), QStringLiteral("-c:v"), QStringLiteral("libx264"),
                  QStringLiteral("-preset"), QStringLiteral("ultrafast"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                  QStringLiteral("-c:a"), QStringLiteral("aac"), QStringLiteral("-shortest"), clip},
                 error))
        return false;
    // The ladder is capped at the source height, so this gives one 180p rendition.
    if (!runTool(serverBinary(), {QStringLiteral("transcode"), clip, out, QStringLiteral("--ladder"), QStringLiteral("240"),
                                  QStringLiteral("--preset"), QStringLiteral("ultrafast")},
                 error))
        return false;
    if (!QFile::exists(out + QStringLiteral("/master.m3u8"))) {
        *error = QStringLiteral("transcode wrote no master.m3u8");
        return false;
    }
    m_rendition = out;
    return true;
}

QString MediaFixture::readyVideo(const QByteArray &ownerToken, const QString &visibility)
{
    QString error;
    if (!ensureRendition(&error)) {
        qWarning().noquote() << error;
        return {};
    }
    const Reply created = call("POST", QStringLiteral("/api/v1/videos"), ownerToken,
                               QJsonObject{{QStringLiteral("title"), QStringLiteral("clip")},
                                           {QStringLiteral("visibility"), visibility}});
    const QString id = created.json().value(QStringLiteral("video")).toObject().value(QStringLiteral("id")).toString();
    if (created.status != 201 || id.isEmpty()) {
        qWarning() << "create video" << created.status << created.body;
        return {};
    }
    if (!copyTree(m_rendition, mediaDir() + QStringLiteral("/videos/") + id)) {
        qWarning() << "cannot copy the rendition for" << id;
        return {};
    }
    const auto ready = m_pipeline->setProcessingState(id, Server::Catalog::VideoState::Ready, {}, 4000);
    if (!ready) {
        qWarning().noquote() << "ready" << ready.error().message;
        return {};
    }
    return id;
}

MediaFixture::Reply MediaFixture::call(const QByteArray &method, const QString &path, const QByteArray &token,
                                       const QJsonObject &body, const Headers &extraHeaders)
{
    Headers headers = extraHeaders;
    if (!token.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token});
    QByteArray data;
    if (!body.isEmpty() || method == "POST") {
        headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
        data = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    return m_http.request(method, m_server->url(path), data, headers);
}

MediaFixture::Reply MediaFixture::get(const QString &path, const QByteArray &token, const Headers &extraHeaders)
{
    Headers headers = extraHeaders;
    if (!token.isEmpty())
        headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + token});
    // QUrl must keep the path as given (tokens contain '.', ids '-' and '_').
    return m_http.request("GET", QUrl(m_server->baseUrl().toString() + path, QUrl::StrictMode), {}, headers);
}

MediaFixture::Reply MediaFixture::rawRequest(const QByteArray &method, const QString &target, quint16 port)
{
    Reply reply;
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port ? port : quint16(m_server->baseUrl().port()));
    if (!socket.waitForConnected(5000)) {
        reply.networkError = socket.errorString();
        return reply;
    }
    socket.write(method + ' ' + target.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray data;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
        data += socket.readAll();
    data += socket.readAll();
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    const QList<QByteArray> lines = data.left(headEnd).split('\n');
    if (lines.isEmpty() || headEnd < 0) {
        reply.networkError = QStringLiteral("no HTTP response");
        return reply;
    }
    const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
    reply.status = statusLine.size() > 1 ? statusLine.at(1).toInt() : 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            reply.headers.append({lines.at(i).left(colon).trimmed(), lines.at(i).mid(colon + 1).trimmed()});
    }
    reply.body = data.mid(headEnd + 4);
    return reply;
}

QByteArray MediaFixture::fileBytes(const QString &relativeToMedia) const
{
    QFile file(mediaDir() + u'/' + relativeToMedia);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace Kinora::Tests
