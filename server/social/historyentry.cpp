#include "server/social/historyentry.h"

namespace Kinora::Server::Social {

QJsonObject HistoryEntry::toJson() const
{
    return QJsonObject{
        {QStringLiteral("video"), video.toJson()},
        {QStringLiteral("positionMs"), positionMs},
        {QStringLiteral("watchedAt"), Catalog::isoTime(watchedAtMs)},
    };
}

} // namespace Kinora::Server::Social
