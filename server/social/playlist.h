#pragma once

#include "server/catalog/video.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Kinora::Server::Social {

// An ordered list of videos. Kind "watch_later" is the one private list every
// user has (created on first use; it cannot be renamed, shared or deleted).
struct Playlist
{
    qint64 id = 0;
    qint64 ownerId = 0;
    QString title;
    QString description;
    Catalog::Visibility visibility = Catalog::Visibility::Private;
    QString kind = QStringLiteral("user");
    qint64 itemCount = 0;
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    bool isWatchLater() const { return kind == QLatin1String("watch_later"); }
    QJsonObject toJson() const;
};

// One entry of a playlist: its place (0-based) and the video, unless the
// viewer may not see that video (then only its id is shown).
struct PlaylistItem
{
    qint64 id = 0;
    qint64 position = 0;
    QString videoId;
    qint64 addedAtMs = 0;
    std::optional<Catalog::Video> video;

    QJsonObject toJson() const;
};

} // namespace Kinora::Server::Social
