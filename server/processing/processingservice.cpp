#include "server/processing/processingservice.h"

#include "core/media/hlstranscoder.h"
#include "core/media/ladderplanner.h"
#include "core/media/mediaprobe.h"
#include "server/catalog/videoservice.h"
#include "server/processing/packagevalidator.h"
#include "server/processing/tarextractor.h"
#include "server/upload/uploadmetadata.h"
#include "server/upload/uploadstore.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace Kinora::Server::Processing {

namespace {
constexpr qint64 SweepIntervalMs = 5000;          // how often idle workers look for jobs of dead processes
constexpr qint64 StaleHeartbeatMs = 120 * 1000;   // a running job without news this long belongs to a dead process
constexpr qint64 ProgressIntervalMs = 1000;       // progress is written at most this often

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QJsonArray rungs(const QStringList &names, const QString &state, double percent)
{
    QJsonArray array;
    for (const QString &name : names)
        array.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("state"), state},
                                 {QStringLiteral("percent"), percent}});
    return array;
}

ServiceError notFound()
{
    return ServiceError{404, QByteArrayLiteral("not_found"), ProcessingService::tr("No such video."), 0};
}
} // namespace

ProcessingService::ProcessingService(Storage::Database &database, ProcessingSettings settings, Catalog::VideoService &videos,
                                     QString mediaDir, QString dataDir, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_settings(std::move(settings))
    , m_videos(videos)
    , m_dataDir(std::move(dataDir))
    , m_jobs(database)
    , m_publisher(QDir(mediaDir).filePath(QStringLiteral("videos")))
    , m_owner(QStringLiteral("%1:%2:%3")
                  .arg(QSysInfo::machineHostName())
                  .arg(::getpid())
                  .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0')))
{
}

ProcessingService::~ProcessingService()
{
    stop();
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

bool ProcessingService::start(QString *error)
{
    const QString lockPath = QDir(m_dataDir).filePath(QStringLiteral("processing.lock"));
    m_lockFd = ::open(QFile::encodeName(lockPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_lockFd < 0) {
        *error = tr("cannot open %1").arg(lockPath);
        return false;
    }
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        // Another process of this data directory runs the queue (an admin command beside `serve`).
        ::close(m_lockFd);
        m_lockFd = -1;
        return true;
    }
    if (!QDir().mkpath(QFileInfo(m_publisher.finalPath(QStringLiteral("x"))).absolutePath())) {
        *error = tr("cannot create the folder of the videos");
        return false;
    }
    recoverOrphans(true);
    m_stopping = false;
    for (int i = 0; i < qMax(1, m_settings.workers); ++i) {
        QThread *thread = QThread::create([this] { workerLoop(); });
        thread->setObjectName(QStringLiteral("processing-%1").arg(i));
        thread->start(QThread::LowPriority);
        m_workers.append(thread);
    }
    return true;
}

void ProcessingService::stop()
{
    m_stopping = true;
    {
        QMutexLocker lock(&m_lock);
        for (Core::HlsTranscoder *transcoder : std::as_const(m_transcoders))
            transcoder->cancel();
        m_wake.wakeAll();
    }
    for (QThread *thread : std::as_const(m_workers)) {
        thread->wait();
        delete thread;
    }
    m_workers.clear();
}

// A job is orphaned when its owner is a process of this host that no longer
// exists (crash, kill -9), or when its owner has not reported for a long time.
void ProcessingService::recoverOrphans(bool atStart)
{
    QString error;
    const QList<JobStore::RunningJob> running = m_jobs.running(&error);
    if (!error.isEmpty()) {
        qWarning("processing: %s", qPrintable(error));
        return;
    }
    const QString host = QSysInfo::machineHostName();
    const qint64 now = nowMs();
    for (const JobStore::RunningJob &job : running) {
        if (job.owner == m_owner)
            continue;
        const QStringList parts = job.owner.split(QLatin1Char(':'));
        bool dead = now - job.heartbeatAtMs > StaleHeartbeatMs;
        if (!dead && parts.size() == 3 && parts[0] == host) {
            const qint64 pid = parts[1].toLongLong();
            dead = pid == ::getpid() || (pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH);
        }
        if (!dead)
            continue;
        if (m_jobs.release(job.id, job.owner, now, &error)) {
            m_publisher.removePartial(job.videoId);
            qWarning("processing: job %lld of video %s was interrupted%s; it is queued again", job.id,
                     qPrintable(job.videoId), atStart ? " by a stop of the server" : "");
        }
    }
}

void ProcessingService::workerLoop()
{
    while (!m_stopping) {
        bool sweep = false;
        {
            QMutexLocker lock(&m_lock);
            if (nowMs() - m_lastSweepMs >= SweepIntervalMs) {
                m_lastSweepMs = nowMs();
                sweep = true;
            }
        }
        if (sweep)
            recoverOrphans(false);
        QString error;
        const auto job = m_jobs.claimNext(m_owner, nowMs(), &error);
        if (!error.isEmpty())
            qWarning("processing: %s", qPrintable(error));
        if (job) {
            runJob(*job);
            continue;
        }
        QMutexLocker lock(&m_lock);
        if (!m_stopping)
            m_wake.wait(&m_lock, 1000);
    }
}

void ProcessingService::enqueueUpload(const QString &uploadId, qint64 userId, const QString &videoId, const QString &filePath)
{
    if (videoId.isEmpty())
        return;   // a file not meant for a video: its owner decides later
    const auto video = m_videos.get(videoId, Catalog::Viewer{userId, Accounts::Role::Admin});
    if (!video || video->ownerId != userId) {
        qWarning("processing: upload %s names video %s, which is not its owner's", qPrintable(uploadId), qPrintable(videoId));
        return;
    }
    ProcessingJob job;
    job.videoId = videoId;
    job.uploadId = uploadId;
    job.userId = userId;
    job.inputPath = filePath;
    QString error;
    const auto upload = Upload::UploadStore(m_database).find(uploadId, &error);
    if (upload) {
        QString metadataError;
        const auto metadata = Upload::UploadMetadata::parse(upload->metadataHeader, &metadataError);
        if (metadata && metadata->value(QStringLiteral("kind")) == "package")
            job.kind = ProcessingJob::Kind::Package;
    }
    const auto processing = m_videos.setProcessingState(videoId, Catalog::VideoState::Processing);
    if (!processing)
        qWarning("processing: video %s: %s", qPrintable(videoId), qPrintable(processing.error().message));
    if (!m_jobs.insert(job, &error)) {
        qWarning("processing: cannot queue upload %s: %s", qPrintable(uploadId), qPrintable(error));
        m_videos.setProcessingState(videoId, Catalog::VideoState::Failed, tr("the upload could not be queued for processing"));
        return;
    }
    QMutexLocker lock(&m_lock);
    m_wake.wakeOne();
}

void ProcessingService::runJob(const ProcessingJob &job)
{
    QString error;
    const auto video = m_videos.get(job.videoId, Catalog::Viewer{job.userId, Accounts::Role::Admin});
    if (!video) {
        // The video was deleted meanwhile: nothing to publish to.
        m_jobs.markFailed(job.id, m_owner, tr("the video no longer exists"), &error);
        QFile::remove(job.inputPath);
        return;
    }
    if (video->state != Catalog::VideoState::Processing)
        m_videos.setProcessingState(job.videoId, Catalog::VideoState::Processing);
    m_publisher.removePartial(job.videoId);

    qint64 durationMs = -1;
    QJsonArray renditions;
    QString reason;
    Outcome outcome = Outcome::Retry;
    if (!QFileInfo(job.inputPath).isFile())
        reason = tr("the uploaded file is gone");
    else if (job.kind == ProcessingJob::Kind::Raw)
        outcome = transcode(job, &durationMs, &renditions, &reason);
    else
        outcome = unpack(job, &durationMs, &renditions, &reason);
    if (outcome == Outcome::Done && m_stopping)
        outcome = Outcome::Cancelled;
    if (outcome == Outcome::Done && !m_publisher.publish(job.videoId, &reason))
        outcome = Outcome::Retry;

    switch (outcome) {
    case Outcome::Done: {
        pointThumbnailAtExisting(job);
        const auto ready = m_videos.setProcessingState(job.videoId, Catalog::VideoState::Ready, {}, durationMs);
        if (!ready)
            qWarning("processing: video %s: %s", qPrintable(job.videoId), qPrintable(ready.error().message));
        if (!m_jobs.markDone(job.id, m_owner, renditions, &error))
            qWarning("processing: job %lld: %s", job.id, qPrintable(error));
        QFile::remove(job.inputPath);
        return;
    }
    case Outcome::Cancelled:
        m_publisher.removePartial(job.videoId);
        m_jobs.requeue(job.id, m_owner, nowMs(), QString(), true, &error);
        return;
    case Outcome::Retry:
        m_publisher.removePartial(job.videoId);
        if (job.attempts < m_settings.maxAttempts) {
            const qint64 delayMs = qint64(m_settings.retryBaseSeconds) * 1000 * (qint64(1) << qMin(job.attempts - 1, 20));
            qWarning("processing: job %lld of video %s failed (%s); retrying in %lld s", job.id, qPrintable(job.videoId),
                     qPrintable(reason), delayMs / 1000);
            m_jobs.requeue(job.id, m_owner, nowMs() + delayMs, reason, false, &error);
            return;
        }
        reason = tr("%1 (after %n attempts)", nullptr, job.attempts).arg(reason);
        break;
    case Outcome::Fail:
        m_publisher.removePartial(job.videoId);
        break;
    }
    qWarning("processing: video %s failed: %s", qPrintable(job.videoId), qPrintable(reason));
    m_jobs.markFailed(job.id, m_owner, reason, &error);
    m_videos.setProcessingState(job.videoId, Catalog::VideoState::Failed, reason);
    QFile::remove(job.inputPath);
}

ProcessingService::Outcome ProcessingService::transcode(const ProcessingJob &job, qint64 *durationMs, QJsonArray *renditions,
                                                        QString *reason)
{
    Core::TranscodeSettings settings;
    settings.ladder.heights = m_settings.ladderHeights;
    settings.preset = m_settings.preset;
    Core::MediaProbe probe(settings.limits);
    const auto info = probe.probe(job.inputPath);
    if (!info) {
        *reason = probe.errorString();
        return Outcome::Retry;
    }
    Core::LadderPlanner planner(settings.ladder);
    const auto plan = planner.plan(*info);
    if (!plan) {
        *reason = planner.errorString();
        return Outcome::Retry;
    }
    QStringList names;
    for (const Core::Rendition &rendition : plan->renditions)
        names.append(rendition.name);
    QString error;
    m_jobs.updateProgress(job.id, m_owner, 0.0, rungs(names, QStringLiteral("running"), 0.0), &error);

    Core::HlsTranscoder transcoder;
    transcoder.setInput(job.inputPath);
    transcoder.setOutputDirectory(m_publisher.stagingPath(job.videoId));
    transcoder.setSettings(settings);
    {
        QMutexLocker lock(&m_lock);
        if (m_stopping)
            return Outcome::Cancelled;
        m_transcoders.insert(job.id, &transcoder);
    }
    QElapsedTimer sinceWrite;
    connect(&transcoder, &Core::HlsTranscoder::progressed, &transcoder, [&](const Core::TranscodeProgress &progress) {
        if (sinceWrite.isValid() && sinceWrite.elapsed() < ProgressIntervalMs)
            return;
        sinceWrite.restart();
        const double percent = qBound(0.0, progress.percent, 100.0);
        // Each rung's own encoder position (they run concurrently, a little apart).
        QJsonArray perRung = rungs(names, QStringLiteral("running"), percent);
        for (const Core::RenditionProgress &rung : progress.renditions) {
            const qsizetype index = names.indexOf(rung.name);
            if (index < 0)
                continue;
            const double rungPercent = qBound(0.0, rung.percent, 100.0);
            perRung[index] = QJsonObject{{QStringLiteral("name"), rung.name},
                                         {QStringLiteral("state"), rungPercent >= 100.0 ? QStringLiteral("done")
                                                                                        : QStringLiteral("running")},
                                         {QStringLiteral("percent"), rungPercent}};
        }
        QString writeError;
        if (!m_jobs.updateProgress(job.id, m_owner, percent, perRung, &writeError))
            qWarning("processing: job %lld: %s", job.id, qPrintable(writeError));
    }, Qt::DirectConnection);
    const bool ok = transcoder.run();
    {
        QMutexLocker lock(&m_lock);
        m_transcoders.remove(job.id);
    }
    if (!ok) {
        if (transcoder.wasCancelled() || m_stopping)
            return Outcome::Cancelled;
        *reason = transcoder.errorString();
        return Outcome::Retry;
    }
    *durationMs = qint64(transcoder.mediaInfo().durationSeconds * 1000.0);
    *renditions = rungs(names, QStringLiteral("done"), 100.0);
    return Outcome::Done;
}

ProcessingService::Outcome ProcessingService::unpack(const ProcessingJob &job, qint64 *durationMs, QJsonArray *renditions,
                                                     QString *reason)
{
    const QString staging = m_publisher.stagingPath(job.videoId);
    TarExtractor tar(m_settings.maxPackageEntryBytes, m_settings.maxPackageEntries);
    if (!tar.extract(job.inputPath, staging)) {
        *reason = tr("the package was refused: %1").arg(tar.errorString());
        return Outcome::Fail;
    }
    if (m_stopping)
        return Outcome::Cancelled;
    QString error;
    m_jobs.updateProgress(job.id, m_owner, 50.0, {}, &error);
    PackageValidator validator;
    const auto ladder = validator.validate(staging);
    if (!ladder) {
        *reason = tr("the package was refused: %1").arg(validator.errorString());
        return Outcome::Fail;
    }
    // Only the ladder layout is published; a package cannot plant a custom thumbnail.
    const QDir root(staging);
    for (const QFileInfo &entry : root.entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System)) {
        const QString name = entry.fileName();
        if (name == QLatin1String("master.m3u8") || ladder->renditions.contains(name)
            || (entry.isDir() && (name == QLatin1String("thumbs") || name == QLatin1String("storyboard"))))
            continue;
        if (entry.isDir())
            QDir(entry.absoluteFilePath()).removeRecursively();
        else
            QFile::remove(entry.absoluteFilePath());
    }
    QFile::remove(root.filePath(QStringLiteral("thumbs/custom")));
    *durationMs = ladder->durationMs;
    *renditions = rungs(ladder->renditions, QStringLiteral("done"), 100.0);
    return Outcome::Done;
}

// The catalog's thumbnail choice ("custom" or a candidate index) must name a
// file of the published ladder; otherwise it falls back to the first candidate.
void ProcessingService::pointThumbnailAtExisting(const ProcessingJob &job)
{
    const auto video = m_videos.get(job.videoId, Catalog::Viewer{job.userId, Accounts::Role::Admin});
    if (!video)
        return;
    const QDir thumbs(QDir(m_publisher.finalPath(job.videoId)).filePath(QStringLiteral("thumbs")));
    if (video->thumbnail == QLatin1String("custom") ? thumbs.exists(QStringLiteral("custom"))
                                                     : thumbs.exists(QStringLiteral("thumb_%1.jpg").arg(video->thumbnail.toInt(), 2, 10, QLatin1Char('0'))))
        return;
    if (video->thumbnail == QLatin1String("0"))
        return;
    Catalog::VideoChanges changes;
    changes.thumbnail = QStringLiteral("0");
    const auto updated = m_videos.update(job.videoId, Catalog::Viewer{video->ownerId, Accounts::Role::Creator}, changes);
    if (!updated)
        qWarning("processing: video %s: %s", qPrintable(job.videoId), qPrintable(updated.error().message));
}

ServiceResult<ProcessingStatus> ProcessingService::status(const QString &videoId, const Catalog::Viewer &viewer)
{
    const auto video = m_videos.get(videoId, viewer);
    if (!video)
        return video.error();
    if (!viewer.owns(video->ownerId) && !viewer.isAdmin())
        return notFound();
    ProcessingStatus status;
    switch (video->state) {
    case Catalog::VideoState::Draft:
    case Catalog::VideoState::Uploading:
        status.state = QStringLiteral("uploading");
        break;
    case Catalog::VideoState::Processing:
        status.state = QStringLiteral("processing");
        break;
    case Catalog::VideoState::Ready:
        status.state = QStringLiteral("ready");
        break;
    case Catalog::VideoState::Failed:
        status.state = QStringLiteral("failed");
        status.reason = video->failureReason;
        break;
    }
    QString error;
    const auto job = m_jobs.latestForVideo(videoId, &error);
    if (!job && !error.isEmpty())
        return ServiceError::internal(error);
    if (job) {
        status.percent = job->state == ProcessingJob::State::Done ? 100.0 : job->percent;
        status.renditions = job->renditions;
        status.attempts = job->attempts;
        if (status.reason.isEmpty() && video->state == Catalog::VideoState::Processing)
            status.reason = job->lastError;   // why the previous attempt failed, while a retry waits
    }
    if (video->state == Catalog::VideoState::Ready)
        status.percent = 100.0;
    return status;
}

} // namespace Kinora::Server::Processing
