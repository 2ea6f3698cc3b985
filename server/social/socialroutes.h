#pragma once

#include <QtGlobal>

namespace Kinora::Server::Http {
class Router;
}
namespace Kinora::Server::Accounts {
class AuthGuard;
}
namespace Kinora::Server::Catalog {
class VideoService;
}

namespace Kinora::Server::Social {

class CommentService;
class HistoryService;
class PlaylistService;
class RatingService;
class SubscriptionService;

// The social services a route table needs.
struct SocialServices
{
    RatingService &ratings;
    SubscriptionService &subscriptions;
    CommentService &comments;
    PlaylistService &playlists;
    HistoryService &history;
};

// REST adapters of ratings, subscriptions and the feed, and watch history;
// also registers the comment and playlist routes (see server/API.md).
void addSocialRoutes(Http::Router &router, const SocialServices &services, Catalog::VideoService &videos,
                     const Accounts::AuthGuard &guard, qint64 maxJsonBodyBytes);

} // namespace Kinora::Server::Social
