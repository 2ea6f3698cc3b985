#include "core/net/channelsummary.h"

namespace Kinora::Core {

ChannelSummary ChannelSummary::fromJson(const QJsonObject &json)
{
    ChannelSummary channel;
    channel.id = json.value(QLatin1String("id")).toString();
    channel.ownerId = json.value(QLatin1String("ownerId")).toString();
    channel.name = json.value(QLatin1String("name")).toString();
    channel.description = json.value(QLatin1String("description")).toString();
    channel.avatarUrl = json.value(QLatin1String("avatarUrl")).toString();
    channel.subscriberCount = json.value(QLatin1String("subscriberCount")).toInteger();
    channel.createdAt = QDateTime::fromString(json.value(QLatin1String("createdAt")).toString(), Qt::ISODateWithMs);
    return channel;
}

} // namespace Kinora::Core
