#include "server/upload/uploadmetadata.h"

#include <QCoreApplication>

namespace Kinora::Server::Upload {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("UploadMetadata", text);
}
}

std::optional<QHash<QString, QByteArray>> UploadMetadata::parse(QByteArrayView header, QString *error)
{
    QHash<QString, QByteArray> result;
    if (header.size() > MaxHeaderBytes) {
        *error = tr("Upload-Metadata is longer than %1 bytes.").arg(MaxHeaderBytes);
        return std::nullopt;
    }
    const QByteArray text = header.trimmed().toByteArray();
    if (text.isEmpty())
        return result;
    for (const QByteArray &rawPair : text.split(',')) {
        const QByteArray pair = rawPair.trimmed();
        const qsizetype space = pair.indexOf(' ');
        const QByteArray key = space < 0 ? pair : pair.left(space);
        const QByteArray value = space < 0 ? QByteArray() : pair.mid(space + 1).trimmed();
        if (key.isEmpty()) {
            *error = tr("Upload-Metadata has an empty key.");
            return std::nullopt;
        }
        for (char c : key) {
            if (uchar(c) <= 0x20 || uchar(c) >= 0x7f) {
                *error = tr("Upload-Metadata key \"%1\" has a character that is not allowed.").arg(QString::fromLatin1(key));
                return std::nullopt;
            }
        }
        const QString name = QString::fromLatin1(key);
        if (result.contains(name)) {
            *error = tr("Upload-Metadata key \"%1\" appears twice.").arg(name);
            return std::nullopt;
        }
        auto decoded = QByteArray::fromBase64Encoding(value, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            *error = tr("Upload-Metadata value of \"%1\" is not base64.").arg(name);
            return std::nullopt;
        }
        result.insert(name, *decoded);
    }
    return result;
}

} // namespace Kinora::Server::Upload
