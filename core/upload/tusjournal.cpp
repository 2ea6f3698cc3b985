#include "core/upload/tusjournal.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace Kinora::Core {

namespace {
QJsonObject readUploads(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object().value(QStringLiteral("uploads")).toObject();
}

bool writeUploads(const QString &path, const QJsonObject &uploads, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    const QByteArray data = QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("uploads"), uploads}}).toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        if (error)
            *error = TusJournal::tr("cannot write the upload journal %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
} // namespace

TusJournal::TusJournal(QString filePath)
    : m_filePath(std::move(filePath))
{
}

QString TusJournal::keyFor(const QUrl &endpoint, const QString &filePath)
{
    const QFileInfo info(filePath);
    const QString identity = QStringLiteral("%1|%2|%3|%4")
                                 .arg(endpoint.toString(QUrl::FullyEncoded), info.canonicalFilePath())
                                 .arg(info.size())
                                 .arg(info.lastModified().toMSecsSinceEpoch());
    return QString::fromLatin1(QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex());
}

std::optional<TusJournal::Entry> TusJournal::find(const QString &key) const
{
    const QJsonObject o = readUploads(m_filePath).value(key).toObject();
    const QUrl url(o.value(QStringLiteral("url")).toString());
    if (!url.isValid() || url.isEmpty())
        return std::nullopt;
    Entry entry;
    entry.uploadUrl = url;
    entry.offset = qint64(o.value(QStringLiteral("offset")).toDouble());
    entry.length = qint64(o.value(QStringLiteral("length")).toDouble());
    entry.updatedAtMs = qint64(o.value(QStringLiteral("updatedAt")).toDouble());
    return entry;
}

bool TusJournal::store(const QString &key, const Entry &entry, QString *error)
{
    QJsonObject uploads = readUploads(m_filePath);
    uploads.insert(key, QJsonObject{{QStringLiteral("url"), entry.uploadUrl.toString(QUrl::FullyEncoded)},
                                    {QStringLiteral("offset"), double(entry.offset)},
                                    {QStringLiteral("length"), double(entry.length)},
                                    {QStringLiteral("updatedAt"), double(QDateTime::currentMSecsSinceEpoch())}});
    return writeUploads(m_filePath, uploads, error);
}

bool TusJournal::remove(const QString &key, QString *error)
{
    QJsonObject uploads = readUploads(m_filePath);
    if (!uploads.contains(key))
        return true;
    uploads.remove(key);
    return writeUploads(m_filePath, uploads, error);
}

} // namespace Kinora::Core
