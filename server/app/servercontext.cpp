#include "server/app/servercontext.h"

#include "server/accounts/accountservice.h"
#include "server/accounts/authguard.h"
#include "server/accounts/passwordhasher.h"
#include "server/app/jwtsecretfile.h"
#include "server/catalog/channelservice.h"
#include "server/catalog/videoservice.h"
#include "server/delivery/mediadelivery.h"
#include "server/http/httpmetrics.h"
#include "server/playback/playbackservice.h"
#include "server/processing/processingservice.h"
#include "server/search/cachedsearchindex.h"
#include "server/search/fts5searchindex.h"
#include "server/search/postgressearchindex.h"
#include "server/search/searchservice.h"
#include "server/social/commentservice.h"
#include "server/social/historyservice.h"
#include "server/social/playlistservice.h"
#include "server/social/ratingservice.h"
#include "server/social/socialroutes.h"
#include "server/social/subscriptionservice.h"
#include "server/storage/database.h"
#include "server/storage/migrationrunner.h"
#include "server/upload/uploadservice.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Kinora::Server {

ServerContext::ServerContext(ServerConfig config)
    : m_config(std::move(config))
    , m_startedAtMs(QDateTime::currentMSecsSinceEpoch())
    , m_metrics(std::make_unique<Http::HttpMetrics>())
{
}

// Services go before the database they use (reverse order of creation).
ServerContext::~ServerContext()
{
    m_processing.reset(); // stops its workers (jobs left queued) before the services they use
    m_playback.reset();
    m_mediaDelivery.reset();
    m_history.reset();
    m_playlists.reset();
    m_comments.reset();
    m_subscriptions.reset();
    m_ratings.reset();
    m_search.reset();
    m_videos.reset();
    m_channels.reset();
    m_searchIndex.reset();
    m_authGuard.reset();
    m_accounts.reset();
    m_database.reset();
}

QString ServerContext::databasePath() const
{
    return QDir(m_config.dataDir).filePath(QStringLiteral("kinora.sqlite"));
}

QString ServerContext::mediaDir() const
{
    return QDir(m_config.dataDir).filePath(QStringLiteral("media"));
}

