#pragma once

#include "core/net/videosummary.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Kinora::Core {

// A playlist as the playlist routes return it. Kind "watch_later" is the one
// private list every user has; it cannot be renamed, shared or deleted.
struct PlaylistSummary
{
    QString id;
    QString ownerId;
    QString title;
    QString description;
    QString visibility; // public, unlisted, private
    QString kind;       // user, watch_later
    qint64 itemCount = 0;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool isValid() const { return !id.isEmpty(); }
    bool isWatchLater() const { return kind == QLatin1String("watch_later"); }
    static PlaylistSummary fromJson(const QJsonObject &json);
};

// One entry of a playlist at its 0-based position. The video is invalid
// (no id) when the viewer may no longer see it; videoId is always set.
struct PlaylistItem
{
    QString id;
    qint64 position = 0;
    QString videoId;
    QDateTime addedAt;
    VideoSummary video;

    bool isAvailable() const { return video.isValid(); }
    static PlaylistItem fromJson(const QJsonObject &json);
};

} // namespace Kinora::Core
