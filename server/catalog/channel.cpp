#include "server/catalog/channel.h"

#include "server/catalog/video.h"

namespace Kinora::Server::Catalog {

QJsonObject Channel::toJson() const
{
    const QString idText = QString::number(id);
    return QJsonObject{
        {QStringLiteral("id"), idText},
        {QStringLiteral("ownerId"), QString::number(ownerId)},
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), description},
        {QStringLiteral("avatarUrl"), avatarType.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                           : QJsonValue(QStringLiteral("/api/v1/channels/%1/avatar").arg(idText))},
        {QStringLiteral("subscriberCount"), subscriberCount},
        {QStringLiteral("createdAt"), isoTime(createdAtMs)},
    };
}

} // namespace Kinora::Server::Catalog
