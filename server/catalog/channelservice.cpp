#include "server/catalog/channelservice.h"

#include "server/catalog/imageupload.h"
#include "server/storage/database.h"

#include <QDateTime>
#include <QDir>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

namespace Kinora::Server::Catalog {

namespace {
ServiceError failure(int status, const char *code, const QString &message)
{
    return ServiceError{status, QByteArray(code), message, 0};
}
}

ChannelService::ChannelService(Storage::Database &database, const CatalogSettings &settings, QString mediaDir)
    : m_database(database)
    , m_settings(settings)
    , m_mediaDir(std::move(mediaDir))
{
}

std::optional<Channel> ChannelService::find(const QString &column, qint64 value, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT id, owner_id, name, description, avatar_type, subscriber_count, created_at "
                                 "FROM channels WHERE %1 = ?").arg(column));
    query.addBindValue(value);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    Channel channel;
    channel.id = query.value(0).toLongLong();
    channel.ownerId = query.value(1).toLongLong();
    channel.name = query.value(2).toString();
    channel.description = query.value(3).toString();
    channel.avatarType = query.value(4).toString();
    channel.subscriberCount = query.value(5).toLongLong();
    channel.createdAtMs = query.value(6).toLongLong();
    return channel;
}

ServiceResult<Channel> ChannelService::ensureForUser(qint64 userId)
{
    QString error;
    if (auto channel = find(QStringLiteral("owner_id"), userId, &error))
        return *channel;
    if (!error.isEmpty())
        return ServiceError::internal(error);
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    QSqlQuery insert(db);
    // INSERT ... SELECT names the channel after the account and fails cleanly
    // (no row) for an unknown user; a concurrent creation hits the unique index.
    insert.prepare(QStringLiteral("INSERT INTO channels (owner_id, name, description, subscriber_count, created_at) "
                                  "SELECT id, display_name, '', 0, ? FROM users WHERE id = ?"));
    insert.addBindValue(QDateTime::currentMSecsSinceEpoch());
    insert.addBindValue(userId);
    if (!insert.exec() && !m_database.isUniqueViolation(insert.lastError()))
        return ServiceError::internal(insert.lastError().text());
    if (auto channel = find(QStringLiteral("owner_id"), userId, &error))
        return *channel;
    return error.isEmpty() ? failure(404, "not_found", tr("no such user")) : ServiceError::internal(error);
}

ServiceResult<Channel> ChannelService::get(qint64 channelId)
{
    QString error;
    if (auto channel = find(QStringLiteral("id"), channelId, &error))
        return *channel;
    return error.isEmpty() ? failure(404, "not_found", tr("no such channel")) : ServiceError::internal(error);
}

ServiceResult<Channel> ChannelService::update(const Viewer &viewer, qint64 channelId, const std::optional<QString> &name,
                                              const std::optional<QString> &description)
{
    auto channel = get(channelId);
    if (!channel)
        return channel;
    if (!viewer.owns(channel->ownerId) && !viewer.isAdmin())
        return failure(403, "forbidden", tr("only the owner of the channel may edit it"));
    Channel updated = channel.value();
    if (name) {
        const QString trimmed = name->trimmed();
        if (trimmed.isEmpty() || trimmed.size() > m_settings.channelNameMaxLength)
            return failure(422, "validation_failed", tr("name must have 1 to %1 characters").arg(m_settings.channelNameMaxLength));
        updated.name = trimmed;
    }
    if (description) {
        if (description->size() > m_settings.channelDescriptionMaxLength)
            return failure(422, "validation_failed", tr("description must have at most %1 characters").arg(m_settings.channelDescriptionMaxLength));
        updated.description = *description;
    }
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE channels SET name = ?, description = COALESCE(?, '') WHERE id = ?"));
    query.addBindValue(updated.name);
    query.addBindValue(updated.description);
    query.addBindValue(channelId);
    if (!query.exec())
        return ServiceError::internal(query.lastError().text());
    return updated;
}

ServiceResult<Channel> ChannelService::setAvatar(const Viewer &viewer, qint64 channelId, const QByteArray &data,
                                                 const QByteArray &contentType)
{
    auto channel = get(channelId);
    if (!channel)
        return channel;
    if (!viewer.owns(channel->ownerId) && !viewer.isAdmin())
        return failure(403, "forbidden", tr("only the owner of the channel may change its avatar"));
    const auto type = ImageUpload::validate(data, contentType, m_settings.maxImageBytes);
    if (!type)
        return type.error();
    const QString dir = QDir(m_mediaDir).filePath(QStringLiteral("channels/%1").arg(channelId));
    if (!QDir().mkpath(dir))
        return ServiceError::internal(tr("cannot create %1").arg(dir));
    // Written to a temporary file and renamed: a reader never sees half an image.
    QSaveFile file(QDir(dir).filePath(QStringLiteral("avatar")));
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit())
        return ServiceError::internal(tr("cannot write the avatar: %1").arg(file.errorString()));
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("UPDATE channels SET avatar_type = ? WHERE id = ?"));
    query.addBindValue(type.value());
    query.addBindValue(channelId);
    if (!query.exec())
        return ServiceError::internal(query.lastError().text());
    Channel updated = channel.value();
    updated.avatarType = type.value();
    return updated;
}

ServiceResult<std::pair<QString, QString>> ChannelService::avatarFile(qint64 channelId)
{
    const auto channel = get(channelId);
    if (!channel)
        return channel.error();
    const QString path = QDir(m_mediaDir).filePath(QStringLiteral("channels/%1/avatar").arg(channelId));
    if (channel->avatarType.isEmpty() || !QFile::exists(path))
        return failure(404, "not_found", tr("the channel has no avatar"));
    return std::make_pair(path, channel->avatarType);
}

} // namespace Kinora::Server::Catalog
