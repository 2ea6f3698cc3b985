#include "studio/upload/uploadqueue_p.h"

#include "core/net/apiclient.h"
#include "core/net/apireply.h"
#include "core/net/studioclient.h"

#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Kinora::Studio {

namespace {
constexpr qint64 MaxThumbnailBytes = qint64(8) << 20;
} // namespace


QString UploadQueue::Private::apiErrorText(const Core::ApiError &error) const
{
    if (error.isNetworkError())
        return UploadQueue::tr("The server cannot be reached (%1). Kinora tries again automatically.").arg(error.message);
    if (error.httpStatus == 401)
        return UploadQueue::tr("Your session has expired. Sign in again, then choose Retry.");
    if (error.httpStatus == 403)
        return UploadQueue::tr("This account may not upload videos. Ask an administrator for the creator role.");
    return UploadQueue::tr("The server refused the request: %1 Choose Retry to try again.").arg(error.message);
}

void UploadQueue::Private::createDraft(Record &r)
{
    const qint64 id = r.item.id;
    if (!r.item.videoId.isEmpty()) {
        r.step = r.item.request.mode == UploadRequest::Mode::TranscodeHere ? Step::Transcode : Step::Upload;
        persist(r);
        scheduleSoon();
        return;
    }
    Core::VideoDraft draft = r.item.request.metadata;
    if (draft.thumbnail == QStringLiteral("custom"))
        draft.thumbnail.reset(); // chosen once the image is on the server
    Runtime &rt = runtime[id];
    rt.busy = true;
    const quint64 epoch = rt.epoch;
    studio->createVideo(draft, q, [this, id, epoch](const Core::VideoSummary &video, const Core::ApiError &error) {
        if (!current(id, epoch))
            return;
        runtime[id].busy = false;
        Record *r = find(id);
        if (!video.isValid()) {
            if (error.isNetworkError()) {
                r->item.error = apiErrorText(error);
                changed(id);
                later(id, NetworkRetryMs, [this] { scheduleSoon(); });
            } else {
                fail(id, apiErrorText(error));
            }
            return;
        }
        r->item.videoId = video.id;
        r->item.error.clear();
        r->step = r->item.request.mode == UploadRequest::Mode::TranscodeHere ? Step::Transcode : Step::Upload;
        persist(*r);
        changed(id);
        scheduleSoon();
    });
}

void UploadQueue::Private::upload(Record &r)
{
    const qint64 id = r.item.id;
    enter(r, Stage::Uploading, Step::Upload);
    if (r.item.bytesTotal > 0)
        r.item.percent = 100.0 * double(r.item.bytesSent) / double(r.item.bytesTotal);
    Runtime &rt = runtime[id];
    rt.authRefreshed = false;
    if (rt.uploader && (rt.uploader->state() == Core::TusUploader::State::Paused)) {
        rt.uploader->setBearerToken(studio->api()->accessToken().toUtf8());
        rt.uploader->resume();
        return;
    }
    dropUploader(id);
    const bool package = r.item.request.mode == UploadRequest::Mode::TranscodeHere;
    Core::TusUploadOptions tus;
    tus.endpoint = studio->api()->urlFor(QStringLiteral("/api/v1/uploads/"));
    tus.filePath = uploadFile(r);
    tus.chunkSize = options.chunkSize;
    tus.checksum = options.checksum;
    tus.bearerToken = studio->api()->accessToken().toUtf8();
    tus.metadata.insert(QStringLiteral("videoId"), r.item.videoId.toUtf8());
    const QString name = QFileInfo(r.item.request.filePath).fileName();
    if (package) {
        tus.metadata.insert(QStringLiteral("kind"), QByteArrayLiteral("package"));
        tus.metadata.insert(QStringLiteral("filename"), (QFileInfo(name).completeBaseName() + QStringLiteral(".tar")).toUtf8());
        tus.metadata.insert(QStringLiteral("filetype"), QByteArrayLiteral("application/x-tar"));
    } else {
        tus.metadata.insert(QStringLiteral("filename"), name.toUtf8());
    }
    // The SQLite journal is the authority: hand its upload to the uploader, which asks the server's offset.
    const QString key = Core::TusJournal::keyFor(tus.endpoint, tus.filePath);
    if (r.uploadUrl.isValid() && !r.uploadUrl.isEmpty() && !tusJournal->find(key))
        tusJournal->store(key, {r.uploadUrl, r.uploadOffset, QFileInfo(tus.filePath).size(), 0});
    auto *uploader = new Core::TusUploader(network, tus, tusJournal.get(), q);
    rt.uploader = uploader;
    using Core::TusUploader;
    QObject::connect(uploader, &TusUploader::uploadCreated, q, [this, id](const QUrl &url) {
        if (Record *r = find(id)) {
            r->uploadUrl = url;
            r->uploadOffset = 0;
            persist(*r);
        }
    });
    QObject::connect(uploader, &TusUploader::chunkAcknowledged, q, [this, id, uploader](qint64 offset) {
        if (Record *r = find(id)) {
            r->uploadUrl = uploader->uploadUrl();
            r->uploadOffset = offset;
            r->item.error.clear();
            persist(*r);
        }
    });
    QObject::connect(uploader, &TusUploader::progressed, q, [this, id](qint64 sent, qint64 total, double rate, qint64 eta) {
        Record *r = find(id);
        if (!r || r->item.stage != Stage::Uploading)
            return;
        r->item.bytesSent = sent;
        r->item.bytesTotal = total;
        r->item.percent = total > 0 ? 100.0 * double(sent) / double(total) : 0.0;
        r->item.speed = rate;
        r->item.etaSeconds = eta;
        changed(id);
    });
    QObject::connect(uploader, &TusUploader::retryScheduled, q, [this, id](int, int delayMs, const QString &reason) {
        if (Record *r = find(id)) {
            r->item.error = UploadQueue::tr("Connection trouble (%1); retrying in %2 s.").arg(reason).arg((delayMs + 999) / 1000);
            changed(id);
        }
    });
    QObject::connect(uploader, &TusUploader::finished, q, [this, id, uploader] {
        Record *r = find(id);
        if (!r)
            return;
        uploader->deleteLater();
        runtime[id].uploader = nullptr;
        releaseSlots(id);
        r->uploadOffset = r->item.bytesTotal = uploader->totalBytes();
        r->item.bytesSent = r->item.bytesTotal;
        r->item.error.clear();
        if (r->item.request.mode == UploadRequest::Mode::TranscodeHere)
            QFile::remove(packagePath(id));
        enter(*r, Stage::Processing, Step::Process);
        process(*r);
        scheduleSoon();
    });
    QObject::connect(uploader, &TusUploader::failed, q,
                     [this, id](TusUploader::Error error, const QString &message) { uploadFailed(id, error, message); });
    r.item.bytesTotal = QFileInfo(tus.filePath).size();
    uploader->start();
}

