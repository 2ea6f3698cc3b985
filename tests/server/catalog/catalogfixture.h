#pragma once

#include "server/catalog/catalogsettings.h"
#include "server/catalog/channelservice.h"
#include "server/catalog/videoservice.h"
#include "server/catalog/viewer.h"
#include "server/search/fts5searchindex.h"
#include "server/search/searchservice.h"
#include "server/social/commentservice.h"
#include "server/social/historyservice.h"
#include "server/social/playlistservice.h"
#include "server/social/ratingservice.h"
#include "server/social/subscriptionservice.h"
#include "server/storage/database.h"

#include <QTemporaryDir>

#include <memory>

namespace Kinora::Tests {

// A migrated SQLite database in a temporary directory with the catalog and
// search services on top, and helpers to create users and ready videos.
class CatalogFixture
{
public:
    CatalogFixture();
    ~CatalogFixture();

    bool isValid() const { return m_valid; }
    QString errorText() const { return m_error; }

    Server::Catalog::Viewer addUser(const QString &name, Server::Accounts::Role role = Server::Accounts::Role::Creator);
    // A public video made ready, published `ageDays` ago, with `views` views.
    Server::Catalog::Video addReadyVideo(const Server::Catalog::Viewer &owner, const QString &title,
                                         const QString &description = {}, const QStringList &tags = {},
                                         const QString &category = {}, qint64 durationMs = 60'000, double ageDays = 1,
                                         qint64 views = 0);
    bool exec(const QString &sql, const QVariantList &values = {});
    qint64 scalar(const QString &sql, const QVariantList &values = {});

    QTemporaryDir dir;
    Server::Catalog::CatalogSettings settings;
    std::unique_ptr<Server::Storage::Database> database;
    std::unique_ptr<Server::Search::Fts5SearchIndex> index;
    std::unique_ptr<Server::Catalog::ChannelService> channels;
    std::unique_ptr<Server::Catalog::VideoService> videos;
    std::unique_ptr<Server::Search::SearchService> search;
    std::unique_ptr<Server::Social::RatingService> ratings;
    std::unique_ptr<Server::Social::SubscriptionService> subscriptions;
    std::unique_ptr<Server::Social::CommentService> comments;
    std::unique_ptr<Server::Social::PlaylistService> playlists;
    std::unique_ptr<Server::Social::HistoryService> history;

private:
    bool m_valid = false;
    QString m_error;
};

} // namespace Kinora::Tests
