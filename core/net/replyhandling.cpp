#include "core/net/replyhandling.h"

#include <QCoreApplication>
#include <QUrl>

namespace Kinora::Core::Rest {

QString encoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QString pagePath(const QString &path, const QString &cursor, int limit)
{
    QStringList query;
    if (limit > 0)
        query << QStringLiteral("limit=%1").arg(limit);
    if (!cursor.isEmpty())
        query << QStringLiteral("cursor=") + encoded(cursor);
    return query.isEmpty() ? path : path + QLatin1Char('?') + query.join(QLatin1Char('&'));
}

ApiError invalidResponse()
{
    ApiError error;
    error.httpStatus = 200;
    error.code = QStringLiteral("invalid_response");
    error.message = QCoreApplication::translate("Kinora::Core::CatalogClient",
                                                "The server sent an answer Kinora does not understand.");
    return error;
}

} // namespace Kinora::Core::Rest
