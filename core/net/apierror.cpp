#include "core/net/apierror.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Kinora::Core {

ApiError ApiError::fromReply(int httpStatus, const QByteArray &body)
{
    ApiError result;
    result.httpStatus = httpStatus;
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    result.code = error.value(QLatin1String("code")).toString();
    result.message = error.value(QLatin1String("message")).toString();
    if (result.code.isEmpty())
        result.code = QStringLiteral("http_%1").arg(httpStatus);
    if (result.message.isEmpty())
        result.message = QStringLiteral("The server answered with HTTP status %1.").arg(httpStatus);
    return result;
}

} // namespace Kinora::Core
