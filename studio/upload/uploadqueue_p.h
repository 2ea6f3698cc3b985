#pragma once

#include "core/media/hlstranscoder.h"
#include "core/upload/ladderpackagewriter.h"
#include "core/upload/tusjournal.h"
#include "core/upload/tusuploader.h"
#include "studio/upload/uploadjournal.h"
#include "studio/upload/uploadqueue.h"
#include "studio/upload/workerthreads.h"

#include <QDir>
#include <QHash>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

namespace Kinora::Core {
struct ApiError;
}

namespace Kinora::Studio {

// The queue's inner workings, shared by uploadqueue.cpp (the public calls,
// scheduling and the work done on this machine) and uploadqueueserver.cpp
// (draft, tus upload, processing status and thumbnail on the server).

using Stage = UploadItem::Stage;
using Step = UploadJournal::Step;
using Record = UploadJournal::Record;

inline constexpr int NetworkRetryMs = 30'000;   // before a request that found no server is tried again

// What runs for one item right now; nothing of it is persisted.
struct Runtime
{
    quint64 epoch = 0;           // bumped when the item is paused, cancelled or removed: late answers are dropped
    bool busy = false;           // a probe or a request for this item is on its way
    bool authRefreshed = false;  // the tokens were refreshed once for the current upload failure
    std::shared_ptr<Core::HlsTranscoder> transcoder;
    std::shared_ptr<Core::LadderPackageWriter> writer;
    QPointer<Core::TusUploader> uploader;
    QPointer<QTimer> timer;      // status polls and automatic retries
};

struct UploadQueue::Private
{
    UploadQueue *q = nullptr;
    Core::StudioClient *studio = nullptr;
    QNetworkAccessManager *network = nullptr;
    Options options;
    std::unique_ptr<UploadJournal> journal;
    std::unique_ptr<Core::TusJournal> tusJournal;
    std::unique_ptr<WorkerThreads> workers;
    QList<Record> records;
    QHash<qint64, Runtime> runtime;
    qint64 transcoding = 0;
    qint64 uploading = 0;
    bool opened = false;
    bool scheduled = false;

    Record *find(qint64 id)
    {
        for (Record &r : records) {
            if (r.item.id == id)
                return &r;
        }
        return nullptr;
    }
    QString workDir(qint64 id) const { return QDir(options.workDirectory).filePath(QString::number(id)); }
    QString ladderDir(qint64 id) const { return workDir(id) + QStringLiteral("/ladder"); }
    QString packagePath(qint64 id) const { return workDir(id) + QStringLiteral("/package.tar"); }
    QString uploadFile(const Record &r) const
    {
        return r.item.request.mode == UploadRequest::Mode::TranscodeHere ? packagePath(r.item.id) : r.item.request.filePath;
    }

    void persist(const Record &r)
    {
        QString error;
        if (!journal->save(r, &error))
            qWarning("upload queue: cannot write the journal: %s", qPrintable(error));
    }
    void changed(qint64 id) { Q_EMIT q->itemChanged(id); }
    // Saves the new stage and step before anything is done about them.
    void enter(Record &r, Stage stage, Step step)
    {
        r.item.stage = stage;
        r.step = step;
        r.item.percent = 0.0;
        r.item.speed = 0.0;
        r.item.etaSeconds = -1;
        persist(r);
        changed(r.item.id);
    }
    void releaseSlots(qint64 id)
    {
        if (transcoding == id)
            transcoding = 0;
        if (uploading == id)
            uploading = 0;
    }
    void stopWork(qint64 id)
    {
        Runtime &rt = runtime[id];
        ++rt.epoch;
        rt.busy = false;
        // A cancelled transcode or packaging keeps the slot until its thread ends (see localWorkEnded).
        const bool localWorkRunning = rt.transcoder || rt.writer;
        if (rt.transcoder)
            rt.transcoder->cancel();
        if (rt.writer)
            rt.writer->cancel();
        rt.transcoder.reset();
        rt.writer.reset();
        if (rt.timer)
            rt.timer->deleteLater();
        if (uploading == id)
            uploading = 0;
        if (transcoding == id && !localWorkRunning)
            transcoding = 0;
    }
    // The thread of a transcode or packaging that was stopped has ended: the next item may use the slot.
    void localWorkEnded(qint64 id)
    {
        if (transcoding == id) {
            transcoding = 0;
            scheduleSoon();
        }
    }
    void dropUploader(qint64 id)
    {
        Runtime &rt = runtime[id];
        if (rt.uploader) {
            rt.uploader->disconnect(q);
            rt.uploader->pause();
            rt.uploader->deleteLater();
        }
        rt.uploader = nullptr;
    }
    void fail(qint64 id, const QString &message)
    {
        Record *r = find(id);
        if (!r)
            return;
        stopWork(id);
        dropUploader(id);
        r->item.stage = Stage::Failed;
        r->item.error = message;
        r->item.speed = 0.0;
        r->item.etaSeconds = -1;
        persist(*r);
        changed(id);
        Q_EMIT q->itemFinished(id, false, message);
        scheduleSoon();
    }
    void later(qint64 id, int ms, std::function<void()> action)
    {
        Runtime &rt = runtime[id];
        if (rt.timer)
            rt.timer->deleteLater();
        auto *timer = new QTimer(q);
        timer->setSingleShot(true);
        QObject::connect(timer, &QTimer::timeout, q, [timer, action = std::move(action)] {
            timer->deleteLater();
            action();
        });
        rt.timer = timer;
        timer->start(ms);
    }
    // Runs `action` unless the item moved on (paused, cancelled, removed) since `epoch`.
    bool current(qint64 id, quint64 epoch) { return find(id) && runtime[id].epoch == epoch; }
    QString apiErrorText(const Core::ApiError &error) const;

    void scheduleSoon();
    void schedule();
    void probe(Record &r);
    void createDraft(Record &r);
    void transcode(Record &r);
    void package(Record &r);
    void upload(Record &r);
    void uploadFailed(qint64 id, Core::TusUploader::Error error, const QString &message);
    void process(Record &r);
    void pollStatus(qint64 id);
    void uploadThumbnail(Record &r);
    void finish(Record &r);
    void terminateUpload(const Record &r);
    void removeWorkFiles(const Record &r);
};

} // namespace Kinora::Studio
