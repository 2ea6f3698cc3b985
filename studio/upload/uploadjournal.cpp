#include "studio/upload/uploadjournal.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Kinora::Studio {

namespace {
using Stage = UploadItem::Stage;
using Step = UploadJournal::Step;

const QList<std::pair<Stage, QString>> &stageNames()
{
    static const QList<std::pair<Stage, QString>> names{
        {Stage::Queued, QStringLiteral("queued")},         {Stage::Transcoding, QStringLiteral("transcoding")},
        {Stage::Packaging, QStringLiteral("packaging")},   {Stage::Uploading, QStringLiteral("uploading")},
        {Stage::Paused, QStringLiteral("paused")},         {Stage::Processing, QStringLiteral("processing")},
        {Stage::Done, QStringLiteral("done")},             {Stage::Failed, QStringLiteral("failed")},
        {Stage::Cancelled, QStringLiteral("cancelled")}};
    return names;
}

QJsonObject requestToJson(const UploadRequest &request)
{
    return QJsonObject{{QStringLiteral("filePath"), request.filePath},
                       {QStringLiteral("mode"), request.mode == UploadRequest::Mode::TranscodeHere ? QStringLiteral("transcodeHere")
                                                                                                 : QStringLiteral("serverTranscodes")},
                       {QStringLiteral("metadata"), request.metadata.toJson()},
                       {QStringLiteral("customThumbnailPath"), request.customThumbnailPath}};
}

UploadRequest requestFromJson(const QJsonObject &json)
{
    UploadRequest request;
    request.filePath = json.value(QLatin1String("filePath")).toString();
    request.mode = json.value(QLatin1String("mode")).toString() == QLatin1String("serverTranscodes") ? UploadRequest::Mode::ServerTranscodes
                                                                                                   : UploadRequest::Mode::TranscodeHere;
    request.metadata = Core::VideoDraft::fromJson(json.value(QLatin1String("metadata")).toObject());
    request.customThumbnailPath = json.value(QLatin1String("customThumbnailPath")).toString();
    return request;
}

// SQLite stores a null QString as NULL; the columns hold empty text instead.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

QString lastError(const QSqlQuery &query)
{
    return query.lastError().text();
}
} // namespace

UploadJournal::UploadJournal(QString path)
    : m_path(std::move(path))
{
    static QAtomicInteger<quint64> counter;
    m_connection = QStringLiteral("kinora-upload-journal-%1").arg(++counter);
}

UploadJournal::~UploadJournal()
{
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString UploadJournal::stageName(Stage stage)
{
    for (const auto &[s, name] : stageNames()) {
        if (s == stage)
            return name;
    }
    return QStringLiteral("queued");
}

std::optional<Stage> UploadJournal::stageFromName(const QString &name)
{
    for (const auto &[s, n] : stageNames()) {
        if (n == name)
            return s;
    }
    return std::nullopt;
}

bool UploadJournal::exec(const QString &sql, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (query.exec(sql))
        return true;
    if (error)
        *error = lastError(query);
    return false;
}

bool UploadJournal::open(QString *error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QSqlDatabase db = QSqlDatabase::contains(m_connection) ? QSqlDatabase::database(m_connection, false)
                                                           : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.isOpen() && !db.open()) {
        if (error)
            *error = tr("Cannot open the upload journal %1: %2").arg(QDir::toNativeSeparators(m_path), db.lastError().text());
        return false;
    }
    QString sqlError;
    const bool ok = exec(QStringLiteral("PRAGMA journal_mode=WAL"), &sqlError)
                    && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS upload_items ("
                                           "id INTEGER PRIMARY KEY AUTOINCREMENT, "
                                           "created_at INTEGER NOT NULL, "
                                           "request TEXT NOT NULL, "
                                           "stage TEXT NOT NULL, "
                                           "paused_stage TEXT NOT NULL, "
                                           "step INTEGER NOT NULL, "
                                           "video_id TEXT NOT NULL DEFAULT '', "
                                           "upload_url TEXT NOT NULL DEFAULT '', "
                                           "upload_offset INTEGER NOT NULL DEFAULT 0, "
                                           "bytes_total INTEGER NOT NULL DEFAULT 0, "
                                           "error TEXT NOT NULL DEFAULT '')"),
                            &sqlError);
    if (!ok && error)
        *error = tr("Cannot prepare the upload journal %1: %2").arg(QDir::toNativeSeparators(m_path), sqlError);
    return ok;
}

QList<UploadJournal::Record> UploadJournal::load(QString *error)
{
    QList<Record> records;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (!query.exec(QStringLiteral("SELECT id, created_at, request, stage, paused_stage, step, video_id, upload_url, upload_offset, "
                                   "bytes_total, error FROM upload_items ORDER BY id"))) {
        if (error)
            *error = lastError(query);
        return records;
    }
    while (query.next()) {
        Record r;
        r.item.id = query.value(0).toLongLong();
        r.item.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong());
        r.item.request = requestFromJson(QJsonDocument::fromJson(query.value(2).toByteArray()).object());
        r.item.stage = stageFromName(query.value(3).toString()).value_or(Stage::Queued);
        r.item.pausedStage = stageFromName(query.value(4).toString()).value_or(Stage::Queued);
        r.step = Step(qBound(int(Step::Probe), query.value(5).toInt(), int(Step::Finished)));
        r.item.videoId = query.value(6).toString();
        r.uploadUrl = QUrl(query.value(7).toString());
        r.uploadOffset = query.value(8).toLongLong();
        r.item.bytesTotal = query.value(9).toLongLong();
        r.item.bytesSent = r.uploadOffset;
        r.item.error = query.value(10).toString();
        records.append(r);
    }
    return records;
}

qint64 UploadJournal::insert(const Record &record, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("INSERT INTO upload_items (created_at, request, stage, paused_stage, step) VALUES (?, ?, ?, ?, ?)"));
    query.addBindValue(record.item.createdAt.toMSecsSinceEpoch());
    query.addBindValue(QJsonDocument(requestToJson(record.item.request)).toJson(QJsonDocument::Compact));
    query.addBindValue(stageName(record.item.stage));
    query.addBindValue(stageName(record.item.pausedStage));
    query.addBindValue(int(record.step));
    if (!query.exec()) {
        if (error)
            *error = lastError(query);
        return 0;
    }
    return query.lastInsertId().toLongLong();
}

bool UploadJournal::save(const Record &record, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("UPDATE upload_items SET stage = ?, paused_stage = ?, step = ?, video_id = ?, upload_url = ?, "
                                 "upload_offset = ?, bytes_total = ?, error = ? WHERE id = ?"));
    query.addBindValue(stageName(record.item.stage));
    query.addBindValue(stageName(record.item.pausedStage));
    query.addBindValue(int(record.step));
    query.addBindValue(text(record.item.videoId));
    query.addBindValue(text(record.uploadUrl.toString(QUrl::FullyEncoded)));
    query.addBindValue(record.uploadOffset);
    query.addBindValue(record.item.bytesTotal);
    query.addBindValue(text(record.item.error));
    query.addBindValue(record.item.id);
    if (!query.exec()) {
        if (error)
            *error = lastError(query);
        return false;
    }
    return true;
}

bool UploadJournal::remove(qint64 id, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    query.prepare(QStringLiteral("DELETE FROM upload_items WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec()) {
        if (error)
            *error = lastError(query);
        return false;
    }
    return true;
}

} // namespace Kinora::Studio
