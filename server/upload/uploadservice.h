#pragma once

#include "server/app/serviceresult.h"
#include "server/upload/chunkwriter.h"
#include "server/upload/uploadrecord.h"
#include "server/upload/uploadchecksum.h"
#include "server/upload/uploadsettings.h"
#include "server/upload/uploadstore.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

namespace Kinora::Server::Storage {
class Database;
}

namespace Kinora::Server::Upload {

// Resumable uploads without any HTTP: creation under the size, quota and
// concurrency limits, appending chunks durably (flushed before the offset is
// committed), checksums, termination, expiry, and the media check of a
// finished file. The tus routes (UploadRoutes) only translate headers.
// Thread-safe: each upload is written by one request at a time (423 otherwise).
class UploadService : public QObject
{
    Q_OBJECT

public:
    struct Creation
    {
        qint64 userId = 0;
        qint64 length = 0;
        QByteArray metadataHeader;
        QHash<QString, QByteArray> metadata; // filename, filetype, videoId (all optional)
    };

    struct Chunk
    {
        qint64 offset = 0;               // the client's Upload-Offset
        QString bodyPath;                // file holding the bytes (moved or copied away)
        qint64 size = 0;
        std::optional<UploadChecksum> checksum;
    };

    UploadService(Storage::Database &database, UploadSettings settings, QString directory, QObject *parent = nullptr);
    ~UploadService() override;

    // Creates the directory, repairs the uploads a crash interrupted (cuts
    // unacknowledged tails, finishes complete ones), removes expired ones and
    // starts the periodic clean-up. Call on a thread with an event loop. Only
    // the first process to open the directory (an exclusive lock, released on
    // exit or crash) does the repair and clean-up; others just serve requests.
    bool start(QString *error);

    const UploadSettings &settings() const { return m_settings; }
    QString directory() const { return m_directory; }
    QString partPath(const QString &id) const;
    QString filePath(const QString &id) const;

    ServiceResult<UploadRecord> create(const Creation &creation);
    // Writes one chunk; when it completes the upload the file is probed
    // (422 unsupported_media and the data deleted when it is not an allowed video).
    ServiceResult<UploadRecord> append(const QString &id, qint64 userId, const Chunk &chunk);
    // The streaming form of append(): before any body byte is read, claims the
    // upload and checks what append() checks; the writer then takes the bytes
    // straight into the part file. Null when a check fails or the file cannot
    // be opened: append() with the body in a file then gives the precise answer.
    std::unique_ptr<ChunkWriter> beginChunk(const QString &id, qint64 userId, qint64 offset, qint64 size,
                                            std::optional<UploadChecksum> checksum);
    // Flushes the writer's bytes and acknowledges them, as append() does.
    ServiceResult<UploadRecord> finishChunk(ChunkWriter &writer, qint64 userId);
    // The owner's upload in any state (404 for anyone else).
    ServiceResult<UploadRecord> find(const QString &id, qint64 userId);
    // The owner's upload if it can still take or report bytes (410 when terminated, expired or rejected).
    ServiceResult<UploadRecord> resumable(const QString &id, qint64 userId);
    ServiceStatus terminate(const QString &id, qint64 userId);
    // Marks unfinished uploads past their expiry as expired and deletes their data; returns how many.
    int removeExpired();

Q_SIGNALS:
    // A finished upload passed the media check; filePath is its data, owned by
    // the receiver from now on. Emitted on the thread that finished the upload.
    void uploadCompleted(const QString &uploadId, qint64 userId, const QString &videoId, const QString &filePath);

private:
    class Claim;

    bool claim(const QString &id);
    void release(const QString &id);
    ServiceResult<UploadRecord> complete(UploadRecord upload);
    static QString newId();

    Storage::Database &m_database;
    UploadSettings m_settings;
    QString m_directory;
    UploadStore m_store;
    QTimer m_cleanupTimer;
    int m_lockFd = -1;
    QMutex m_busyLock;
    QSet<QString> m_busy;
};

} // namespace Kinora::Server::Upload
