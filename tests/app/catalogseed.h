#pragma once

#include "tests/support/testhttpclient.h"

#include <QJsonObject>
#include <QString>

namespace Kinora::Tests {

class ServerProcess;

// Puts videos into a running kinora-server the way the app tests need them,
// without the processing pipeline: accounts through the API, a video created
// as its creator, its HLS ladder made by "kinora-server transcode" from a
// 4 s ffmpeg test clip, and its state set to ready in the server's database.
class CatalogSeed
{
public:
    struct Account
    {
        QString id;
        QString username;
        QString accessToken;
        QString refreshToken;
    };

    explicit CatalogSeed(ServerProcess *server);

    bool registerUser(const QString &username, Account *account, QString *error);
    // fields: the video fields of POST /api/v1/videos (visibility defaults to public).
    QString createVideo(const Account &owner, QJsonObject fields, QString *error);
    // Transcodes the test clip into the video's media folder: one 180p rung (the
    // source height; the planner has no 180p bitrate, a 240p rung is capped to it).
    bool transcode(const QString &videoId, const QString &workDir, QString *error);
    // Marks the video ready and published now, then lets its owner touch it
    // through the API so that the server indexes it for search.
    bool markReady(const Account &owner, const QString &videoId, qint64 durationMs, QString *error);

private:
    ServerProcess *m_server;
    TestHttpClient m_http;
    QString m_clip;
};

} // namespace Kinora::Tests
