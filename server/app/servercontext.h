#pragma once

#include "server/app/serverconfig.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

namespace Kinora::Server::Storage {
class Database;
}
namespace Kinora::Server::Http {
class HttpMetrics;
}
namespace Kinora::Server::Accounts {
class AccountService;
class AuthGuard;
}
namespace Kinora::Server::Catalog {
class ChannelService;
class VideoService;
}
namespace Kinora::Server::Search {
class SearchIndex;
class SearchService;
}
namespace Kinora::Server::Social {
class CommentService;
class HistoryService;
class PlaylistService;
class RatingService;
class SubscriptionService;
struct SocialServices;
}

namespace Kinora::Server::Upload {
class UploadService;
}
namespace Kinora::Server::Delivery {
class MediaDelivery;
}
namespace Kinora::Server::Playback {
class PlaybackService;
}
namespace Kinora::Server::Processing {
class ProcessingService;
}

namespace Kinora::Server {

// The server's state without any socket: the data directory, the database
// (migrated), the services and the metrics. `serve`, the admin commands and
// the tests build the same context; the route table is built from it.
class ServerContext
{
    Q_DECLARE_TR_FUNCTIONS(ServerContext)

public:
    explicit ServerContext(ServerConfig config);
    ~ServerContext();

    // Creates the data directory, loads (or generates) the signing secret,
    // opens the database and applies pending migrations.
    bool open(QString *error);

    const ServerConfig &config() const { return m_config; }
    QString databasePath() const;
    QString mediaDir() const;
    Storage::Database &database() { return *m_database; }
    Accounts::AccountService &accounts() { return *m_accounts; }
    const Accounts::AuthGuard &authGuard() const { return *m_authGuard; }
    Catalog::ChannelService &channels() { return *m_channels; }
    Catalog::VideoService &videos() { return *m_videos; }
    Search::SearchService &search() { return *m_search; }
    Social::SocialServices socialServices();
    Upload::UploadService &uploads() { return *m_uploads; }
    Delivery::MediaDelivery &mediaDelivery() { return *m_mediaDelivery; }
    Playback::PlaybackService &playback() { return *m_playback; }
    Processing::ProcessingService &processing() { return *m_processing; }
    Http::HttpMetrics &metrics() { return *m_metrics; }
    qint64 startedAtMs() const { return m_startedAtMs; }

private:
    ServerConfig m_config;
    qint64 m_startedAtMs = 0;
    std::unique_ptr<Http::HttpMetrics> m_metrics;
    std::unique_ptr<Storage::Database> m_database;
    std::unique_ptr<Accounts::AccountService> m_accounts;
    std::unique_ptr<Accounts::AuthGuard> m_authGuard;
    std::unique_ptr<Search::SearchIndex> m_searchIndex;
    std::unique_ptr<Catalog::ChannelService> m_channels;
    std::unique_ptr<Catalog::VideoService> m_videos;
    std::unique_ptr<Search::SearchService> m_search;
    std::unique_ptr<Social::RatingService> m_ratings;
    std::unique_ptr<Social::SubscriptionService> m_subscriptions;
    std::unique_ptr<Social::CommentService> m_comments;
    std::unique_ptr<Social::PlaylistService> m_playlists;
    std::unique_ptr<Social::HistoryService> m_history;
    std::unique_ptr<Upload::UploadService> m_uploads;
    std::unique_ptr<Processing::ProcessingService> m_processing;
    std::unique_ptr<Delivery::MediaDelivery> m_mediaDelivery;
    std::unique_ptr<Playback::PlaybackService> m_playback;
};

} // namespace Kinora::Server
