#include "server/upload/uploadservice.h"

#include "core/media/mediaprobe.h"
#include "server/upload/partfile.h"
#include "server/upload/uploadmetadata.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutexLocker>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace Kinora::Server::Upload {

namespace {
ServiceError error(int status, const char *code, const QString &message)
{
    return ServiceError{status, QByteArray(code), message, 0};
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString formatBytes(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

QJsonObject probeSummary(const Core::MediaInfo &info)
{
    QJsonObject o;
    o.insert(QStringLiteral("container"), info.container);
    o.insert(QStringLiteral("durationSeconds"), info.durationSeconds);
    o.insert(QStringLiteral("bitRate"), double(info.bitRate));
    if (info.hasVideo()) {
        const auto &v = info.video();
        o.insert(QStringLiteral("video"), QJsonObject{{QStringLiteral("codec"), v.codec},
                                                      {QStringLiteral("width"), v.displayWidth()},
                                                      {QStringLiteral("height"), v.displayHeight()},
                                                      {QStringLiteral("frameRate"), v.frameRate()}});
    }
    if (info.hasAudio()) {
        const auto &a = info.audio();
        o.insert(QStringLiteral("audio"), QJsonObject{{QStringLiteral("codec"), a.codec},
                                                      {QStringLiteral("sampleRate"), a.sampleRate},
                                                      {QStringLiteral("channels"), a.channels}});
    }
    return o;
}

bool containerAllowed(const QString &demuxerName, const QStringList &allowed)
{
    for (const QString &name : demuxerName.split(QLatin1Char(','))) {
        for (const QString &a : allowed) {
            if (name.compare(a, Qt::CaseInsensitive) == 0 || (a.compare(QLatin1String("mkv"), Qt::CaseInsensitive) == 0 && name == QLatin1String("matroska")))
                return true;
        }
    }
    return false;
}
} // namespace

// Marks an upload as being written for the lifetime of the object.
class UploadService::Claim
{
public:
    Claim(UploadService &service, const QString &id) : m_service(service), m_id(id), m_held(service.claim(id)) {}
    ~Claim()
    {
        if (m_held)
            m_service.release(m_id);
    }
    Claim(const Claim &) = delete;
    Claim &operator=(const Claim &) = delete;
    bool held() const { return m_held; }

private:
    UploadService &m_service;
    QString m_id;
    bool m_held;
};

UploadService::UploadService(Storage::Database &database, UploadSettings settings, QString directory, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_settings(std::move(settings))
    , m_directory(std::move(directory))
    , m_store(database)
{
    m_cleanupTimer.setInterval(std::chrono::seconds(qMax(1, m_settings.cleanupIntervalSeconds)));
    connect(&m_cleanupTimer, &QTimer::timeout, this, [this] { removeExpired(); });
}

UploadService::~UploadService()
{
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

QString UploadService::partPath(const QString &id) const
{
    return QDir(m_directory).filePath(id + QStringLiteral(".part"));
}

QString UploadService::filePath(const QString &id) const
{
    return QDir(m_directory).filePath(id);
}

QString UploadService::newId()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

bool UploadService::claim(const QString &id)
{
    QMutexLocker lock(&m_busyLock);
    if (m_busy.contains(id))
        return false;
    m_busy.insert(id);
    return true;
}

void UploadService::release(const QString &id)
{
    QMutexLocker lock(&m_busyLock);
    m_busy.remove(id);
}

bool UploadService::start(QString *errorText)
{
    if (!QDir().mkpath(m_directory)) {
        *errorText = tr("cannot create the upload directory %1").arg(m_directory);
        return false;
    }
    // Only one process repairs and cleans the directory: an admin command opening
    // the same data directory while the server runs must not cut files being written.
    m_lockFd = ::open(QFile::encodeName(QDir(m_directory).filePath(QStringLiteral(".lock"))).constData(),
                      O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_lockFd < 0 || ::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
        if (m_lockFd >= 0)
            ::close(m_lockFd);
        m_lockFd = -1;
        return true;
    }
    QString dbError;
    const QList<UploadRecord> unfinished = m_store.inState(UploadRecord::State::Uploading, &dbError);
    if (!dbError.isEmpty()) {
        *errorText = tr("cannot read the uploads: %1").arg(dbError);
        return false;
    }
    for (UploadRecord upload : unfinished) {
        PartFile part(partPath(upload.id));
        QString partError;
        // Without upload.syncWrites a power cut may lose acknowledged bytes
        // that were still in the page cache: resume from what is on disk.
        if (const qint64 onDisk = QFileInfo(part.path()).size(); !m_settings.syncWrites && onDisk < upload.offset
            && QFileInfo::exists(part.path())) {
            qWarning("upload %s: %lld of %lld acknowledged bytes reached the disk; resuming from there",
                     qPrintable(upload.id), qlonglong(onDisk), qlonglong(upload.offset));
            if (m_store.rewindOffset(upload.id, upload.offset, onDisk, &dbError))
                upload.offset = onDisk;
        }
        if (!part.truncateTo(upload.offset, &partError)) {
            // Acknowledged bytes are missing: nothing can be resumed.
            qWarning("upload %s: %s; the upload is marked rejected", qPrintable(upload.id), qPrintable(partError));
            m_store.setState(upload.id, UploadRecord::State::Rejected, tr("the data of this upload was lost"), &dbError);
            QFile::remove(part.path());
            continue;
        }
        if (upload.isFinished())
            complete(upload); // the server stopped between the last write and the media check
    }
    // Body files of requests cut off by a crash are left by the HTTP layer in its temp dir; ours are all named.
    const QStringList entries = QDir(m_directory).entryList({QStringLiteral("*.part")}, QDir::Files);
    for (const QString &name : entries) {
        const QString id = name.chopped(5);
        const auto upload = m_store.find(id, &dbError);
        if (!upload || upload->state != UploadRecord::State::Uploading)
            QFile::remove(QDir(m_directory).filePath(name));
    }
    removeExpired();
    m_cleanupTimer.start();
    return true;
}

ServiceResult<UploadRecord> UploadService::create(const Creation &creation)
{
    if (creation.length < 0)
        return error(400, "invalid_upload_length", tr("Upload-Length must be a non-negative integer."));
    if (creation.length > m_settings.maxFileSizeBytes)
        return error(413, "max_file_size_reached", tr("The file is %1; uploads may be at most %2.")
                                                       .arg(formatBytes(creation.length), formatBytes(m_settings.maxFileSizeBytes)));
    UploadRecord upload;
    upload.id = newId();
    upload.userId = creation.userId;
    upload.length = creation.length;
    upload.metadataHeader = creation.metadataHeader;
    upload.filename = QString::fromUtf8(creation.metadata.value(QStringLiteral("filename"))).left(255);
    upload.filetype = QString::fromUtf8(creation.metadata.value(QStringLiteral("filetype"))).left(255);
    upload.videoId = QString::fromUtf8(creation.metadata.value(QStringLiteral("videoId")));
    upload.createdAtMs = upload.updatedAtMs = nowMs();
    upload.expiresAtMs = upload.createdAtMs + qint64(m_settings.expirySeconds) * 1000;

    QString dbError;
    if (!upload.videoId.isEmpty()) {
        static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
        if (!idPattern.match(upload.videoId).hasMatch())
            return error(422, "validation_failed", tr("videoId is not a valid video id."));
        const auto owned = m_store.videoBelongsTo(upload.videoId, upload.userId, &dbError);
        if (!owned)
            return ServiceError::internal(dbError);
        if (!*owned)
            return error(422, "validation_failed", tr("videoId names no video of yours."));
    }

    PartFile part(partPath(upload.id));
    QString partError;
    if (!part.create(&partError)) {
        qWarning("upload: %s", qPrintable(partError));
        return error(507, "insufficient_storage", tr("The server cannot store the upload."));
    }
    std::optional<ServiceError> refusal;
    UploadStore::Usage usage;
    const auto outcome = m_store.insertIfAdmitted(upload, [&](const UploadStore::Usage &u) {
        if (u.incomplete >= m_settings.maxIncompletePerUser) {
            refusal = error(429, "too_many_uploads", tr("You already have %1 unfinished uploads; finish or cancel one first.")
                                                         .arg(u.incomplete));
        } else if (u.heldBytes + upload.length > m_settings.userQuotaBytes) {
            refusal = error(413, "quota_reached", tr("This upload would exceed your storage quota of %1 (%2 in use).")
                                                      .arg(formatBytes(m_settings.userQuotaBytes), formatBytes(u.heldBytes)));
        } else if (u.lastDayBytes + upload.length > m_settings.dailyQuotaBytes) {
            refusal = error(413, "quota_reached", tr("This upload would exceed your daily upload quota of %1 (%2 in the last 24 hours).")
                                                      .arg(formatBytes(m_settings.dailyQuotaBytes), formatBytes(u.lastDayBytes)));
        }
        return !refusal.has_value();
    }, &usage, &dbError);
    if (outcome != UploadStore::InsertOutcome::Inserted) {
        QFile::remove(part.path());
        if (outcome == UploadStore::InsertOutcome::Refused)
            return *refusal;
        return ServiceError::internal(dbError);
    }
    if (upload.length == 0)
        return complete(upload);
    return upload;
}

ServiceResult<UploadRecord> UploadService::find(const QString &id, qint64 userId)
{
    QString dbError;
    auto upload = m_store.find(id, &dbError);
    if (!upload) {
        if (!dbError.isEmpty())
            return ServiceError::internal(dbError);
        return error(404, "not_found", tr("No such upload."));
    }
    if (upload->userId != userId)
        return error(404, "not_found", tr("No such upload."));
    return *upload;
}

ServiceResult<UploadRecord> UploadService::resumable(const QString &id, qint64 userId)
{
    auto upload = find(id, userId);
    if (!upload)
        return upload;
    switch (upload->state) {
    case UploadRecord::State::Terminated:
        return error(410, "upload_gone", tr("This upload was cancelled."));
    case UploadRecord::State::Expired:
        return error(410, "upload_gone", tr("This upload expired."));
    case UploadRecord::State::Rejected:
        return error(410, "upload_gone", tr("This upload was refused: %1").arg(upload->reason));
    case UploadRecord::State::Uploading:
        if (upload->expiresAtMs <= nowMs())
            return error(410, "upload_gone", tr("This upload expired."));
        break;
    case UploadRecord::State::Complete:
        break;
    }
    return upload;
}

ServiceResult<UploadRecord> UploadService::append(const QString &id, qint64 userId, const Chunk &chunk)
{
    const Claim claim(*this, id);
    if (!claim.held())
        return error(423, "upload_locked", tr("Another request is writing to this upload."));
    auto found = resumable(id, userId);
    if (!found)
        return found;
    UploadRecord upload = found.value();
    if (chunk.offset != upload.offset)
        return error(409, "offset_mismatch", tr("Upload-Offset is %1 but the upload is at %2.").arg(chunk.offset).arg(upload.offset));
    if (upload.state == UploadRecord::State::Complete) {
        if (chunk.size > 0)
            return error(413, "max_file_size_reached", tr("The upload is already complete."));
        return upload;
    }
    if (chunk.size > upload.length - upload.offset)
        return error(413, "max_file_size_reached", tr("The chunk goes %1 bytes beyond the declared Upload-Length of %2.")
                                                       .arg(chunk.offset + chunk.size - upload.length).arg(upload.length));
    if (chunk.checksum) {
        const auto matches = chunk.checksum->matchesFile(chunk.bodyPath, chunk.size);
        if (!matches)
            return ServiceError::internal(tr("cannot read the request body"));
        if (!*matches)
            return error(460, "checksum_mismatch", tr("Upload-Checksum does not match the bytes received; they were discarded."));
    }
    if (chunk.size == 0)
        return upload;

    PartFile part(partPath(id));
    QString partError;
    if (!part.append(upload.offset, chunk.bodyPath, chunk.size, &partError)) {
        qWarning("upload %s: %s", qPrintable(id), qPrintable(partError));
        return error(507, "insufficient_storage", tr("The server could not store the bytes."));
    }
    const qint64 newOffset = upload.offset + chunk.size;
    const qint64 expiresAt = nowMs() + qint64(m_settings.expirySeconds) * 1000;
    QString dbError;
    if (!m_store.advanceOffset(id, upload.offset, newOffset, expiresAt, &dbError))
        return ServiceError::internal(dbError);
    upload.offset = newOffset;
    upload.expiresAtMs = expiresAt;
    if (upload.isFinished())
        return complete(upload);
    return upload;
}

std::unique_ptr<ChunkWriter> UploadService::beginChunk(const QString &id, qint64 userId, qint64 offset, qint64 size,
                                                      std::optional<UploadChecksum> checksum)
{
    if (size <= 0 || !claim(id))
        return nullptr;
    auto writer = std::make_unique<ChunkWriter>(id, partPath(id), offset, size, std::move(checksum), [this, id] { release(id); });
    writer->setSync(m_settings.syncWrites);
    const auto found = resumable(id, userId);
    if (!found || found->state != UploadRecord::State::Uploading || offset != found->offset
        || size > found->length - found->offset)
        return nullptr;
    QString partError;
    if (!writer->open(&partError)) {
        qWarning("upload %s: %s", qPrintable(id), qPrintable(partError));
        return nullptr;
    }
    return writer;
}

ServiceResult<UploadRecord> UploadService::finishChunk(ChunkWriter &writer, qint64 userId)
{
    const QString id = writer.uploadId();
    auto found = resumable(id, userId);
    if (!found)
        return found;
    UploadRecord upload = found.value();
    if (upload.offset != writer.offset())
        return error(409, "offset_mismatch", tr("Upload-Offset is %1 but the upload is at %2.").arg(writer.offset()).arg(upload.offset));
    if (const auto matches = writer.checksumMatches(); matches && !*matches) {
        writer.discard();
        return error(460, "checksum_mismatch", tr("Upload-Checksum does not match the bytes received; they were discarded."));
    }
    QString partError;
    if (!writer.flush(&partError)) {
        qWarning("upload %s: %s", qPrintable(id), qPrintable(partError));
        return error(507, "insufficient_storage", tr("The server could not store the bytes."));
    }
    const qint64 newOffset = upload.offset + writer.size();
    const qint64 expiresAt = nowMs() + qint64(m_settings.expirySeconds) * 1000;
    QString dbError;
    if (!m_store.advanceOffset(id, upload.offset, newOffset, expiresAt, &dbError))
        return ServiceError::internal(dbError);
    writer.commit();
    upload.offset = newOffset;
    upload.expiresAtMs = expiresAt;
    if (upload.isFinished())
        return complete(upload);
    return upload;
}

ServiceResult<UploadRecord> UploadService::complete(UploadRecord upload)
{
    PartFile part(partPath(upload.id));
    // A studio package (a tar of a finished ladder) is no media file; processing validates it.
    QString metadataError;
    const auto metadata = UploadMetadata::parse(upload.metadataHeader, &metadataError);
    const bool package = metadata && metadata->value(QStringLiteral("kind")) == "package";
    Core::MediaProbe probe;
    const auto info = upload.length > 0 && !package ? probe.probe(part.path()) : std::nullopt;
    QString reason;
    if (upload.length == 0)
        reason = tr("the file is empty");
    else if (package)
        reason.clear();
    else if (!info)
        reason = tr("not a media file that can be read (%1)").arg(probe.errorString().section(QStringLiteral(": "), -1));
    else if (!containerAllowed(info->container, m_settings.allowedContainers))
        reason = tr("the container %1 is not accepted").arg(info->container);
    else if (m_settings.requireVideoStream && !info->hasVideo())
        reason = tr("the file has no video track");

    QString dbError;
    upload.completedAtMs = nowMs();
    if (!reason.isEmpty()) {
        QFile::remove(part.path());
        upload.state = UploadRecord::State::Rejected;
        upload.reason = reason;
        if (!m_store.finish(upload, &dbError))
            return ServiceError::internal(dbError);
        return error(422, "unsupported_media", tr("The upload was refused: %1.").arg(reason));
    }
    QString moveError;
    if (!part.moveTo(filePath(upload.id), &moveError)) {
        qWarning("upload %s: %s", qPrintable(upload.id), qPrintable(moveError));
        return ServiceError::internal(tr("cannot keep the finished upload"));
    }
    upload.state = UploadRecord::State::Complete;
    upload.probe = package ? QJsonObject{{QStringLiteral("kind"), QStringLiteral("package")}} : probeSummary(*info);
    if (!m_store.finish(upload, &dbError))
        return ServiceError::internal(dbError);
    Q_EMIT uploadCompleted(upload.id, upload.userId, upload.videoId, filePath(upload.id));
    return upload;
}

ServiceStatus UploadService::terminate(const QString &id, qint64 userId)
{
    const Claim claim(*this, id);
    if (!claim.held())
        return error(423, "upload_locked", tr("Another request is writing to this upload."));
    auto found = resumable(id, userId);
    if (!found)
        return found.error();
    QString dbError;
    if (!m_store.setState(id, UploadRecord::State::Terminated, QString(), &dbError))
        return ServiceError::internal(dbError);
    QFile::remove(partPath(id));
    QFile::remove(filePath(id));
    return std::monostate{};
}

int UploadService::removeExpired()
{
    QString dbError;
    const QList<UploadRecord> expired = m_store.expired(nowMs(), &dbError);
    if (!dbError.isEmpty())
        qWarning("upload clean-up: %s", qPrintable(dbError));
    int removed = 0;
    for (const UploadRecord &upload : expired) {
        const Claim claim(*this, upload.id);
        if (!claim.held())
            continue; // being written right now; the next round decides
        const auto current = m_store.find(upload.id, &dbError);
        if (!current || current->state != UploadRecord::State::Uploading || current->expiresAtMs > nowMs())
            continue;
        if (!m_store.setState(upload.id, UploadRecord::State::Expired, QString(), &dbError)) {
            qWarning("upload clean-up: %s", qPrintable(dbError));
            continue;
        }
        QFile::remove(partPath(upload.id));
        ++removed;
    }
    return removed;
}

} // namespace Kinora::Server::Upload
