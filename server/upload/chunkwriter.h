#pragma once

#include "server/upload/uploadchecksum.h"

#include <QCryptographicHash>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace Kinora::Server::Upload {

// One chunk written straight into an upload's part file at its acknowledged
// offset while the bytes arrive: hashed on the way when a checksum was sent,
// and pushed to disk behind the writer so the flush before the acknowledgement
// is short. Destroyed without commit(), it cuts the file back to the offset
// and runs its release function (the upload's write claim).
class ChunkWriter
{
public:
    ChunkWriter(QString uploadId, QString path, qint64 offset, qint64 size, std::optional<UploadChecksum> checksum,
                std::function<void()> release);
    ~ChunkWriter();
    ChunkWriter(const ChunkWriter &) = delete;
    ChunkWriter &operator=(const ChunkWriter &) = delete;

    // Drops any unacknowledged tail and opens the file for writing at the offset.
    bool open(QString *error);
    // False past the announced size or when the disk refuses.
    bool write(const char *data, qint64 size);
    // All bytes arrived and are on disk; false (and the tail cut) otherwise.
    bool flush(QString *error);
    // Nullopt without a checksum; otherwise whether the bytes match it.
    std::optional<bool> checksumMatches() const;
    // The bytes are acknowledged: the destructor keeps them.
    void commit() { m_committed = true; }
    // false: flush() leaves the bytes to the page cache (upload.syncWrites).
    void setSync(bool sync) { m_sync = sync; }
    // Cuts the file back to the offset now (a refused chunk).
    void discard();

    QString uploadId() const { return m_uploadId; }
    qint64 offset() const { return m_offset; }
    qint64 size() const { return m_size; }
    qint64 written() const { return m_written; }
    QString errorString() const { return m_error; }

private:
    QString m_uploadId;
    QString m_path;
    qint64 m_offset;
    qint64 m_size;
    std::optional<UploadChecksum> m_checksum;
    std::unique_ptr<QCryptographicHash> m_hash;
    std::function<void()> m_release;
    int m_fd = -1;
    qint64 m_written = 0;
    qint64 m_writebackStart = 0; // relative to m_offset: bytes before it were handed to writeback
    bool m_committed = false;
    bool m_sync = true;
    QString m_error;
};

} // namespace Kinora::Server::Upload
