#include "server/app/jwtsecretfile.h"

#include <QFile>

#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Kinora::Server {

QByteArray JwtSecretFile::loadOrCreate(const QString &path, QString *error)
{
    if (sodium_init() < 0) {
        *error = tr("cannot initialise libsodium");
        return {};
    }
    const QByteArray nativePath = QFile::encodeName(path);
    // O_EXCL: two processes starting at once cannot both write a secret.
    const int fd = ::open(nativePath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        unsigned char raw[32];
        randombytes_buf(raw, sizeof raw);
        const QByteArray hex = QByteArray(reinterpret_cast<const char *>(raw), sizeof raw).toHex() + '\n';
        sodium_memzero(raw, sizeof raw);
        const bool written = ::write(fd, hex.constData(), size_t(hex.size())) == hex.size() && ::fsync(fd) == 0;
        ::close(fd);
        if (!written) {
            *error = tr("cannot write the secret file %1").arg(path);
            ::unlink(nativePath.constData());
            return {};
        }
    } else if (errno != EEXIST) {
        *error = tr("cannot create the secret file %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return {};
    }

    struct stat info{};
    if (::stat(nativePath.constData(), &info) == 0 && (info.st_mode & 077) != 0)
        ::chmod(nativePath.constData(), 0600); // never leave the secret readable by others

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read the secret file %1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray secret = QByteArray::fromHex(file.readAll().trimmed());
    if (secret.size() < 32) {
        *error = tr("the secret file %1 is damaged (expected 64 hex digits); delete it to generate a new one, "
                    "which signs out every user").arg(path);
        return {};
    }
    return secret;
}

} // namespace Kinora::Server