void UploadQueue::Private::uploadFailed(qint64 id, Core::TusUploader::Error error, const QString &message)
{
    using Core::TusUploader;
    Record *r = find(id);
    if (!r)
        return;
    Runtime &rt = runtime[id];
    const quint64 epoch = rt.epoch;
    switch (error) {
    case TusUploader::Error::AuthExpired:
        if (!rt.authRefreshed) {
            // Any authenticated call lets the ApiClient renew the tokens; then the upload continues.
            rt.authRefreshed = true;
            Core::ApiReply *reply = studio->api()->get(QStringLiteral("/api/v1/users/me"), Core::ApiClient::Auth::Bearer);
            QObject::connect(reply, &Core::ApiReply::finished, q, [this, id, epoch, reply] {
                if (!current(id, epoch))
                    return;
                Runtime &rt = runtime[id];
                if (!reply->isSuccess() || !rt.uploader) {
                    fail(id, reply->error().isNetworkError() ? apiErrorText(reply->error())
                                                             : UploadQueue::tr("Your session has expired. Sign in again, then choose Retry."));
                    return;
                }
                rt.uploader->setBearerToken(studio->api()->accessToken().toUtf8());
                rt.uploader->resume();
            });
            return;
        }
        fail(id, UploadQueue::tr("Your session has expired. Sign in again, then choose Retry."));
        return;
    case TusUploader::Error::Network:
        // Unreachable: keep the place in the queue and try again later.
        r->item.error = UploadQueue::tr("The server cannot be reached (%1). Kinora tries again automatically.").arg(message);
        changed(id);
        later(id, NetworkRetryMs, [this, id, epoch] {
            if (current(id, epoch) && runtime[id].uploader) {
                runtime[id].uploader->setBearerToken(studio->api()->accessToken().toUtf8());
                runtime[id].uploader->resume();
            }
        });
        return;
    case TusUploader::Error::QuotaReached:
        fail(id, UploadQueue::tr("Your upload quota is used up: %1 Delete videos you no longer need or ask the administrator for more space, then choose Retry.")
                     .arg(message));
        return;
    case TusUploader::Error::FileTooLarge:
        fail(id, UploadQueue::tr("The file is larger than the server accepts: %1 Shorten the video or convert it on this computer.").arg(message));
        return;
    case TusUploader::Error::Rejected:
        fail(id, UploadQueue::tr("The server does not accept this file: %1 Choose a video file (for example MP4, MKV, MOV or WebM).").arg(message));
        return;
    case TusUploader::Error::UploadGone:
        r->uploadUrl.clear();
        r->uploadOffset = 0;
        fail(id, UploadQueue::tr("The upload expired on the server. Choose Retry to send the file again."));
        return;
    case TusUploader::Error::Forbidden:
        fail(id, UploadQueue::tr("This account may not upload videos (%1). Ask an administrator for the creator role.").arg(message));
        return;
    case TusUploader::Error::File:
        fail(id, UploadQueue::tr("%1 Check that the file is still there, then choose Retry.").arg(message));
        return;
    default:
        fail(id, UploadQueue::tr("The upload failed: %1 Choose Retry to try again.").arg(message));
        return;
    }
}

