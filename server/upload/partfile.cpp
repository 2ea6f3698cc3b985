#include "server/upload/partfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Kinora::Server::Upload {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PartFile", text);
}

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

class Fd
{
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    int get() const { return m_fd; }
    bool valid() const { return m_fd >= 0; }

private:
    int m_fd;
};

// Copies `size` bytes from `in` (at its start) to `out` at `outOffset`, in the kernel when it can.
bool copyRange(int in, int out, qint64 outOffset, qint64 size)
{
    loff_t inPos = 0;
    loff_t outPos = outOffset;
    qint64 left = size;
    while (left > 0) {
        const ssize_t n = ::copy_file_range(in, &inPos, out, &outPos, size_t(qMin<qint64>(left, qint64(1) << 30)), 0);
        if (n > 0) {
            left -= n;
            continue;
        }
        if (n == 0)
            return false; // the body is shorter than announced
        if (errno == EINTR)
            continue;
        if (errno != EXDEV && errno != ENOSYS && errno != EINVAL && errno != EOPNOTSUPP)
            return false;
        // Fallback: pread/pwrite.
        QByteArray buffer(4 << 20, Qt::Uninitialized);
        while (left > 0) {
            const ssize_t r = ::pread(in, buffer.data(), size_t(qMin<qint64>(left, buffer.size())), inPos);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                return false;
            ssize_t written = 0;
            while (written < r) {
                const ssize_t w = ::pwrite(out, buffer.constData() + written, size_t(r - written), outPos);
                if (w < 0 && errno == EINTR)
                    continue;
                if (w <= 0)
                    return false;
                written += w;
                outPos += w;
            }
            inPos += r;
            left -= r;
        }
    }
    return true;
}
} // namespace

PartFile::PartFile(QString path)
    : m_path(std::move(path))
{
}

bool PartFile::syncDirectoryOf(const QString &path)
{
    const Fd dir(::open(QFile::encodeName(QFileInfo(path).absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    return dir.valid() && ::fsync(dir.get()) == 0;
}

bool PartFile::create(QString *error)
{
    const Fd fd(::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    if (!fd.valid() || ::fsync(fd.get()) != 0 || !syncDirectoryOf(m_path)) {
        *error = tr("cannot create %1: %2").arg(m_path, systemError());
        return false;
    }
    return true;
}

bool PartFile::truncateTo(qint64 offset, QString *error)
{
    const Fd fd(::open(QFile::encodeName(m_path).constData(), O_WRONLY | (offset == 0 ? O_CREAT : 0) | O_CLOEXEC, 0600));
    struct stat st;
    if (!fd.valid() || ::fstat(fd.get(), &st) != 0) {
        *error = tr("cannot open %1: %2").arg(m_path, systemError());
        return false;
    }
    if (st.st_size < offset) {
        *error = tr("%1 holds %2 bytes, fewer than the acknowledged %3").arg(m_path).arg(qint64(st.st_size)).arg(offset);
        return false;
    }
    if (st.st_size > offset && (::ftruncate(fd.get(), offset) != 0 || ::fdatasync(fd.get()) != 0)) {
        *error = tr("cannot truncate %1: %2").arg(m_path, systemError());
        return false;
    }
    return true;
}

bool PartFile::append(qint64 offset, const QString &bodyPath, qint64 size, QString *error)
{
    if (size == 0)
        return truncateTo(offset, error);
    if (offset == 0) {
        // The whole upload so far is this body: take the file itself.
        if (::rename(QFile::encodeName(bodyPath).constData(), QFile::encodeName(m_path).constData()) == 0) {
            const Fd fd(::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CLOEXEC));
            struct stat st;
            if (!fd.valid() || ::fstat(fd.get(), &st) != 0 || st.st_size < size) {
                *error = tr("cannot open %1: %2").arg(m_path, systemError());
                return false;
            }
            if ((st.st_size > size && ::ftruncate(fd.get(), size) != 0) || ::fchmod(fd.get(), 0600) != 0
                || ::fdatasync(fd.get()) != 0 || !syncDirectoryOf(m_path)) {
                *error = tr("cannot flush %1: %2").arg(m_path, systemError());
                return false;
            }
            return true;
        }
        if (errno != EXDEV) {
            *error = tr("cannot move the request body to %1: %2").arg(m_path, systemError());
            return false;
        }
    }
    if (!truncateTo(offset, error))
        return false;
    const Fd in(::open(QFile::encodeName(bodyPath).constData(), O_RDONLY | O_CLOEXEC));
    const Fd out(::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CLOEXEC));
    if (!in.valid() || !out.valid()) {
        *error = tr("cannot open %1: %2").arg(in.valid() ? m_path : bodyPath, systemError());
        return false;
    }
    if (!copyRange(in.get(), out.get(), offset, size)) {
        *error = tr("cannot write to %1: %2").arg(m_path, systemError());
        // Leave no partial tail: the acknowledged offset stays valid.
        if (::ftruncate(out.get(), offset) != 0)
            qWarning("upload: cannot cut %s back to %lld bytes", qPrintable(m_path), offset);
        return false;
    }
    if (::fdatasync(out.get()) != 0) {
        *error = tr("cannot flush %1: %2").arg(m_path, systemError());
        return false;
    }
    return true;
}

bool PartFile::moveTo(const QString &target, QString *error)
{
    if (::rename(QFile::encodeName(m_path).constData(), QFile::encodeName(target).constData()) != 0
        || !syncDirectoryOf(target)) {
        *error = tr("cannot move %1 to %2: %3").arg(m_path, target, systemError());
        return false;
    }
    m_path = target;
    return true;
}

} // namespace Kinora::Server::Upload
