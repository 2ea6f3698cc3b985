#include "studio/upload/uploadqueue_p.h"

#include "core/media/mediaprobe.h"
#include "core/net/apiclient.h"
#include "core/net/studioclient.h"

#include <QFile>
#include <QFileInfo>

namespace Kinora::Studio {

namespace {
struct ProbeResult
{
    bool ok = false;
    QString error;
};

struct WorkResult
{
    bool ok = false;
    bool cancelled = false;
    QString error;
};
} // namespace


void UploadQueue::Private::scheduleSoon()
{
    if (scheduled)
        return;
    scheduled = true;
    QTimer::singleShot(0, q, [this] {
        scheduled = false;
        schedule();
    });
}

void UploadQueue::Private::schedule()
{
    // Ids first: starting a step may add to or reorder nothing, but callbacks look records up again.
    QList<qint64> ids;
    for (const Record &r : std::as_const(records))
        ids.append(r.item.id);
    for (const qint64 id : std::as_const(ids)) {
        Record *r = find(id);
        if (!r || runtime[id].busy)
            continue;
        // Processing items restored from the journal poll again; everything else waits as Queued.
        const bool waiting = r->item.stage == Stage::Queued
                             || (r->item.stage == Stage::Processing && (r->step == Step::Process || r->step == Step::Thumbnail));
        if (!waiting)
            continue;
        switch (r->step) {
        case Step::Probe:
            probe(*r);
            break;
        case Step::Draft:
            createDraft(*r);
            break;
        case Step::Transcode:
        case Step::Package:
            if (transcoding == 0) {
                transcoding = id;
                r->step == Step::Transcode ? transcode(*r) : package(*r);
            }
            break;
        case Step::Upload:
            if (uploading == 0) {
                uploading = id;
                upload(*r);
            }
            break;
        case Step::Process:
        case Step::Thumbnail:
            process(*r);
            break;
        case Step::Finished:
            finish(*r);
            break;
        }
    }
}

void UploadQueue::Private::probe(Record &r)
{
    const qint64 id = r.item.id;
    Runtime &rt = runtime[id];
    rt.busy = true;
    const quint64 epoch = rt.epoch;
    const QString path = r.item.request.filePath;
    workers->run<ProbeResult>(
        [path] {
            Core::MediaProbe probe;
            const auto info = probe.probe(path);
            if (!info)
                return ProbeResult{false, probe.errorString()};
            if (!info->hasVideo())
                return ProbeResult{false, UploadQueue::tr("%1 has no video track.").arg(QFileInfo(path).fileName())};
            return ProbeResult{true, {}};
        },
        [this, id, epoch](const ProbeResult &result) {
            if (!current(id, epoch))
                return;
            runtime[id].busy = false;
            if (!result.ok) {
                fail(id, UploadQueue::tr("This file cannot be uploaded: %1 Choose a video file (for example MP4, MKV, MOV or WebM).")
                             .arg(result.error));
                return;
            }
            Record *r = find(id);
            r->step = Step::Draft;
            persist(*r);
            createDraft(*r);
        });
}

void UploadQueue::Private::transcode(Record &r)
{
    const qint64 id = r.item.id;
    enter(r, Stage::Transcoding, Step::Transcode);
    Runtime &rt = runtime[id];
    const quint64 epoch = rt.epoch;
    auto transcoder = std::make_shared<Core::HlsTranscoder>();
    transcoder->setInput(r.item.request.filePath);
    transcoder->setOutputDirectory(ladderDir(id));
    transcoder->setSettings(options.transcodeSettings);
    rt.transcoder = transcoder;
    QObject::connect(transcoder.get(), &Core::HlsTranscoder::progressed, q, [this, id, epoch](const Core::TranscodeProgress &p) {
        Record *r = find(id);
        if (!r || !current(id, epoch) || r->item.stage != Stage::Transcoding)
            return;
        r->item.percent = p.percent;
        r->item.speed = p.speed;
        r->item.etaSeconds = p.etaSeconds < 0 ? -1 : qint64(p.etaSeconds + 0.5);
        changed(id);
    });
    const QString ladder = ladderDir(id);
    workers->run<WorkResult>(
        [transcoder, ladder] {
            // A ladder left by an earlier run is not trusted: the transcode starts over.
            QDir(ladder).removeRecursively();
            const bool ok = transcoder->run();
            return WorkResult{ok, transcoder->wasCancelled(), transcoder->errorString()};
        },
        [this, id, epoch](const WorkResult &result) {
            if (!current(id, epoch) || result.cancelled) {
                localWorkEnded(id);
                return;
            }
            runtime[id].transcoder.reset();
            if (!result.ok) {
                fail(id, UploadQueue::tr("The video could not be converted on this computer: %1 Try another file, or let the server convert it.")
                             .arg(result.error));
                return;
            }
            package(*find(id));
        });
}

void UploadQueue::Private::package(Record &r)
{
    const qint64 id = r.item.id;
    enter(r, Stage::Packaging, Step::Package);
    Runtime &rt = runtime[id];
    const quint64 epoch = rt.epoch;
    auto writer = std::make_shared<Core::LadderPackageWriter>(ladderDir(id), packagePath(id));
    QPointer<UploadQueue> queue(q);
    writer->setProgressCallback([this, queue, id, epoch](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(queue, [this, id, epoch, done, total] {
            Record *r = find(id);
            if (!r || !current(id, epoch) || r->item.stage != Stage::Packaging)
                return;
            r->item.percent = total > 0 ? 100.0 * double(done) / double(total) : 0.0;
            changed(id);
        }, Qt::QueuedConnection);
    });
    rt.writer = writer;
    workers->run<WorkResult>(
        [writer] {
            const bool ok = writer->write();
            return WorkResult{ok, writer->wasCancelled(), writer->errorString()};
        },
        [this, id, epoch](const WorkResult &result) {
            if (!current(id, epoch) || result.cancelled) {
                localWorkEnded(id);
                return;
            }
            runtime[id].writer.reset();
            releaseSlots(id);
            if (!result.ok) {
                fail(id, UploadQueue::tr("The converted video could not be packaged: %1 Check the free disk space, then choose Retry.")
                             .arg(result.error));
                return;
            }
            Record *r = find(id);
            QDir(ladderDir(id)).removeRecursively();
            r->uploadUrl.clear();
            r->uploadOffset = 0;
            r->item.bytesSent = 0;
            r->item.bytesTotal = QFileInfo(packagePath(id)).size();
            if (uploading == 0) {
                uploading = id;
                upload(*r);
            } else {
                enter(*r, Stage::Queued, Step::Upload);
            }
            scheduleSoon();
        });
}

void UploadQueue::Private::finish(Record &r)
{
    r.item.error.clear();
    enter(r, Stage::Done, Step::Finished);
    r.item.percent = 100.0;
    removeWorkFiles(r);
    changed(r.item.id);
    const QString title = r.item.request.metadata.title.value_or(QFileInfo(r.item.request.filePath).fileName());
    Q_EMIT q->itemFinished(r.item.id, true, UploadQueue::tr("“%1” is ready on the server.").arg(title));
}

void UploadQueue::Private::removeWorkFiles(const Record &r)
{
    if (r.item.request.mode == UploadRequest::Mode::TranscodeHere) {
        const QString package = packagePath(r.item.id);
        if (QFileInfo::exists(package))
            tusJournal->remove(Core::TusJournal::keyFor(studio->api()->urlFor(QStringLiteral("/api/v1/uploads/")), package));
    } else {
        tusJournal->remove(Core::TusJournal::keyFor(studio->api()->urlFor(QStringLiteral("/api/v1/uploads/")), r.item.request.filePath));
    }
    QDir(workDir(r.item.id)).removeRecursively();
}

UploadQueue::UploadQueue(Core::StudioClient *studio, QNetworkAccessManager *network, Options options, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->studio = studio;
    d->network = network;
    d->options = std::move(options);
    d->workers = std::make_unique<WorkerThreads>(this);
    connect(studio->api(), &Core::ApiClient::tokensRefreshed, this, [this] {
        const QByteArray token = d->studio->api()->accessToken().toUtf8();
        for (const Runtime &rt : std::as_const(d->runtime)) {
            if (rt.uploader)
                rt.uploader->setBearerToken(token);
        }
    });
}

UploadQueue::~UploadQueue()
{
    // Stops without touching the journal: the next queue on it continues.
    for (Runtime &rt : d->runtime) {
        if (rt.transcoder)
            rt.transcoder->cancel();
        if (rt.writer)
            rt.writer->cancel();
        if (rt.uploader) {
            rt.uploader->disconnect(this);
            delete rt.uploader;
        }
    }
    d->workers.reset();
}

bool UploadQueue::open(QString *error)
{
    if (d->opened)
        return true;
    d->journal = std::make_unique<UploadJournal>(d->options.journalPath);
    if (!d->journal->open(error))
        return false;
    QString loadError;
    d->records = d->journal->load(&loadError);
    if (!loadError.isEmpty()) {
        if (error)
            *error = tr("Cannot read the upload journal: %1").arg(loadError);
        return false;
    }
    QDir().mkpath(d->options.workDirectory);
    d->tusJournal = std::make_unique<Core::TusJournal>(QDir(d->options.workDirectory).filePath(QStringLiteral("tus-journal.json")));
    d->opened = true;
    for (Record &r : d->records) {
        if (r.item.stage == Stage::Transcoding || r.item.stage == Stage::Packaging || r.item.stage == Stage::Uploading)
            r.item.stage = Stage::Queued;
        if (r.item.bytesTotal > 0)
            r.item.percent = 100.0 * double(r.item.bytesSent) / double(r.item.bytesTotal);
        Q_EMIT itemAdded(r.item.id);
    }
    d->scheduleSoon();
    return true;
}

qint64 UploadQueue::enqueue(const UploadRequest &request)
{
    if (!d->opened)
        return 0;
    Record r;
    r.item.request = request;
    r.item.createdAt = QDateTime::currentDateTimeUtc();
    r.item.stage = Stage::Queued;
    r.step = Step::Probe;
    QString error;
    r.item.id = d->journal->insert(r, &error);
    if (r.item.id == 0) {
        qWarning("upload queue: cannot write the journal: %s", qPrintable(error));
        return 0;
    }
    d->records.append(r);
    Q_EMIT itemAdded(r.item.id);
    d->scheduleSoon();
    return r.item.id;
}

void UploadQueue::pause(qint64 id)
{
    Record *record = d->find(id);
    if (!record)
        return;
    const Stage stage = record->item.stage;
    if (stage != Stage::Queued && stage != Stage::Transcoding && stage != Stage::Packaging && stage != Stage::Uploading)
        return;
    d->stopWork(id);
    Runtime &rt = d->runtime[id];
    if (rt.uploader)
        rt.uploader->pause();
    record->item.pausedStage = stage;
    record->item.stage = Stage::Paused;
    record->item.speed = 0.0;
    record->item.etaSeconds = -1;
    d->persist(*record);
    d->changed(id);
    d->scheduleSoon();
}

void UploadQueue::resume(qint64 id)
{
    Record *record = d->find(id);
    if (!record || record->item.stage != Stage::Paused)
        return;
    record->item.stage = Stage::Queued;
    record->item.pausedStage = Stage::Queued;
    d->persist(*record);
    d->changed(id);
    d->scheduleSoon();
}

void UploadQueue::retry(qint64 id)
{
    Record *record = d->find(id);
    if (!record || record->item.stage != Stage::Failed)
        return;
    record->item.stage = Stage::Queued;
    record->item.error.clear();
    d->persist(*record);
    d->changed(id);
    d->scheduleSoon();
}

void UploadQueue::cancel(qint64 id)
{
    Record *record = d->find(id);
    if (!record || record->item.isFinished())
        return;
    d->stopWork(id);
    Runtime &rt = d->runtime[id];
    if (rt.uploader) {
        rt.uploader->disconnect(this);
        connect(rt.uploader, &Core::TusUploader::cancelled, rt.uploader, &QObject::deleteLater);
        rt.uploader->cancel();
        rt.uploader = nullptr;
    } else if (record->step == Step::Upload) {
        d->terminateUpload(*record);
    }
    record->item.stage = Stage::Cancelled;
    record->item.speed = 0.0;
    record->item.etaSeconds = -1;
    record->uploadUrl.clear();
    d->persist(*record);
    d->removeWorkFiles(*record);
    d->changed(id);
    d->scheduleSoon();
}

void UploadQueue::remove(qint64 id)
{
    Record *record = d->find(id);
    if (!record || !record->item.isFinished())
        return;
    if (!d->journal->remove(id))
        return;
    d->stopWork(id);
    d->dropUploader(id);
    d->removeWorkFiles(*record);
    d->runtime.remove(id);
    d->records.removeIf([id](const Record &r) { return r.item.id == id; });
    Q_EMIT itemRemoved(id);
}

QList<UploadItem> UploadQueue::items() const
{
    QList<UploadItem> items;
    items.reserve(d->records.size());
    for (const Record &r : std::as_const(d->records))
        items.append(r.item);
    return items;
}

std::optional<UploadItem> UploadQueue::item(qint64 id) const
{
    for (const Record &r : std::as_const(d->records)) {
        if (r.item.id == id)
            return r.item;
    }
    return std::nullopt;
}

} // namespace Kinora::Studio
