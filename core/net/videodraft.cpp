#include "core/net/videodraft.h"

#include <QJsonArray>

namespace Kinora::Core {

namespace {

void readText(const QJsonObject &json, const char *key, std::optional<QString> *target)
{
    const QJsonValue value = json.value(QLatin1String(key));
    if (value.isString())
        *target = value.toString();
}

} // namespace

QJsonObject VideoDraft::toJson() const
{
    QJsonObject json;
    if (title)
        json.insert(QStringLiteral("title"), *title);
    if (description)
        json.insert(QStringLiteral("description"), *description);
    if (tags)
        json.insert(QStringLiteral("tags"), QJsonArray::fromStringList(*tags));
    if (category)
        json.insert(QStringLiteral("category"), *category);
    if (language)
        json.insert(QStringLiteral("language"), *language);
    if (visibility)
        json.insert(QStringLiteral("visibility"), *visibility);
    if (scheduledAt) {
        json.insert(QStringLiteral("scheduledAt"), scheduledAt->isValid()
                                                      ? QJsonValue(scheduledAt->toUTC().toString(Qt::ISODateWithMs))
                                                      : QJsonValue(QJsonValue::Null));
    }
    if (thumbnail)
        json.insert(QStringLiteral("thumbnail"), *thumbnail);
    return json;
}

VideoDraft VideoDraft::fromJson(const QJsonObject &json)
{
    VideoDraft draft;
    readText(json, "title", &draft.title);
    readText(json, "description", &draft.description);
    readText(json, "category", &draft.category);
    readText(json, "language", &draft.language);
    readText(json, "visibility", &draft.visibility);
    readText(json, "thumbnail", &draft.thumbnail);
    const QJsonValue tags = json.value(QLatin1String("tags"));
    if (tags.isArray()) {
        QStringList list;
        for (const QJsonValue &tag : tags.toArray())
            list.append(tag.toString());
        draft.tags = list;
    }
    const QJsonValue scheduled = json.value(QLatin1String("scheduledAt"));
    if (scheduled.isNull())
        draft.scheduledAt = QDateTime();
    else if (scheduled.isString())
        draft.scheduledAt = QDateTime::fromString(scheduled.toString(), Qt::ISODateWithMs);
    return draft;
}

} // namespace Kinora::Core
