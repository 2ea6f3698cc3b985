#pragma once

#include <QCoreApplication>
#include <QString>

namespace Kinora::Server::Processing {

// Moves a finished ladder into a video's media folder so that readers see
// either the old ladder or the new one, never a mix: the ladder is built in
// a hidden staging folder beside the media folder (same filesystem), the
// current folder is renamed aside, the staging folder renamed in, and the
// old one deleted. A custom thumbnail of the current folder is carried over.
class LadderPublisher
{
    Q_DECLARE_TR_FUNCTIONS(LadderPublisher)

public:
    explicit LadderPublisher(QString videosDir);   // MEDIA/videos

    QString finalPath(const QString &videoId) const;
    QString stagingPath(const QString &videoId) const;
    // Deletes what an interrupted job of this video left: staging and old folders, transcoder work folders.
    void removePartial(const QString &videoId) const;
    bool publish(const QString &videoId, QString *error) const;

private:
    QString oldPath(const QString &videoId) const;

    QString m_videosDir;
};

} // namespace Kinora::Server::Processing
