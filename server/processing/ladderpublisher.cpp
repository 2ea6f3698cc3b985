#include "server/processing/ladderpublisher.h"

#include "core/media/partialoutputdirectory.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Kinora::Server::Processing {

LadderPublisher::LadderPublisher(QString videosDir)
    : m_videosDir(std::move(videosDir))
{
}

QString LadderPublisher::finalPath(const QString &videoId) const
{
    return QDir(m_videosDir).filePath(videoId);
}

QString LadderPublisher::stagingPath(const QString &videoId) const
{
    return QDir(m_videosDir).filePath(QStringLiteral(".%1.staging").arg(videoId));
}

QString LadderPublisher::oldPath(const QString &videoId) const
{
    return QDir(m_videosDir).filePath(QStringLiteral(".%1.old").arg(videoId));
}

void LadderPublisher::removePartial(const QString &videoId) const
{
    Core::PartialOutputDirectory::removeStale(stagingPath(videoId));
    QDir(stagingPath(videoId)).removeRecursively();
    QDir(oldPath(videoId)).removeRecursively();
}

bool LadderPublisher::publish(const QString &videoId, QString *error) const
{
    const QString staging = stagingPath(videoId);
    const QString target = finalPath(videoId);
    const QString old = oldPath(videoId);
    const QString custom = QDir(target).filePath(QStringLiteral("thumbs/custom"));
    if (QFileInfo::exists(custom)) {
        QDir(staging).mkpath(QStringLiteral("thumbs"));
        const QString copy = QDir(staging).filePath(QStringLiteral("thumbs/custom"));
        QFile::remove(copy);
        if (!QFile::copy(custom, copy)) {
            *error = tr("the custom thumbnail cannot be kept");
            return false;
        }
    }
    QFile::setPermissions(staging, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadGroup
                                       | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    QDir(old).removeRecursively();
    const bool hadPrevious = QFileInfo::exists(target);
    if (hadPrevious && !QDir().rename(target, old)) {
        *error = tr("the current media folder cannot be moved aside");
        return false;
    }
    if (!QDir().rename(staging, target)) {
        if (hadPrevious)
            QDir().rename(old, target);
        *error = tr("the new ladder cannot be moved into place");
        return false;
    }
    if (hadPrevious)
        QDir(old).removeRecursively();
    return true;
}

} // namespace Kinora::Server::Processing
