#include "catalogfixture.h"

#include "server/storage/migrationrunner.h"

#include <QDateTime>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>

namespace Kinora::Tests {

using namespace Server;

CatalogFixture::CatalogFixture()
{
    Storage::DatabaseSettings dbSettings;
    dbSettings.sqlitePath = dir.filePath(QStringLiteral("kinora.sqlite"));
    database = std::make_unique<Storage::Database>(dbSettings);
    // The migrations straight from the source tree: the same files the server compiles in.
    Storage::MigrationRunner runner(*database, QStringLiteral(KINORA_SOURCE_DIR "/server/sql"));
    if (runner.run(&m_error) < 0)
        return;
    const QString media = dir.filePath(QStringLiteral("media"));
    QDir().mkpath(media);
    index = std::make_unique<Search::Fts5SearchIndex>(*database);
    channels = std::make_unique<Catalog::ChannelService>(*database, settings, media);
    videos = std::make_unique<Catalog::VideoService>(*database, settings, *channels, *index, media);
    search = std::make_unique<Search::SearchService>(*index, *videos, settings);
    ratings = std::make_unique<Social::RatingService>(*database, *videos);
    subscriptions = std::make_unique<Social::SubscriptionService>(*database, *channels);
    comments = std::make_unique<Social::CommentService>(*database, *videos, settings);
    playlists = std::make_unique<Social::PlaylistService>(*database, *videos, settings);
    history = std::make_unique<Social::HistoryService>(*database, *videos, settings);
    m_valid = true;
}

CatalogFixture::~CatalogFixture() = default;

bool CatalogFixture::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(database->connection());
    query.prepare(sql);
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec()) {
        m_error = query.lastError().text();
        qWarning("SQL failed: %s: %s", qPrintable(sql), qPrintable(m_error));
        return false;
    }
    return true;
}

qint64 CatalogFixture::scalar(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(database->connection());
    query.prepare(sql);
    for (const QVariant &v : values)
        query.addBindValue(v);
    if (!query.exec() || !query.next())
        return -1;
    return query.value(0).toLongLong();
}

Catalog::Viewer CatalogFixture::addUser(const QString &name, Accounts::Role role)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    exec(QStringLiteral("INSERT INTO users (username, username_key, display_name, password_hash, role, created_at, updated_at) "
                        "VALUES (?, ?, ?, 'x', ?, ?, ?)"),
         {name, name.toLower(), name, Accounts::roleName(role), now, now});
    return Catalog::Viewer{scalar(QStringLiteral("SELECT id FROM users WHERE username_key = ?"), {name.toLower()}), role};
}

Catalog::Video CatalogFixture::addReadyVideo(const Catalog::Viewer &owner, const QString &title, const QString &description,
                                             const QStringList &tags, const QString &category, qint64 durationMs,
                                             double ageDays, qint64 views)
{
    Catalog::VideoChanges fields;
    fields.title = title;
    fields.description = description;
    fields.tags = tags;
    fields.category = category;
    fields.visibility = Catalog::Visibility::Public;
    const auto created = videos->create(owner, fields);
    if (!created) {
        qWarning("create failed: %s", qPrintable(created.error().message));
        return {};
    }
    const auto ready = videos->setProcessingState(created->id, Catalog::VideoState::Ready, {}, durationMs);
    const qint64 published = QDateTime::currentMSecsSinceEpoch() - qint64(ageDays * 86'400'000.0);
    exec(QStringLiteral("UPDATE videos SET published_at = ?, view_count = ? WHERE id = ?"), {published, views, created->id});
    auto video = ready.value();
    video.publishedAtMs = published;
    video.viewCount = views;
    return video;
}

} // namespace Kinora::Tests
