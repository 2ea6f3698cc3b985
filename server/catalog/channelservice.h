#pragma once

#include "server/app/serviceresult.h"
#include "server/catalog/catalogsettings.h"
#include "server/catalog/channel.h"
#include "server/catalog/viewer.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Kinora::Server::Storage {
class Database;
}

namespace Kinora::Server::Catalog {

// Channels: one per account, created the first time it is needed (named after
// the account's display name), edited by its owner or an admin, with an
// avatar image kept in MEDIA/channels/<id>/.
class ChannelService
{
    Q_DECLARE_TR_FUNCTIONS(ChannelService)

public:
    ChannelService(Storage::Database &database, const CatalogSettings &settings, QString mediaDir);

    ServiceResult<Channel> ensureForUser(qint64 userId);
    ServiceResult<Channel> get(qint64 channelId);
    ServiceResult<Channel> update(const Viewer &viewer, qint64 channelId, const std::optional<QString> &name,
                                  const std::optional<QString> &description);
    ServiceResult<Channel> setAvatar(const Viewer &viewer, qint64 channelId, const QByteArray &data, const QByteArray &contentType);
    // The avatar file and its MIME type; 404 when there is none.
    ServiceResult<std::pair<QString, QString>> avatarFile(qint64 channelId);

private:
    std::optional<Channel> find(const QString &column, qint64 value, QString *error);

    Storage::Database &m_database;
    const CatalogSettings &m_settings;
    QString m_mediaDir;
};

} // namespace Kinora::Server::Catalog
