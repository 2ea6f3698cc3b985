#include "core/net/userinfo.h"

#include <QJsonValue>
#include <QVariant>

namespace Kinora::Core {

UserInfo UserInfo::fromJson(const QJsonObject &object)
{
    UserInfo user;
    // The id may be a number or a string depending on the storage backend.
    user.id = object.value(QLatin1String("id")).toVariant().toString();
    user.username = object.value(QLatin1String("username")).toString();
    user.displayName = object.value(QLatin1String("displayName")).toString();
    user.role = object.value(QLatin1String("role")).toString();
    user.createdAt = QDateTime::fromString(object.value(QLatin1String("createdAt")).toString(), Qt::ISODate);
    return user;
}

} // namespace Kinora::Core
