#include "core/net/studioclient.h"

#include "core/net/apiclient.h"
#include "core/net/apireply.h"
#include "core/net/replyhandling.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace Kinora::Core {

namespace {

using Rest::encoded;
using Rest::handle;
using Rest::pagePath;

QString videoPath(const QString &id)
{
    return QStringLiteral("/api/v1/videos/") + encoded(id);
}

bool parseVideo(const QJsonObject &json, VideoSummary *video)
{
    *video = VideoSummary::fromJson(json.value(QLatin1String("video")).toObject());
    return video->isValid();
}

} // namespace

StudioClient::StudioClient(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

void StudioClient::createVideo(const VideoDraft &draft, QObject *context, Callback<VideoSummary> done)
{
    const QByteArray body = QJsonDocument(draft.toJson()).toJson(QJsonDocument::Compact);
    handle<VideoSummary>(m_api->sendRequest("POST", QStringLiteral("/api/v1/videos"), body, ApiClient::Auth::Bearer),
                         context, std::move(done), &parseVideo);
}

void StudioClient::updateVideo(const QString &videoId, const VideoDraft &changes, QObject *context,
                               Callback<VideoSummary> done)
{
    const QByteArray body = QJsonDocument(changes.toJson()).toJson(QJsonDocument::Compact);
    handle<VideoSummary>(m_api->sendRequest("PATCH", videoPath(videoId), body, ApiClient::Auth::Bearer), context,
                         std::move(done), &parseVideo);
}

void StudioClient::deleteVideo(const QString &videoId, QObject *context, DoneCallback done)
{
    ApiReply *reply = m_api->sendRequest("DELETE", videoPath(videoId), QByteArray(), ApiClient::Auth::Bearer);
    connect(reply, &ApiReply::finished, context, [reply, done = std::move(done)] {
        done(reply->isSuccess() ? ApiError() : reply->error());
    });
}

void StudioClient::uploadThumbnail(const QString &videoId, const QByteArray &image, const QByteArray &mimeType,
                                   QObject *context, Callback<VideoSummary> done)
{
    ApiReply *reply = m_api->sendRaw("POST", videoPath(videoId) + QStringLiteral("/thumbnail"), image, mimeType,
                                     ApiClient::Auth::Bearer);
    handle<VideoSummary>(reply, context, std::move(done), &parseVideo);
}

void StudioClient::myVideos(const QString &cursor, int limit, QObject *context, Callback<VideoPage> done)
{
    const QString path = pagePath(QStringLiteral("/api/v1/users/me/videos"), cursor, limit);
    handle<VideoPage>(m_api->sendRequest("GET", path, QByteArray(), ApiClient::Auth::Bearer), context, std::move(done),
                      [](const QJsonObject &json, VideoPage *page) {
                          return Rest::parsePage(json, page, &VideoSummary::fromJson);
                      });
}

void StudioClient::processingStatus(const QString &videoId, QObject *context, Callback<ProcessingStatus> done)
{
    handle<ProcessingStatus>(m_api->sendRequest("GET", videoPath(videoId) + QStringLiteral("/status"), QByteArray(),
                                                ApiClient::Auth::Bearer),
                             context, std::move(done), [](const QJsonObject &json, ProcessingStatus *status) {
                                 *status = ProcessingStatus::fromJson(json);
                                 return status->isValid();
                             });
}

} // namespace Kinora::Core
