#include "server/catalog/pagecursor.h"

#include <QByteArray>
#include <QStringList>

namespace Kinora::Server::Catalog {

QString PageCursor::encode(const QString &kind, const QList<qint64> &values)
{
    QStringList parts{kind};
    for (qint64 value : values)
        parts.append(QString::number(value));
    return QString::fromLatin1(parts.join(QLatin1Char(':')).toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<QList<qint64>> PageCursor::decode(const QString &cursor, const QString &kind, int count)
{
    if (cursor.size() > 256)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QStringList parts = QString::fromUtf8(*decoded).split(QLatin1Char(':'));
    if (parts.size() != count + 1 || parts.constFirst() != kind)
        return std::nullopt;
    QList<qint64> values;
    for (int i = 1; i < parts.size(); ++i) {
        bool ok = false;
        const qint64 value = parts.at(i).toLongLong(&ok);
        if (!ok)
            return std::nullopt;
        values.append(value);
    }
    return values;
}

} // namespace Kinora::Server::Catalog
