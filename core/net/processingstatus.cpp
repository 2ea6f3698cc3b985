#include "core/net/processingstatus.h"

#include <QJsonArray>

namespace Kinora::Core {

ProcessingStatus ProcessingStatus::fromJson(const QJsonObject &json)
{
    ProcessingStatus status;
    status.state = json.value(QLatin1String("state")).toString();
    status.reason = json.value(QLatin1String("reason")).toString();
    status.percent = json.value(QLatin1String("percent")).toDouble();
    status.attempts = json.value(QLatin1String("attempts")).toInt();
    for (const QJsonValue &value : json.value(QLatin1String("renditions")).toArray()) {
        const QJsonObject object = value.toObject();
        Rendition rendition;
        rendition.name = object.value(QLatin1String("name")).toString();
        rendition.state = object.value(QLatin1String("state")).toString();
        rendition.percent = object.value(QLatin1String("percent")).toDouble();
        status.renditions.append(rendition);
    }
    return status;
}

} // namespace Kinora::Core
