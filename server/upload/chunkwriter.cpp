#include "server/upload/chunkwriter.h"

#include "server/upload/partfile.h"

#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace Kinora::Server::Upload {

namespace {
// Dirty bytes handed to the kernel's writeback at a time, so the disk works while the network does.
constexpr qint64 kWritebackStep = qint64(8) << 20;

QString tr(const char *text)
{
    return QCoreApplication::translate("ChunkWriter", text);
}

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}
} // namespace

ChunkWriter::ChunkWriter(QString uploadId, QString path, qint64 offset, qint64 size, std::optional<UploadChecksum> checksum,
                         std::function<void()> release)
    : m_uploadId(std::move(uploadId))
    , m_path(std::move(path))
    , m_offset(offset)
    , m_size(size)
    , m_checksum(std::move(checksum))
    , m_release(std::move(release))
{
    if (m_checksum)
        m_hash = std::make_unique<QCryptographicHash>(m_checksum->algorithm());
}

ChunkWriter::~ChunkWriter()
{
    if (!m_committed)
        discard();
    if (m_fd >= 0)
        ::close(m_fd);
    if (m_release)
        m_release();
}

bool ChunkWriter::open(QString *error)
{
    PartFile part(m_path);
    if (!part.truncateTo(m_offset, error))
        return false;
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CLOEXEC);
    if (m_fd < 0) {
        *error = tr("cannot open %1: %2").arg(m_path, systemError());
        return false;
    }
    return true;
}

bool ChunkWriter::write(const char *data, qint64 size)
{
    if (m_fd < 0 || size > m_size - m_written) {
        m_error = tr("%1: more bytes than the announced %2").arg(m_path).arg(m_size);
        return false;
    }
    if (m_hash)
        m_hash->addData(QByteArrayView(data, size));
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::pwrite(m_fd, data + done, size_t(size - done), off_t(m_offset + m_written + done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            m_error = tr("cannot write to %1: %2").arg(m_path, systemError());
            return false;
        }
        done += n;
    }
    m_written += size;
    if (m_sync && m_written - m_writebackStart >= kWritebackStep) {
        // Starts writeback without waiting for it; the flush below waits for what is left.
        ::sync_file_range(m_fd, off_t(m_offset + m_writebackStart), off_t(m_written - m_writebackStart), SYNC_FILE_RANGE_WRITE);
        m_writebackStart = m_written;
    }
    return true;
}

bool ChunkWriter::flush(QString *error)
{
    if (m_fd < 0 || m_written != m_size) {
        *error = tr("%1: the body ended after %2 of %3 bytes").arg(m_path).arg(m_written).arg(m_size);
        discard();
        return false;
    }
    if (m_sync && ::fdatasync(m_fd) != 0) {
        *error = tr("cannot flush %1: %2").arg(m_path, systemError());
        discard();
        return false;
    }
    return true;
}

std::optional<bool> ChunkWriter::checksumMatches() const
{
    if (!m_checksum || !m_hash)
        return std::nullopt;
    return m_hash->result() == m_checksum->digest();
}

void ChunkWriter::discard()
{
    if (m_fd >= 0 && m_written > 0 && ::ftruncate(m_fd, m_offset) != 0)
        qWarning("upload: cannot cut %s back to %lld bytes", qPrintable(m_path), m_offset);
    m_written = 0;
    m_writebackStart = 0;
}

} // namespace Kinora::Server::Upload
