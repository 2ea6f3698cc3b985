#include "server/upload/uploadstore.h"

#include "server/storage/database.h"
#include "server/storage/writetransaction.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Kinora::Server::Upload {

namespace {
const QString s_columns = QStringLiteral(
    "id, user_id, length, upload_offset, state, filename, filetype, video_id, metadata, reason, probe, "
    "created_at, updated_at, expires_at, completed_at");

UploadRecord readUpload(const QSqlQuery &q)
{
    UploadRecord u;
    u.id = q.value(0).toString();
    u.userId = q.value(1).toLongLong();
    u.length = q.value(2).toLongLong();
    u.offset = q.value(3).toLongLong();
    u.state = UploadRecord::stateFromName(q.value(4).toString());
    u.filename = q.value(5).toString();
    u.filetype = q.value(6).toString();
    u.videoId = q.value(7).toString();
    u.metadataHeader = q.value(8).toString().toUtf8();
    u.reason = q.value(9).toString();
    u.probe = QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object();
    u.createdAtMs = q.value(11).toLongLong();
    u.updatedAtMs = q.value(12).toLongLong();
    u.expiresAtMs = q.value(13).toLongLong();
    u.completedAtMs = q.value(14).isNull() ? 0 : q.value(14).toLongLong();
    return u;
}

bool run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

// Qt binds a null QString as NULL; NOT NULL text columns need an empty string.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}
} // namespace

UploadStore::UploadStore(Storage::Database &database)
    : m_database(database)
{
}

UploadStore::InsertOutcome UploadStore::insertIfAdmitted(const UploadRecord &upload, const AdmissionCheck &admit, Usage *usage,
                                                         QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return InsertOutcome::Failed;
    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive()) {
        *error = transaction.errorText();
        return InsertOutcome::Failed;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "SELECT COALESCE(SUM(CASE WHEN state IN ('uploading', 'complete') THEN length ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN created_at > ? THEN length ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN state = 'uploading' THEN 1 ELSE 0 END), 0) "
        "FROM uploads WHERE user_id = ?"));
    q.addBindValue(upload.createdAtMs - qint64(24) * 3600 * 1000);
    q.addBindValue(upload.userId);
    if (!run(q, error) || !q.next()) {
        if (error->isEmpty())
            *error = QStringLiteral("no usage row");
        return InsertOutcome::Failed;
    }
    usage->heldBytes = q.value(0).toLongLong();
    usage->lastDayBytes = q.value(1).toLongLong();
    usage->incomplete = q.value(2).toInt();
    if (!admit(*usage))
        return InsertOutcome::Refused;

    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT INTO uploads (") + s_columns
                   + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(upload.id);
    insert.addBindValue(upload.userId);
    insert.addBindValue(upload.length);
    insert.addBindValue(upload.offset);
    insert.addBindValue(UploadRecord::stateName(upload.state));
    insert.addBindValue(text(upload.filename));
    insert.addBindValue(text(upload.filetype));
    insert.addBindValue(nullableText(upload.videoId));
    insert.addBindValue(text(QString::fromUtf8(upload.metadataHeader)));
    insert.addBindValue(text(upload.reason));
    insert.addBindValue(text(QString()));
    insert.addBindValue(upload.createdAtMs);
    insert.addBindValue(upload.updatedAtMs);
    insert.addBindValue(upload.expiresAtMs);
    insert.addBindValue(QVariant(QMetaType::fromType<qlonglong>()));
    if (!run(insert, error))
        return InsertOutcome::Failed;
    if (!transaction.commit()) {
        *error = transaction.errorText();
        return InsertOutcome::Failed;
    }
    return InsertOutcome::Inserted;
}

std::optional<UploadRecord> UploadStore::find(const QString &id, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + s_columns + QStringLiteral(" FROM uploads WHERE id = ?"));
    q.addBindValue(id);
    if (!run(q, error) || !q.next())
        return std::nullopt;
    return readUpload(q);
}

bool UploadStore::advanceOffset(const QString &id, qint64 from, qint64 to, qint64 expiresAtMs, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE uploads SET upload_offset = ?, updated_at = ?, expires_at = ? "
                             "WHERE id = ? AND upload_offset = ? AND state = 'uploading'"));
    q.addBindValue(to);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(expiresAtMs);
    q.addBindValue(id);
    q.addBindValue(from);
    if (!run(q, error))
        return false;
    if (q.numRowsAffected() != 1) {
        *error = QStringLiteral("the upload changed while it was written");
        return false;
    }
    return true;
}

bool UploadStore::rewindOffset(const QString &id, qint64 from, qint64 to, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE uploads SET upload_offset = ?, updated_at = ? "
                             "WHERE id = ? AND upload_offset = ? AND state = 'uploading'"));
    q.addBindValue(to);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    q.addBindValue(from);
    return run(q, error) && q.numRowsAffected() == 1;
}

bool UploadStore::finish(const UploadRecord &upload, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE uploads SET state = ?, reason = ?, probe = ?, completed_at = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(UploadRecord::stateName(upload.state));
    q.addBindValue(text(upload.reason));
    q.addBindValue(text(upload.probe.isEmpty() ? QString()
                                               : QString::fromUtf8(QJsonDocument(upload.probe).toJson(QJsonDocument::Compact))));
    q.addBindValue(upload.completedAtMs);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(upload.id);
    return run(q, error);
}

bool UploadStore::setState(const QString &id, UploadRecord::State state, const QString &reason, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("UPDATE uploads SET state = ?, reason = ?, updated_at = ? WHERE id = ?"));
    q.addBindValue(UploadRecord::stateName(state));
    q.addBindValue(text(reason));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    return run(q, error);
}

QList<UploadRecord> UploadStore::expired(qint64 nowMs, QString *error)
{
    QList<UploadRecord> list;
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return list;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + s_columns
              + QStringLiteral(" FROM uploads WHERE state = 'uploading' AND expires_at <= ?"));
    q.addBindValue(nowMs);
    if (!run(q, error))
        return list;
    while (q.next())
        list.append(readUpload(q));
    return list;
}

QList<UploadRecord> UploadStore::inState(UploadRecord::State state, QString *error)
{
    QList<UploadRecord> list;
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return list;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT ") + s_columns + QStringLiteral(" FROM uploads WHERE state = ?"));
    q.addBindValue(UploadRecord::stateName(state));
    if (!run(q, error))
        return list;
    while (q.next())
        list.append(readUpload(q));
    return list;
}

std::optional<bool> UploadStore::videoBelongsTo(const QString &videoId, qint64 userId, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT owner_id FROM videos WHERE id = ?"));
    q.addBindValue(videoId);
    if (!run(q, error))
        return std::nullopt;
    if (!q.next())
        return false;
    return q.value(0).toLongLong() == userId;
}

} // namespace Kinora::Server::Upload
