#include "core/media/partialoutputdirectory.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

namespace Kinora::Core {

namespace {

const QLatin1String kLockFile(".owner");

// ".<name>.partial-" for the output folder <name>.
QString namePrefix(const QString &output)
{
    return QLatin1Char('.') + QFileInfo(output).fileName() + QStringLiteral(".partial-");
}

QString parentOf(const QString &output)
{
    return QFileInfo(output).absolutePath();
}

} // namespace

PartialOutputDirectory::PartialOutputDirectory(const QString &output)
    : m_dir(parentOf(output) + QLatin1Char('/') + namePrefix(output) + QString::number(::getpid())
            + QStringLiteral("-XXXXXX"))
{
    if (!m_dir.isValid()) {
        m_error = m_dir.errorString();
        return;
    }
    // Locked under another name, then renamed: a visible lock file is always a held one.
    const QString pending = m_dir.filePath(kLockFile + QStringLiteral(".new"));
    m_lockFd = ::open(QFile::encodeName(pending).constData(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (m_lockFd < 0 || ::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0
        || ::rename(QFile::encodeName(pending).constData(), QFile::encodeName(m_dir.filePath(kLockFile)).constData()) != 0) {
        m_error = QCoreApplication::translate("PartialOutputDirectory", "%1: cannot be locked: %2")
                      .arg(QDir::toNativeSeparators(m_dir.path()), QString::fromLocal8Bit(std::strerror(errno)));
        return;
    }
    m_valid = true;
}

PartialOutputDirectory::~PartialOutputDirectory()
{
    // Remove the folder while still holding its lock, so no one takes it for stale meanwhile.
    if (m_dir.autoRemove())
        m_dir.remove();
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

void PartialOutputDirectory::prepareToPublish()
{
    QFile::remove(m_dir.filePath(kLockFile));
}

bool PartialOutputDirectory::isOwnerAlive(const QString &directory, const QString &name)
{
    const QByteArray lockPath = QFile::encodeName(directory + QLatin1Char('/') + kLockFile);
    const int fd = ::open(lockPath.constData(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        // flock is released by the kernel when its owner dies, whatever the pid became since.
        const bool locked = ::flock(fd, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK;
        ::close(fd);
        return locked;
    }
    // No lock file: being created or being published. The pid in the name decides.
    const QString marker = QStringLiteral(".partial-");
    bool ok = false;
    const qint64 pid = name.mid(name.lastIndexOf(marker) + marker.size()).section(QLatin1Char('-'), 0, 0).toLongLong(&ok);
    if (!ok || pid <= 0)
        return true;   // not a name this class made: leave it alone
    return ::kill(pid_t(pid), 0) == 0 || errno != ESRCH;
}

int PartialOutputDirectory::removeStale(const QString &output)
{
    const QDir parent(parentOf(output));
    const QString prefix = namePrefix(output);
    int removed = 0;
    // Matched by hand: a name filter would read wildcard characters in the output's name.
    for (const QString &name : parent.entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot | QDir::NoSymLinks)) {
        if (!name.startsWith(prefix))
            continue;
        const QString directory = parent.filePath(name);
        if (!isOwnerAlive(directory, name) && QDir(directory).removeRecursively())
            ++removed;
    }
    return removed;
}

} // namespace Kinora::Core