bool ServerContext::open(QString *error)
{
    const QString dataDir = m_config.dataDir;
    const bool existed = QFileInfo(dataDir).isDir();
    if (!QDir().mkpath(dataDir)) {
        *error = tr("cannot create the data directory %1").arg(dataDir);
        return false;
    }
    // A directory the server creates is private; an existing one keeps the
    // permissions its owner chose (a web server may need to read media/).
    if (!existed)
        QFile::setPermissions(dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!QDir().mkpath(mediaDir())) {
        *error = tr("cannot create the media directory %1").arg(mediaDir());
        return false;
    }
    if (m_config.http.tempDir.isEmpty())
        m_config.http.tempDir = QDir(dataDir).filePath(QStringLiteral("tmp"));
    if (!QDir().mkpath(m_config.http.tempDir)) {
        *error = tr("cannot create the temporary directory %1").arg(m_config.http.tempDir);
        return false;
    }
    if (!Accounts::PasswordHasher::costIsValid(m_config.accounts.kdfOpsLimit, m_config.accounts.kdfMemLimitKiB)) {
        *error = tr("auth.kdfOpsLimit / auth.kdfMemLimitKiB are outside what Argon2id accepts");
        return false;
    }

    QByteArray secret;
    if (!m_config.jwtSecret.isEmpty()) {
        secret = m_config.jwtSecret.toUtf8();
    } else {
        secret = JwtSecretFile::loadOrCreate(QDir(dataDir).filePath(QStringLiteral("jwt-secret")), error);
        if (secret.isEmpty())
            return false;
    }

    Storage::DatabaseSettings dbSettings = m_config.database;
    if (dbSettings.backend == Storage::DatabaseSettings::Backend::Sqlite && dbSettings.sqlitePath.isEmpty())
        dbSettings.sqlitePath = databasePath();
    m_database = std::make_unique<Storage::Database>(dbSettings);
    Storage::MigrationRunner migrations(*m_database);
    QString migrationError;
    if (migrations.run(&migrationError) < 0) {
        const QString where = dbSettings.backend == Storage::DatabaseSettings::Backend::Postgres
            ? QStringLiteral("postgres://%1:%2/%3").arg(dbSettings.host).arg(dbSettings.port).arg(dbSettings.databaseName)
            : dbSettings.sqlitePath;
        *error = tr("cannot prepare the database %1: %2").arg(where, migrationError);
        return false;
    }
    m_accounts = std::make_unique<Accounts::AccountService>(*m_database, m_config.accounts, secret);
    m_authGuard = std::make_unique<Accounts::AuthGuard>(*m_accounts);
    // Full-text search: SQLite FTS5 (v2_catalog.sqlite.sql) or PostgreSQL tsvector (v6_search.postgres.sql).
    if (dbSettings.backend == Storage::DatabaseSettings::Backend::Postgres)
        m_searchIndex = std::make_unique<Search::PostgresSearchIndex>(*m_database);
    else
        m_searchIndex = std::make_unique<Search::Fts5SearchIndex>(*m_database);
    // Recent results are remembered until the next write (or catalog.searchCacheMs).
    auto cachedIndex = std::make_unique<Search::CachedSearchIndex>(std::move(m_searchIndex), m_config.catalog.searchCacheMs,
                                                                   m_config.catalog.searchCacheEntries);
    Search::CachedSearchIndex *searchCache = cachedIndex.get();
    m_searchIndex = std::move(cachedIndex);
    m_channels = std::make_unique<Catalog::ChannelService>(*m_database, m_config.catalog, mediaDir());
    m_videos = std::make_unique<Catalog::VideoService>(*m_database, m_config.catalog, *m_channels, *m_searchIndex, mediaDir());
    m_search = std::make_unique<Search::SearchService>(*m_searchIndex, *m_videos, m_config.catalog);
    m_search->setResponseCache(searchCache);
    m_ratings = std::make_unique<Social::RatingService>(*m_database, *m_videos);
    m_subscriptions = std::make_unique<Social::SubscriptionService>(*m_database, *m_channels);
    m_comments = std::make_unique<Social::CommentService>(*m_database, *m_videos, m_config.catalog);
    m_playlists = std::make_unique<Social::PlaylistService>(*m_database, *m_videos, m_config.catalog);
    m_history = std::make_unique<Social::HistoryService>(*m_database, *m_videos, m_config.catalog);
    m_uploads = std::make_unique<Upload::UploadService>(*m_database, m_config.uploads, QDir(dataDir).filePath(QStringLiteral("uploads")));
    // Connected before the uploads start: their repair may finish uploads a crash interrupted.
    m_processing = std::make_unique<Processing::ProcessingService>(*m_database, m_config.processing, *m_videos, mediaDir(), dataDir);
    QObject::connect(m_uploads.get(), &Upload::UploadService::uploadCompleted, m_processing.get(),
                     &Processing::ProcessingService::enqueueUpload, Qt::DirectConnection);
    if (!m_uploads->start(error))
        return false;
    if (!m_processing->start(error))
        return false;
    Catalog::VideoService &videos = *m_videos;
    m_mediaDelivery = std::make_unique<Delivery::MediaDelivery>(
        mediaDir(), m_config.delivery, secret, [&videos](const QString &id) {
            const auto video = videos.get(id, Catalog::Viewer{});
            return video.ok() && video->visibility == Catalog::Visibility::Public;
        });
    m_playback = std::make_unique<Playback::PlaybackService>(*m_database, m_config.playback, *m_videos, *m_history,
                                                             *m_mediaDelivery);
    m_playback->start();
    return true;
}

Social::SocialServices ServerContext::socialServices()
{
    return Social::SocialServices{*m_ratings, *m_subscriptions, *m_comments, *m_playlists, *m_history};
}

} // namespace Kinora::Server
