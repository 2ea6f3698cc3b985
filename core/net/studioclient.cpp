#include "core/net/studioclient.h"

#include "core/net/apiclient.h"
#include "core/net/apireply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace Kinora::Core {

namespace {

QString encoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QString videoPath(const QString &id)
{
    return QStringLiteral("/api/v1/videos/") + encoded(id);
}

ApiError invalidResponse()
{
    ApiError error;
    error.httpStatus = 200;
    error.code = QStringLiteral("invalid_response");
    error.message = StudioClient::tr("The server sent an answer Kinora does not understand.");
    return error;
}

// Runs parse on the reply's JSON on success; a body without the expected shape is an error too.
template<typename T>
void handle(ApiReply *reply, QObject *context, StudioClient::Callback<T> done,
            std::function<bool(const QJsonObject &json, T *result)> parse)
{
    QObject::connect(reply, &ApiReply::finished, context, [reply, done = std::move(done), parse = std::move(parse)] {
        T result{};
        if (!reply->isSuccess()) {
            done(result, reply->error());
            return;
        }
        if (!parse(reply->json(), &result)) {
            done(T{}, invalidResponse());
            return;
        }
        done(result, ApiError());
    });
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
    QString path = QStringLiteral("/api/v1/users/me/videos");
    QStringList query;
    if (limit > 0)
        query.append(QStringLiteral("limit=") + QString::number(limit));
    if (!cursor.isEmpty())
        query.append(QStringLiteral("cursor=") + encoded(cursor));
    if (!query.isEmpty())
        path += QLatin1Char('?') + query.join(QLatin1Char('&'));
    handle<VideoPage>(m_api->sendRequest("GET", path, QByteArray(), ApiClient::Auth::Bearer), context, std::move(done),
                      [](const QJsonObject &json, VideoPage *page) {
                          const QJsonValue items = json.value(QLatin1String("items"));
                          if (!items.isArray())
                              return false;
                          for (const QJsonValue &item : items.toArray())
                              page->items.append(VideoSummary::fromJson(item.toObject()));
                          page->nextCursor = json.value(QLatin1String("nextCursor")).toString();
                          return true;
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
