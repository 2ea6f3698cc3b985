#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Kinora::Core {

// The metadata a creator sets on a video (POST/PATCH /api/v1/videos). Only
// the fields that hold a value are sent, so one type serves create and
// partial update.
struct VideoDraft
{
    std::optional<QString> title;
    std::optional<QString> description;
    std::optional<QStringList> tags;
    std::optional<QString> category;
    std::optional<QString> language;
    std::optional<QString> visibility;          // public, unlisted, private
    std::optional<QDateTime> scheduledAt;       // invalid QDateTime: clear the schedule (null)
    std::optional<QString> thumbnail;           // "0".."2" or "custom"

    QJsonObject toJson() const;
    static VideoDraft fromJson(const QJsonObject &json); // the fields present in json
};

} // namespace Kinora::Core
