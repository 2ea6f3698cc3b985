#pragma once

#include <QJsonObject>
#include <QString>

namespace Kinora::Server::Social {

// A comment on a video; parentId 0 for a top-level comment.
struct Comment
{
    qint64 id = 0;
    QString videoId;
    qint64 authorId = 0;
    QString authorName;
    qint64 parentId = 0;
    QString body;
    qint64 replyCount = 0;
    qint64 createdAtMs = 0;
    qint64 editedAtMs = 0;

    QJsonObject toJson() const;
};

} // namespace Kinora::Server::Social
