#pragma once

#include <QJsonObject>
#include <QString>

namespace Kinora::Server::Catalog {

// A channel: one per account, created on first need.
struct Channel
{
    qint64 id = 0;
    qint64 ownerId = 0;
    QString name;
    QString description;
    QString avatarType; // MIME type of the avatar; empty: none
    qint64 subscriberCount = 0;
    qint64 createdAtMs = 0;

    QJsonObject toJson() const;
};

} // namespace Kinora::Server::Catalog