void UploadQueue::Private::process(Record &r)
{
    if (r.item.stage != Stage::Processing) {
        r.item.stage = Stage::Processing;
        persist(r);
        changed(r.item.id);
    }
    if (r.step == Step::Thumbnail) {
        uploadThumbnail(r);
        return;
    }
    pollStatus(r.item.id);
}

void UploadQueue::Private::pollStatus(qint64 id)
{
    Runtime &rt = runtime[id];
    rt.busy = true;
    const quint64 epoch = rt.epoch;
    const QString videoId = find(id)->item.videoId;
    studio->processingStatus(videoId, q, [this, id, epoch](const Core::ProcessingStatus &status, const Core::ApiError &error) {
        if (!current(id, epoch))
            return;
        Record *r = find(id);
        if (!status.isValid()) {
            if (error.httpStatus == 404) {
                fail(id, UploadQueue::tr("The video was deleted on the server."));
            } else if (error.httpStatus == 401 || error.httpStatus == 403) {
                fail(id, apiErrorText(error));
            } else {
                r->item.error = apiErrorText(error);
                changed(id);
                later(id, qMax(options.statusPollMs, 1000), [this, id, epoch] {
                    if (current(id, epoch))
                        pollStatus(id);
                });
            }
            return;
        }
        if (status.state == QLatin1String("ready")) {
            runtime[id].busy = false;
            r->item.error.clear();
            const bool customThumbnail = r->item.request.metadata.thumbnail == QStringLiteral("custom")
                                         && !r->item.request.customThumbnailPath.isEmpty();
            if (customThumbnail) {
                r->step = Step::Thumbnail;
                persist(*r);
                uploadThumbnail(*r);
            } else {
                finish(*r);
            }
            return;
        }
        if (status.state == QLatin1String("failed")) {
            // Retry sends the file again (after converting it again when that was done here).
            r->step = r->item.request.mode == UploadRequest::Mode::TranscodeHere ? Step::Transcode : Step::Upload;
            r->uploadUrl.clear();
            r->uploadOffset = 0;
            fail(id, UploadQueue::tr("The server could not publish the video: %1").arg(status.reason));
            return;
        }
        r->item.percent = status.percent;
        r->item.error.clear();
        changed(id);
        later(id, options.statusPollMs, [this, id, epoch] {
            if (current(id, epoch))
                pollStatus(id);
        });
    });
}

void UploadQueue::Private::uploadThumbnail(Record &r)
{
    const qint64 id = r.item.id;
    const QString path = r.item.request.customThumbnailPath;
    QFile file(path);
    if (QFileInfo(path).size() > MaxThumbnailBytes || !file.open(QIODevice::ReadOnly)) {
        fail(id, UploadQueue::tr("The thumbnail %1 cannot be read. Choose another image, then choose Retry.").arg(QDir::toNativeSeparators(path)));
        return;
    }
    const QByteArray image = file.readAll();
    const QByteArray mime = QMimeDatabase().mimeTypeForData(image).name().toLatin1();
    Runtime &rt = runtime[id];
    rt.busy = true;
    const quint64 epoch = rt.epoch;
    const QString videoId = r.item.videoId;
    studio->uploadThumbnail(videoId, image, mime, q, [this, id, epoch, videoId](const Core::VideoSummary &video, const Core::ApiError &error) {
        if (!current(id, epoch))
            return;
        if (!video.isValid()) {
            fail(id, UploadQueue::tr("The thumbnail was refused: %1 Choose another image (PNG, JPEG or WebP), then choose Retry.")
                         .arg(error.message));
            return;
        }
        Core::VideoDraft change;
        change.thumbnail = QStringLiteral("custom");
        studio->updateVideo(videoId, change, q, [this, id, epoch](const Core::VideoSummary &video, const Core::ApiError &error) {
            if (!current(id, epoch))
                return;
            if (!video.isValid()) {
                fail(id, apiErrorText(error));
                return;
            }
            runtime[id].busy = false;
            finish(*find(id));
        });
    });
}

void UploadQueue::Private::terminateUpload(const Record &r)
{
    if (!r.uploadUrl.isValid() || r.uploadUrl.isEmpty())
        return;
    QNetworkRequest request(r.uploadUrl);
    request.setRawHeader("Tus-Resumable", "1.0.0");
    const QByteArray token = studio->api()->accessToken().toUtf8();
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *reply = network->deleteResource(request);
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
}

} // namespace Kinora::Studio
