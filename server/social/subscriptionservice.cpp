#include "server/social/subscriptionservice.h"

#include "server/catalog/channelservice.h"
#include "server/catalog/pagecursor.h"
#include "server/catalog/preparedquery.h"
#include "server/storage/database.h"
#include "server/storage/writetransaction.h"

#include <QDateTime>

namespace Kinora::Server::Social {

using Catalog::PreparedQuery;

QJsonObject SubscriptionService::State::toJson() const
{
    return QJsonObject{{QStringLiteral("subscribed"), subscribed}, {QStringLiteral("subscriberCount"), subscriberCount}};
}

SubscriptionService::SubscriptionService(Storage::Database &database, Catalog::ChannelService &channels)
    : m_database(database)
    , m_channels(channels)
{
}

ServiceResult<SubscriptionService::State> SubscriptionService::state(const Catalog::Viewer &viewer, qint64 channelId)
{
    const auto channel = m_channels.get(channelId);
    if (!channel)
        return channel.error();
    State state{false, channel->subscriberCount};
    if (viewer.signedIn()) {
        PreparedQuery query(m_database.connection(), QStringLiteral("SELECT 1 FROM subscriptions WHERE user_id = ? AND channel_id = ?"),
                            {viewer.userId, channelId});
        if (!query.exec())
            return ServiceError::internal(query.errorText());
        state.subscribed = query.next();
    }
    return state;
}

ServiceResult<SubscriptionService::State> SubscriptionService::setSubscribed(const Catalog::Viewer &viewer, qint64 channelId, bool subscribed)
{
    if (!viewer.signedIn())
        return ServiceError{401, QByteArrayLiteral("unauthorized"), tr("sign in to subscribe"), 0};
    QString error;
    QSqlDatabase db = m_database.connection(&error);
    if (!db.isOpen())
        return ServiceError::internal(error);
    Storage::WriteTransaction transaction(m_database, db);
    if (!transaction.isActive())
        return ServiceError::internal(transaction.errorText());
    const auto channel = m_channels.get(channelId);
    if (!channel)
        return channel.error();
    if (subscribed && channel->ownerId == viewer.userId)
        return ServiceError{422, QByteArrayLiteral("validation_failed"), tr("you cannot subscribe to your own channel"), 0};
    PreparedQuery change(db, subscribed
                                 ? QStringLiteral("INSERT INTO subscriptions (user_id, channel_id, created_at) SELECT ?, ?, ? "
                                                  "WHERE NOT EXISTS (SELECT 1 FROM subscriptions WHERE user_id = ? AND channel_id = ?)")
                                 : QStringLiteral("DELETE FROM subscriptions WHERE user_id = ? AND channel_id = ?"),
                         subscribed ? QVariantList{viewer.userId, channelId, QDateTime::currentMSecsSinceEpoch(), viewer.userId, channelId}
                                    : QVariantList{viewer.userId, channelId});
    if (!change.exec())
        return ServiceError::internal(change.errorText());
    if (change.numRowsAffected() > 0) {
        PreparedQuery count(db, QStringLiteral("UPDATE channels SET subscriber_count = subscriber_count + ? WHERE id = ?"),
                            {subscribed ? 1 : -1, channelId});
        if (!count.exec())
            return ServiceError::internal(count.errorText());
    }
    PreparedQuery read(db, QStringLiteral("SELECT subscriber_count FROM channels WHERE id = ?"), {channelId});
    if (!read.exec() || !read.next())
        return ServiceError::internal(read.errorText());
    State state{subscribed, read.value(0).toLongLong()};
    if (!transaction.commit())
        return ServiceError::internal(transaction.errorText());
    return state;
}

ServiceResult<Catalog::Page<Catalog::Channel>> SubscriptionService::subscriptions(const Catalog::Viewer &viewer, int limit,
                                                                                  const QString &cursor)
{
    if (!viewer.signedIn())
        return ServiceError{401, QByteArrayLiteral("unauthorized"), tr("sign in to list subscriptions"), 0};
    QString sql = QStringLiteral("SELECT c.id, c.owner_id, c.name, c.description, c.avatar_type, c.subscriber_count, c.created_at, s.created_at "
                                 "FROM subscriptions s JOIN channels c ON c.id = s.channel_id WHERE s.user_id = ?");
    QVariantList values{viewer.userId};
    if (!cursor.isEmpty()) {
        const auto key = Catalog::PageCursor::decode(cursor, QStringLiteral("subs"), 2);
        if (!key)
            return ServiceError{422, QByteArrayLiteral("validation_failed"), tr("cursor is not valid"), 0};
        sql += QStringLiteral(" AND (s.created_at < ? OR (s.created_at = ? AND c.id < ?))");
        values << key->at(0) << key->at(0) << key->at(1);
    }
    sql += QStringLiteral(" ORDER BY s.created_at DESC, c.id DESC LIMIT ?");
    values << limit + 1;
    PreparedQuery query(m_database.connection(), sql, values);
    if (!query.exec())
        return ServiceError::internal(query.errorText());
    Catalog::Page<Catalog::Channel> page;
    qint64 lastKey = 0;
    while (query.next()) {
        if (page.items.size() == limit) {
            page.nextCursor = Catalog::PageCursor::encode(QStringLiteral("subs"), {lastKey, page.items.constLast().id});
            break;
        }
        Catalog::Channel c;
        c.id = query.value(0).toLongLong();
        c.ownerId = query.value(1).toLongLong();
        c.name = query.value(2).toString();
        c.description = query.value(3).toString();
        c.avatarType = query.value(4).toString();
        c.subscriberCount = query.value(5).toLongLong();
        c.createdAtMs = query.value(6).toLongLong();
        lastKey = query.value(7).toLongLong();
        page.items.append(c);
    }
    return page;
}

} // namespace Kinora::Server::Social
