#pragma once

#include "core/net/apierror.h"
#include "core/net/channelsummary.h"
#include "core/net/videocomment.h"
#include "core/net/videosummary.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace Kinora::Core {

class ApiClient;
class ApiReply;

// One page of a paginated list; nextCursor is empty on the last page.
template<typename T>
struct ResultPage
{
    QList<T> items;
    QString nextCursor;
    bool hasMore() const { return !nextCursor.isEmpty(); }
};

using VideoPage = ResultPage<VideoSummary>;
using WatchEntryPage = ResultPage<WatchEntry>;
using CommentPage = ResultPage<VideoComment>;
using ChannelPage = ResultPage<ChannelSummary>;

struct VideoListQuery
{
    enum class Sort { Newest, Popular };
    Sort sort = Sort::Newest;
    QString category;
    QString channelId;
    int limit = 0; // 0: the server's default
    QString cursor;
};

struct VideoSearchQuery
{
    enum class Sort { Relevance, Date, Views };
    QString text;
    QString duration; // "", short, medium, long
    QString date;     // "", today, week, month, year
    QString category;
    Sort sort = Sort::Relevance;
    int limit = 0;
    QString cursor;
};

struct RatingState
{
    enum class Rating { None, Like, Dislike };
    Rating rating = Rating::None;
    qint64 likeCount = 0;
    qint64 dislikeCount = 0;
};

struct SubscriptionState
{
    bool subscribed = false;
    qint64 subscriberCount = 0;
};

// The viewer's side of the catalog REST API (videos, search, channels,
// ratings, subscriptions, feeds, comments) on top of ApiClient. Every call
// is asynchronous; its callback runs on the GUI thread once, with the parsed
// result or an ApiError, and not at all when `context` is gone by then.
// Routes where a token is optional send it when the user is signed in.
class CatalogClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(const T &result, const ApiError &error)>;
    using DoneCallback = std::function<void(const ApiError &error)>;

    explicit CatalogClient(ApiClient *api, QObject *parent = nullptr);

    ApiClient *api() const { return m_api; }

    // Where the poster image and the HLS master playlist of a video are; the
    // only place that decides it, so signed media URLs can replace them.
    QUrl posterUrl(const VideoSummary &video) const;
    QUrl playbackUrl(const VideoSummary &video) const;

    void listVideos(const VideoListQuery &query, QObject *context, Callback<VideoPage> done);
    void video(const QString &id, QObject *context, Callback<VideoSummary> done);
    void search(const VideoSearchQuery &query, QObject *context, Callback<VideoPage> done);
    void suggest(const QString &text, int limit, QObject *context, Callback<QStringList> done);
    void categories(QObject *context, Callback<QStringList> done);

    void channel(const QString &id, QObject *context, Callback<ChannelSummary> done);
    void channelVideos(const QString &channelId, const VideoListQuery &query, QObject *context,
                       Callback<VideoPage> done);

    void rating(const QString &videoId, QObject *context, Callback<RatingState> done);
    void setRating(const QString &videoId, RatingState::Rating rating, QObject *context, Callback<RatingState> done);

    void subscription(const QString &channelId, QObject *context, Callback<SubscriptionState> done);
    void setSubscribed(const QString &channelId, bool subscribed, QObject *context,
                       Callback<SubscriptionState> done);

    // Signed-in only.
    void subscriptionFeed(const QString &cursor, int limit, QObject *context, Callback<VideoPage> done);
    void continueWatching(const QString &cursor, int limit, QObject *context, Callback<WatchEntryPage> done);
    // Records in the watch history how far the user watched (feeds "continue watching").
    void recordProgress(const QString &videoId, qint64 positionMs, QObject *context, Callback<WatchEntry> done);

    void comments(const QString &videoId, const QString &cursor, int limit, QObject *context,
                  Callback<CommentPage> done);
    void replies(const QString &commentId, const QString &cursor, int limit, QObject *context,
                 Callback<CommentPage> done);
    // parentId empty: a top-level comment.
    void postComment(const QString &videoId, const QString &body, const QString &parentId, QObject *context,
                     Callback<VideoComment> done);
    void editComment(const QString &commentId, const QString &body, QObject *context, Callback<VideoComment> done);
    void deleteComment(const QString &commentId, QObject *context, DoneCallback done);

    static QString ratingName(RatingState::Rating rating);

private:
    ApiReply *send(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    // Runs parse on the reply's JSON on success; a body without the expected shape is an error too.
    template<typename T>
    void handle(ApiReply *reply, QObject *context, Callback<T> done,
                std::function<bool(const QJsonObject &json, T *result)> parse);
    void requestVideoPage(const QString &path, QObject *context, Callback<VideoPage> done);
    void requestCommentPage(const QString &path, QObject *context, Callback<CommentPage> done);

    ApiClient *m_api;
};

} // namespace Kinora::Core
