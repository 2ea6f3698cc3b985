#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Kinora::Core {

// A comment of a video. Threads have two levels: parentId is empty for a
// top-level comment and names the top-level comment for a reply.
struct VideoComment
{
    QString id;
    QString videoId;
    QString authorId;
    QString authorName;
    QString parentId;
    QString body;
    int replyCount = 0;
    QDateTime createdAt;
    QDateTime editedAt; // invalid when never edited

    bool isValid() const { return !id.isEmpty(); }
    static VideoComment fromJson(const QJsonObject &json);
};

} // namespace Kinora::Core
