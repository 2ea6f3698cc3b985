#pragma once

#include <QString>

namespace Kinora::Server::Catalog {

// A listing of listed videos (public, ready, published): newest first or
// most viewed first, optionally of one category, one channel, or of the
// channels a user subscribed to. Keyset pagination through `cursor`.
struct VideoListQuery
{
    enum class Sort { Newest, Popular };

    Sort sort = Sort::Newest;
    QString category;       // empty: any
    qint64 channelId = 0;   // 0: any
    qint64 subscriberId = 0; // > 0: only channels this user subscribed to
    int limit = 20;
    QString cursor;
};

} // namespace Kinora::Server::Catalog
