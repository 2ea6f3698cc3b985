#pragma once

#include "server/catalog/video.h"

#include <QJsonObject>

namespace Kinora::Server::Social {

// A video in a user's watch history with where they stopped.
struct HistoryEntry
{
    Catalog::Video video;
    qint64 positionMs = 0;
    qint64 watchedAtMs = 0;

    QJsonObject toJson() const;
};

} // namespace Kinora::Server::Social
