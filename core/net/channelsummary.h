#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Kinora::Core {

// A channel as GET /api/v1/channels/{id} returns it.
struct ChannelSummary
{
    QString id;
    QString ownerId;
    QString name;
    QString description;
    QString avatarUrl; // a path on the server, or empty
    qint64 subscriberCount = 0;
    QDateTime createdAt;

    bool isValid() const { return !id.isEmpty(); }
    static ChannelSummary fromJson(const QJsonObject &json);
};

} // namespace Kinora::Core
