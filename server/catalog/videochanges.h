#pragma once

#include "server/catalog/video.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Kinora::Server::Catalog {

// The editable fields of a video, each optional: what a create or a partial
// update (PATCH) sets. fromJson() checks the JSON types only; the service
// checks lengths, categories and times against CatalogSettings.
struct VideoChanges
{
    Q_DECLARE_TR_FUNCTIONS(VideoChanges)

public:
    std::optional<QString> title;
    std::optional<QString> description;
    std::optional<QStringList> tags;
    std::optional<QString> category;
    std::optional<QString> language;
    std::optional<Visibility> visibility;
    std::optional<qint64> scheduledAtMs; // 0: clear the schedule
    std::optional<QString> thumbnail;

    bool isEmpty() const;
    // Empty optional and *error naming the field when a value has the wrong type.
    static std::optional<VideoChanges> fromJson(const QJsonObject &object, QString *error);
};

} // namespace Kinora::Server::Catalog
