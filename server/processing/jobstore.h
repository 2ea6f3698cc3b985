#pragma once

#include "server/processing/processingjob.h"

#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>

namespace Kinora::Server::Storage {
class Database;
}

namespace Kinora::Server::Processing {

// The processing_jobs table. A job is claimed with a conditional UPDATE
// (state 'queued' to 'running' with the claimer as owner), so that several
// processes sharing the database never run the same job twice. Every write
// to a running job names its owner and is ignored once the job was taken away.
class JobStore
{
public:
    explicit JobStore(Storage::Database &database);

    std::optional<qint64> insert(const ProcessingJob &job, QString *error);
    // The oldest due queued job, now running for owner (attempts counted); nullopt when none.
    std::optional<ProcessingJob> claimNext(const QString &owner, qint64 nowMs, QString *error);
    bool updateProgress(qint64 id, const QString &owner, double percent, const QJsonArray &renditions, QString *error);
    bool markDone(qint64 id, const QString &owner, const QJsonArray &renditions, QString *error);
    // Back to queued, due at nextAttemptAtMs; refund: the attempt does not count (cancelled by shutdown).
    bool requeue(qint64 id, const QString &owner, qint64 nextAttemptAtMs, const QString &lastError, bool refund, QString *error);
    bool markFailed(qint64 id, const QString &owner, const QString &lastError, QString *error);

    struct RunningJob
    {
        qint64 id = 0;
        QString videoId;
        QString owner;
        qint64 heartbeatAtMs = 0;
    };
    QList<RunningJob> running(QString *error);
    // Queues a running job again if it is still held by owner (its process is gone).
    bool release(qint64 id, const QString &owner, qint64 nowMs, QString *error);

    std::optional<ProcessingJob> latestForVideo(const QString &videoId, QString *error);

private:
    // UPDATE of a job this owner is running; false with *error on a database failure.
    bool updateRunning(qint64 id, const QString &owner, const QString &assignments, QVariantList values, QString *error,
                       int *rowsAffected = nullptr);

    Storage::Database &m_database;
};

} // namespace Kinora::Server::Processing
