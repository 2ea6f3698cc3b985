#pragma once

#include "core/net/apierror.h"
#include "core/net/catalogclient.h"
#include "core/net/processingstatus.h"
#include "core/net/videodraft.h"
#include "core/net/videosummary.h"

#include <QObject>

#include <functional>

namespace Kinora::Core {

class ApiClient;
class ApiReply;

// The creator's side of the catalog REST API on top of ApiClient: drafts,
// metadata, thumbnails, deletion, the creator's own videos and their
// processing status. Asynchronous like CatalogClient: the callback runs once
// on the GUI thread, and not at all when `context` is gone by then.
class StudioClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(const T &result, const ApiError &error)>;
    using DoneCallback = std::function<void(const ApiError &error)>;

    explicit StudioClient(ApiClient *api, QObject *parent = nullptr);

    ApiClient *api() const { return m_api; }

    // POST /api/v1/videos: a draft in the caller's channel (title required).
    void createVideo(const VideoDraft &draft, QObject *context, Callback<VideoSummary> done);
    // PATCH /api/v1/videos/{id}: only the fields set in `changes`.
    void updateVideo(const QString &videoId, const VideoDraft &changes, QObject *context, Callback<VideoSummary> done);
    void deleteVideo(const QString &videoId, QObject *context, DoneCallback done);
    // POST /api/v1/videos/{id}/thumbnail; mimeType image/png, image/jpeg or image/webp.
    void uploadThumbnail(const QString &videoId, const QByteArray &image, const QByteArray &mimeType, QObject *context,
                         Callback<VideoSummary> done);
    // GET /api/v1/users/me/videos: every video of the caller, drafts included.
    void myVideos(const QString &cursor, int limit, QObject *context, Callback<VideoPage> done);
    // GET /api/v1/videos/{id}/status.
    void processingStatus(const QString &videoId, QObject *context, Callback<ProcessingStatus> done);

private:
    ApiClient *m_api;
};

} // namespace Kinora::Core
