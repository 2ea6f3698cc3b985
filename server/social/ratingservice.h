#pragma once

#include "server/app/serviceresult.h"
#include "server/catalog/page.h"
#include "server/catalog/video.h"
#include "server/catalog/viewer.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Kinora::Server::Storage {
class Database;
}
namespace Kinora::Server::Catalog {
class VideoService;
}

namespace Kinora::Server::Social {

enum class Rating { None = 0, Like = 1, Dislike = -1 };
QString ratingName(Rating rating);
std::optional<Rating> ratingFromName(const QString &name);

// Likes and dislikes: at most one rating per user and video; setting the
// rating a user already gave is a no-op, so clients toggle by sending "none".
// The video's like/dislike counts change in the same transaction.
// liked() lists what the user liked, most recently liked first, leaving out
// the videos they may no longer see.
class RatingService
{
    Q_DECLARE_TR_FUNCTIONS(RatingService)

public:
    struct State
    {
        Rating rating = Rating::None;
        qint64 likeCount = 0;
        qint64 dislikeCount = 0;
        QJsonObject toJson() const;
    };

    RatingService(Storage::Database &database, Catalog::VideoService &videos);

    ServiceResult<State> rate(const Catalog::Viewer &viewer, const QString &videoId, Rating rating);
    ServiceResult<State> state(const Catalog::Viewer &viewer, const QString &videoId);
    ServiceResult<Catalog::Page<Catalog::Video>> liked(const Catalog::Viewer &viewer, int limit, const QString &cursor);

private:
    Storage::Database &m_database;
    Catalog::VideoService &m_videos;
};

} // namespace Kinora::Server::Social
