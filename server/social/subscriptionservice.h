#pragma once

#include "server/app/serviceresult.h"
#include "server/catalog/channel.h"
#include "server/catalog/page.h"
#include "server/catalog/viewer.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Kinora::Server::Storage {
class Database;
}
namespace Kinora::Server::Catalog {
class ChannelService;
}

namespace Kinora::Server::Social {

// Subscriptions of users to channels: idempotent subscribe/unsubscribe (a
// client toggles by sending the opposite of the current state), the
// channel's subscriber count kept in the same transaction, and the list of a
// user's subscriptions. The feed itself is a video listing (VideoService).
class SubscriptionService
{
    Q_DECLARE_TR_FUNCTIONS(SubscriptionService)

public:
    struct State
    {
        bool subscribed = false;
        qint64 subscriberCount = 0;
        QJsonObject toJson() const;
    };

    SubscriptionService(Storage::Database &database, Catalog::ChannelService &channels);

    ServiceResult<State> setSubscribed(const Catalog::Viewer &viewer, qint64 channelId, bool subscribed);
    ServiceResult<State> state(const Catalog::Viewer &viewer, qint64 channelId);
    // The viewer's channels, most recent subscription first.
    ServiceResult<Catalog::Page<Catalog::Channel>> subscriptions(const Catalog::Viewer &viewer, int limit, const QString &cursor);

private:
    Storage::Database &m_database;
    Catalog::ChannelService &m_channels;
};

} // namespace Kinora::Server::Social
