#pragma once

#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace Kinora::Server::Storage {
class Database;
}
namespace Kinora::Server::Search {
class Fts5SearchIndex;
}
namespace Kinora::Server::Catalog {
class ChannelService;
class VideoService;
}

namespace Kinora::Tests {

// A real kinora-server with users and ready videos, for the delivery and
// playback tests. Videos are created through the catalog API; their media is
// a 4-second clip generated with the ffmpeg CLI and transcoded once by
// `kinora-server transcode`, then copied into each video's folder; this
// process then moves them to `ready` on the server's SQLite file, as the
// processing pipeline would.
class MediaFixture
{
public:
    using Reply = TestHttpClient::Reply;
    using Headers = QList<std::pair<QByteArray, QByteArray>>;

    explicit MediaFixture(QStringList serverArgs = {});
    ~MediaFixture();

    bool start(QString *error);
    void stop();

    ServerProcess &server() { return *m_server; }
    QString mediaDir() const;
    QString databasePath() const;

    QByteArray registerUser(const QString &name);
    bool setRole(const QString &name, const QString &role);
    // A video of the token's owner with the given visibility, transcoded and ready; empty on failure.
    QString readyVideo(const QByteArray &ownerToken, const QString &visibility);

    Reply call(const QByteArray &method, const QString &path, const QByteArray &token = {}, const QJsonObject &body = {},
               const Headers &extraHeaders = {});
    Reply get(const QString &path, const QByteArray &token = {}, const Headers &extraHeaders = {});
    // Sends the request target exactly as given (no URL normalisation) and returns the status and body.
    Reply rawGet(const QString &target, quint16 port = 0) { return rawRequest("GET", target, port); }
    Reply rawRequest(const QByteArray &method, const QString &target, quint16 port = 0);

    QByteArray fileBytes(const QString &relativeToMedia) const;

private:
    bool ensureRendition(QString *error);

    QStringList m_serverArgs;
    std::unique_ptr<ServerProcess> m_server;
    TestHttpClient m_http;
    QTemporaryDir m_work;
    QString m_rendition; // transcoded folder, copied for every video
    std::unique_ptr<Server::Storage::Database> m_db;
    std::unique_ptr<Server::Search::Fts5SearchIndex> m_index;
    std::unique_ptr<Server::Catalog::ChannelService> m_channels;
    std::unique_ptr<Server::Catalog::VideoService> m_pipeline;
};

} // namespace Kinora::Tests
