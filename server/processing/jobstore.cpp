#include "server/processing/jobstore.h"

#include "server/catalog/preparedquery.h"
#include "server/storage/database.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Kinora::Server::Processing {

namespace {
const QString s_columns = QStringLiteral(
    "id, video_id, upload_id, user_id, input_path, kind, state, attempts, next_attempt_at, last_error, percent, "
    "renditions, created_at, updated_at");

ProcessingJob readJob(const QSqlQuery &q)
{
    ProcessingJob job;
    job.id = q.value(0).toLongLong();
    job.videoId = q.value(1).toString();
    job.uploadId = q.value(2).toString();
    job.userId = q.value(3).toLongLong();
    job.inputPath = q.value(4).toString();
    job.kind = ProcessingJob::kindFromName(q.value(5).toString()).value_or(ProcessingJob::Kind::Raw);
    job.state = ProcessingJob::stateFromName(q.value(6).toString()).value_or(ProcessingJob::State::Failed);
    job.attempts = q.value(7).toInt();
    job.nextAttemptAtMs = q.value(8).toLongLong();
    job.lastError = q.value(9).toString();
    job.percent = q.value(10).toDouble();
    job.renditions = QJsonDocument::fromJson(q.value(11).toString().toUtf8()).array();
    job.createdAtMs = q.value(12).toLongLong();
    job.updatedAtMs = q.value(13).toLongLong();
    return job;
}

bool run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString json(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

JobStore::JobStore(Storage::Database &database)
    : m_database(database)
{
}

std::optional<qint64> JobStore::insert(const ProcessingJob &job, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO processing_jobs (video_id, upload_id, user_id, input_path, kind, state, attempts, next_attempt_at, "
        "last_error, percent, renditions, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'queued', 0, ?, '', 0, ?, ?, ?)"));
    const qint64 now = nowMs();
    q.addBindValue(job.videoId);
    q.addBindValue(text(job.uploadId));
    q.addBindValue(job.userId);
    q.addBindValue(job.inputPath);
    q.addBindValue(ProcessingJob::kindName(job.kind));
    q.addBindValue(job.nextAttemptAtMs > 0 ? job.nextAttemptAtMs : now);
    q.addBindValue(json(job.renditions));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!run(q, error))
        return std::nullopt;
    q.prepare(QStringLiteral("SELECT MAX(id) FROM processing_jobs WHERE video_id = ? AND upload_id = ?"));
    q.addBindValue(job.videoId);
    q.addBindValue(text(job.uploadId));
    if (!run(q, error) || !q.next())
        return std::nullopt;
    return q.value(0).toLongLong();
}

std::optional<ProcessingJob> JobStore::claimNext(const QString &owner, qint64 now, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;
    // Another process may win the row between the SELECT and the UPDATE; then try the next one.
    for (int round = 0; round < 5; ++round) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT id FROM processing_jobs WHERE state = 'queued' AND next_attempt_at <= ? "
                                 "ORDER BY next_attempt_at, id LIMIT 1"));
        q.addBindValue(now);
        if (!run(q, error) || !q.next())
            return std::nullopt;
        const qint64 id = q.value(0).toLongLong();
        q.finish();
        QSqlQuery update(db);
        update.prepare(QStringLiteral("UPDATE processing_jobs SET state = 'running', owner = ?, heartbeat_at = ?, "
                                      "attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'queued'"));
        update.addBindValue(owner);
        update.addBindValue(now);
        update.addBindValue(now);
        update.addBindValue(id);
        if (!run(update, error))
            return std::nullopt;
        if (update.numRowsAffected() != 1)
            continue;
        QSqlQuery read(db);
        read.prepare(QStringLiteral("SELECT %1 FROM processing_jobs WHERE id = ?").arg(s_columns));
        read.addBindValue(id);
        if (!run(read, error) || !read.next())
            return std::nullopt;
        return readJob(read);
    }
    return std::nullopt;
}

bool JobStore::updateRunning(qint64 id, const QString &owner, const QString &assignments, QVariantList values,
                             QString *error, int *rowsAffected)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    values << id << owner;
    Catalog::PreparedQuery q(db, QStringLiteral("UPDATE processing_jobs SET %1 WHERE id = ? AND owner = ? AND state = 'running'")
                                     .arg(assignments),
                             values);
    if (!q.exec()) {
        if (error)
            *error = q.errorText();
        return false;
    }
    if (rowsAffected)
        *rowsAffected = q.numRowsAffected();
    return true;
}

bool JobStore::updateProgress(qint64 id, const QString &owner, double percent, const QJsonArray &renditions, QString *error)
{
    const qint64 now = nowMs();
    return updateRunning(id, owner, QStringLiteral("percent = ?, renditions = ?, heartbeat_at = ?, updated_at = ?"),
                         {percent, json(renditions), now, now}, error);
}

bool JobStore::markDone(qint64 id, const QString &owner, const QJsonArray &renditions, QString *error)
{
    const qint64 now = nowMs();
    return updateRunning(id, owner,
                         QStringLiteral("state = 'done', percent = 100, renditions = ?, last_error = '', owner = '', "
                                        "updated_at = ?, finished_at = ?"),
                         {json(renditions), now, now}, error);
}

bool JobStore::requeue(qint64 id, const QString &owner, qint64 nextAttemptAtMs, const QString &lastError, bool refund,
                       QString *error)
{
    return updateRunning(id, owner,
                         QStringLiteral("state = 'queued', owner = '', next_attempt_at = ?, last_error = ?, percent = 0, "
                                        "attempts = attempts - ?, updated_at = ?"),
                         {nextAttemptAtMs, text(lastError), refund ? 1 : 0, nowMs()}, error);
}

bool JobStore::markFailed(qint64 id, const QString &owner, const QString &lastError, QString *error)
{
    const qint64 now = nowMs();
    return updateRunning(id, owner, QStringLiteral("state = 'failed', owner = '', last_error = ?, updated_at = ?, finished_at = ?"),
                         {text(lastError), now, now}, error);
}

QList<JobStore::RunningJob> JobStore::running(QString *error)
{
    QList<RunningJob> jobs;
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return jobs;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT id, video_id, owner, heartbeat_at FROM processing_jobs WHERE state = 'running'"));
    if (!run(q, error))
        return jobs;
    while (q.next())
        jobs.append(RunningJob{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
    return jobs;
}

bool JobStore::release(qint64 id, const QString &owner, qint64 now, QString *error)
{
    int rows = 0;
    return updateRunning(id, owner, QStringLiteral("state = 'queued', owner = '', next_attempt_at = ?, percent = 0, updated_at = ?"),
                         {now, now}, error, &rows)
        && rows == 1;
}

std::optional<ProcessingJob> JobStore::latestForVideo(const QString &videoId, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM processing_jobs WHERE video_id = ? ORDER BY id DESC LIMIT 1").arg(s_columns));
    q.addBindValue(videoId);
    if (!run(q, error) || !q.next())
        return std::nullopt;
    return readJob(q);
}

} // namespace Kinora::Server::Processing
