#pragma once

#include "server/app/serviceresult.h"
#include "server/catalog/viewer.h"
#include "server/processing/jobstore.h"
#include "server/processing/ladderpublisher.h"
#include "server/processing/processingsettings.h"
#include "server/processing/processingstatus.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <atomic>

class QThread;

namespace Kinora::Core {
class HlsTranscoder;
}
namespace Kinora::Server::Storage {
class Database;
}
namespace Kinora::Server::Catalog {
class VideoService;
}

namespace Kinora::Server::Processing {

// Turns finished uploads bound to a video into the video's HLS ladder: raw
// media is transcoded, studio packages (ustar archives of a ladder) are
// validated and published as they are. Jobs live in the database, so they
// survive a crash: a job left running by a dead process is queued again and
// its partial output removed. Failures are retried with exponential backoff.
// Workers are threads of this process; stop() cancels running jobs and leaves
// them queued for the next start.
class ProcessingService : public QObject
{
    Q_OBJECT

public:
    ProcessingService(Storage::Database &database, ProcessingSettings settings, Catalog::VideoService &videos,
                      QString mediaDir, QString dataDir, QObject *parent = nullptr);
    ~ProcessingService() override;

    // Recovers jobs of dead processes and starts the workers. Only one process
    // per data directory runs workers (an exclusive lock); others only enqueue.
    bool start(QString *error);
    void stop();

    const ProcessingSettings &settings() const { return m_settings; }
    // The owner's (or an admin's) view of a video's processing; 404 for anyone else.
    ServiceResult<ProcessingStatus> status(const QString &videoId, const Catalog::Viewer &viewer);

public Q_SLOTS:
    // Receives UploadService::uploadCompleted (any thread). Uploads not bound
    // to a video of that user are left alone.
    void enqueueUpload(const QString &uploadId, qint64 userId, const QString &videoId, const QString &filePath);

private:
    enum class Outcome { Done, Retry, Fail, Cancelled };

    void workerLoop();
    void recoverOrphans(bool atStart);
    void runJob(const ProcessingJob &job);
    Outcome transcode(const ProcessingJob &job, qint64 *durationMs, QJsonArray *renditions, QString *reason);
    Outcome unpack(const ProcessingJob &job, qint64 *durationMs, QJsonArray *renditions, QString *reason);
    void pointThumbnailAtExisting(const ProcessingJob &job);

    Storage::Database &m_database;
    ProcessingSettings m_settings;
    Catalog::VideoService &m_videos;
    QString m_dataDir;
    JobStore m_jobs;
    LadderPublisher m_publisher;
    QString m_owner;                  // host:pid:nonce, written on the jobs this process runs
    int m_lockFd = -1;
    std::atomic_bool m_stopping{false};
    QMutex m_lock;
    QWaitCondition m_wake;
    QHash<qint64, Core::HlsTranscoder *> m_transcoders;   // running transcodes by job id, under m_lock
    QList<QThread *> m_workers;
    qint64 m_lastSweepMs = 0;         // under m_lock
};

} // namespace Kinora::Server::Processing
