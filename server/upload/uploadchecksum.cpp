#include "server/upload/uploadchecksum.h"

#include <QFile>

namespace Kinora::Server::Upload {

QByteArray UploadChecksum::supportedAlgorithms()
{
    return QByteArrayLiteral("sha1,sha256");
}

std::optional<UploadChecksum> UploadChecksum::parse(const QByteArray &header, ParseError *error)
{
    const QByteArray text = header.trimmed();
    const qsizetype space = text.indexOf(' ');
    if (space <= 0) {
        *error = ParseError::Malformed;
        return std::nullopt;
    }
    const QByteArray name = text.left(space).toLower();
    UploadChecksum checksum;
    int digestSize = 0;
    if (name == "sha1") {
        checksum.m_algorithm = QCryptographicHash::Sha1;
        digestSize = 20;
    } else if (name == "sha256") {
        checksum.m_algorithm = QCryptographicHash::Sha256;
        digestSize = 32;
    } else {
        *error = ParseError::UnsupportedAlgorithm;
        return std::nullopt;
    }
    auto digest = QByteArray::fromBase64Encoding(text.mid(space + 1).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!digest || digest.decoded.size() != digestSize) {
        *error = ParseError::Malformed;
        return std::nullopt;
    }
    checksum.m_digest = digest.decoded;
    *error = ParseError::None;
    return checksum;
}

std::optional<bool> UploadChecksum::matchesFile(const QString &path, qint64 size) const
{
    QCryptographicHash hash(m_algorithm);
    if (size > 0) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return std::nullopt;
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        qint64 left = size;
        while (left > 0) {
            const qint64 n = file.read(buffer.data(), qMin<qint64>(left, buffer.size()));
            if (n <= 0)
                return std::nullopt;
            hash.addData(QByteArrayView(buffer.constData(), n));
            left -= n;
        }
    }
    return hash.result() == m_digest;
}

} // namespace Kinora::Server::Upload
