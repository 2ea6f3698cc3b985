#include "server/catalog/videochanges.h"

#include <QDateTime>
#include <QJsonArray>

namespace Kinora::Server::Catalog {

bool VideoChanges::isEmpty() const
{
    return !title && !description && !tags && !category && !language && !visibility && !scheduledAtMs && !thumbnail;
}

std::optional<VideoChanges> VideoChanges::fromJson(const QJsonObject &object, QString *error)
{
    static const QStringList known{QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("tags"),
                                   QStringLiteral("category"), QStringLiteral("language"), QStringLiteral("visibility"),
                                   QStringLiteral("scheduledAt"), QStringLiteral("thumbnail")};
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!known.contains(it.key())) {
            *error = tr("unknown field %1").arg(it.key());
            return std::nullopt;
        }
    }
    VideoChanges changes;
    auto text = [&](const char *name, std::optional<QString> *target) {
        const QJsonValue v = object.value(QLatin1String(name));
        if (v.isUndefined())
            return true;
        if (!v.isString()) {
            *error = tr("%1 must be a string").arg(QLatin1String(name));
            return false;
        }
        *target = v.toString();
        return true;
    };
    if (!text("title", &changes.title) || !text("description", &changes.description)
        || !text("category", &changes.category) || !text("language", &changes.language)
        || !text("thumbnail", &changes.thumbnail))
        return std::nullopt;

    const QJsonValue tags = object.value(QLatin1String("tags"));
    if (!tags.isUndefined()) {
        if (!tags.isArray()) {
            *error = tr("tags must be an array of strings");
            return std::nullopt;
        }
        QStringList list;
        const QJsonArray array = tags.toArray();
        for (const QJsonValue &tag : array) {
            if (!tag.isString()) {
                *error = tr("tags must be an array of strings");
                return std::nullopt;
            }
            list.append(tag.toString());
        }
        changes.tags = list;
    }

    const QJsonValue visibility = object.value(QLatin1String("visibility"));
    if (!visibility.isUndefined()) {
        const auto parsed = visibility.isString() ? visibilityFromName(visibility.toString()) : std::nullopt;
        if (!parsed) {
            *error = tr("visibility must be public, unlisted or private");
            return std::nullopt;
        }
        changes.visibility = parsed;
    }

    const QJsonValue scheduled = object.value(QLatin1String("scheduledAt"));
    if (!scheduled.isUndefined()) {
        if (scheduled.isNull()) {
            changes.scheduledAtMs = 0;
        } else {
            const QDateTime time = scheduled.isString() ? QDateTime::fromString(scheduled.toString(), Qt::ISODateWithMs) : QDateTime();
            if (!time.isValid()) {
                *error = tr("scheduledAt must be an ISO 8601 date and time or null");
                return std::nullopt;
            }
            changes.scheduledAtMs = time.toMSecsSinceEpoch();
        }
    }
    return changes;
}

} // namespace Kinora::Server::Catalog
