#include "core/net/catalogclient.h"

#include "core/net/apiclient.h"
#include "core/net/apireply.h"
#include "core/net/replyhandling.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>

namespace Kinora::Core {

namespace {

using Rest::encoded;
using Rest::parsePage;

// Builds "path?key=value&..." with every value percent-encoded ('+' too, so
// that a search for "c++" is not read as "c  ").
class PathBuilder
{
public:
    explicit PathBuilder(QString path)
        : m_path(std::move(path))
    {
    }
    PathBuilder &add(const char *key, const QString &value)
    {
        if (value.isEmpty())
            return *this;
        m_path += m_first ? QLatin1Char('?') : QLatin1Char('&');
        m_first = false;
        m_path += QLatin1String(key) + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value));
        return *this;
    }
    PathBuilder &add(const char *key, int value)
    {
        return value > 0 ? add(key, QString::number(value)) : *this;
    }
    QString path() const { return m_path; }

private:
    QString m_path;
    bool m_first = true;
};

bool parseRating(const QJsonObject &json, RatingState *state)
{
    const QString rating = json.value(QLatin1String("rating")).toString();
    if (rating == QLatin1String("like"))
        state->rating = RatingState::Rating::Like;
    else if (rating == QLatin1String("dislike"))
        state->rating = RatingState::Rating::Dislike;
    else if (rating == QLatin1String("none"))
        state->rating = RatingState::Rating::None;
    else
        return false;
    state->likeCount = json.value(QLatin1String("likeCount")).toInteger();
    state->dislikeCount = json.value(QLatin1String("dislikeCount")).toInteger();
    return true;
}

bool parseSubscription(const QJsonObject &json, SubscriptionState *state)
{
    if (!json.value(QLatin1String("subscribed")).isBool())
        return false;
    state->subscribed = json.value(QLatin1String("subscribed")).toBool();
    state->subscriberCount = json.value(QLatin1String("subscriberCount")).toInteger();
    return true;
}

bool parseComment(const QJsonObject &json, VideoComment *comment)
{
    *comment = VideoComment::fromJson(json.value(QLatin1String("comment")).toObject());
    return comment->isValid();
}

} // namespace

CatalogClient::CatalogClient(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

QUrl CatalogClient::posterUrl(const VideoSummary &video) const
{
    if (!video.posterUrl.isEmpty())
        return m_api->urlFor(QString()).resolved(QUrl(video.posterUrl));
    return m_api->urlFor(QStringLiteral("/media/videos/%1/thumbs/poster.jpg").arg(encoded(video.id)));
}

QUrl CatalogClient::playbackUrl(const VideoSummary &video) const
{
    return m_api->urlFor(QStringLiteral("/media/videos/%1/master.m3u8").arg(encoded(video.id)));
}

QString CatalogClient::ratingName(RatingState::Rating rating)
{
    switch (rating) {
    case RatingState::Rating::Like: return QStringLiteral("like");
    case RatingState::Rating::Dislike: return QStringLiteral("dislike");
    case RatingState::Rating::None: break;
    }
    return QStringLiteral("none");
}

ApiReply *CatalogClient::send(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    const QByteArray bytes = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    return m_api->sendRequest(method, path, bytes, ApiClient::Auth::Bearer);
}

template<typename T>
void CatalogClient::handle(ApiReply *reply, QObject *context, Callback<T> done,
                           std::function<bool(const QJsonObject &json, T *result)> parse)
{
    Rest::handle<T>(reply, context, std::move(done), std::move(parse));
}

void CatalogClient::requestVideoPage(const QString &path, QObject *context, Callback<VideoPage> done)
{
    handle<VideoPage>(send("GET", path), context, std::move(done), [](const QJsonObject &json, VideoPage *page) {
        return parsePage(json, page, &VideoSummary::fromJson);
    });
}

void CatalogClient::requestCommentPage(const QString &path, QObject *context, Callback<CommentPage> done)
{
    handle<CommentPage>(send("GET", path), context, std::move(done), [](const QJsonObject &json, CommentPage *page) {
        return parsePage(json, page, &VideoComment::fromJson);
    });
}

void CatalogClient::listVideos(const VideoListQuery &query, QObject *context, Callback<VideoPage> done)
{
    PathBuilder path(QStringLiteral("/api/v1/videos"));
    path.add("sort", query.sort == VideoListQuery::Sort::Popular ? QStringLiteral("popular") : QStringLiteral("newest"))
        .add("category", query.category)
        .add("channel", query.channelId)
        .add("limit", query.limit)
        .add("cursor", query.cursor);
    requestVideoPage(path.path(), context, std::move(done));
}

void CatalogClient::video(const QString &id, QObject *context, Callback<VideoSummary> done)
{
    handle<VideoSummary>(send("GET", QStringLiteral("/api/v1/videos/") + encoded(id)), context, std::move(done),
                         [](const QJsonObject &json, VideoSummary *video) {
                             *video = VideoSummary::fromJson(json.value(QLatin1String("video")).toObject());
                             return video->isValid();
                         });
}

void CatalogClient::search(const VideoSearchQuery &query, QObject *context, Callback<VideoPage> done)
{
    QString sort;
    switch (query.sort) {
    case VideoSearchQuery::Sort::Relevance: sort = QStringLiteral("relevance"); break;
    case VideoSearchQuery::Sort::Date: sort = QStringLiteral("date"); break;
    case VideoSearchQuery::Sort::Views: sort = QStringLiteral("views"); break;
    }
    PathBuilder path(QStringLiteral("/api/v1/search"));
    path.add("q", query.text)
        .add("duration", query.duration)
        .add("date", query.date)
        .add("category", query.category)
        .add("sort", sort)
        .add("limit", query.limit)
        .add("cursor", query.cursor);
    requestVideoPage(path.path(), context, std::move(done));
}

void CatalogClient::suggest(const QString &text, int limit, QObject *context, Callback<QStringList> done)
{
    PathBuilder path(QStringLiteral("/api/v1/search/suggest"));
    path.add("q", text).add("limit", limit);
    handle<QStringList>(send("GET", path.path()), context, std::move(done),
                        [](const QJsonObject &json, QStringList *suggestions) {
                            const QJsonValue list = json.value(QLatin1String("suggestions"));
                            for (const QJsonValue &value : list.toArray())
                                suggestions->append(value.toString());
                            return list.isArray();
                        });
}

void CatalogClient::categories(QObject *context, Callback<QStringList> done)
{
    handle<QStringList>(send("GET", QStringLiteral("/api/v1/categories")), context, std::move(done),
                        [](const QJsonObject &json, QStringList *categories) {
                            const QJsonValue list = json.value(QLatin1String("categories"));
                            for (const QJsonValue &value : list.toArray())
                                categories->append(value.toString());
                            return list.isArray();
                        });
}

void CatalogClient::channel(const QString &id, QObject *context, Callback<ChannelSummary> done)
{
    handle<ChannelSummary>(send("GET", QStringLiteral("/api/v1/channels/") + encoded(id)), context, std::move(done),
                           [](const QJsonObject &json, ChannelSummary *channel) {
                               *channel = ChannelSummary::fromJson(json.value(QLatin1String("channel")).toObject());
                               return channel->isValid();
                           });
}

void CatalogClient::channelVideos(const QString &channelId, const VideoListQuery &query, QObject *context,
                                  Callback<VideoPage> done)
{
    PathBuilder path(QStringLiteral("/api/v1/channels/%1/videos").arg(encoded(channelId)));
    path.add("sort", query.sort == VideoListQuery::Sort::Popular ? QStringLiteral("popular") : QStringLiteral("newest"))
        .add("limit", query.limit)
        .add("cursor", query.cursor);
    requestVideoPage(path.path(), context, std::move(done));
}

void CatalogClient::rating(const QString &videoId, QObject *context, Callback<RatingState> done)
{
    handle<RatingState>(send("GET", QStringLiteral("/api/v1/videos/%1/rating").arg(encoded(videoId))), context,
                        std::move(done), &parseRating);
}

void CatalogClient::setRating(const QString &videoId, RatingState::Rating rating, QObject *context,
                              Callback<RatingState> done)
{
    const QJsonObject body{{QStringLiteral("rating"), ratingName(rating)}};
    handle<RatingState>(send("PUT", QStringLiteral("/api/v1/videos/%1/rating").arg(encoded(videoId)), body), context,
                        std::move(done), &parseRating);
}

void CatalogClient::subscription(const QString &channelId, QObject *context, Callback<SubscriptionState> done)
{
    handle<SubscriptionState>(send("GET", QStringLiteral("/api/v1/channels/%1/subscription").arg(encoded(channelId))),
                              context, std::move(done), &parseSubscription);
}

void CatalogClient::setSubscribed(const QString &channelId, bool subscribed, QObject *context,
                                  Callback<SubscriptionState> done)
{
    const QString path = QStringLiteral("/api/v1/channels/%1/subscription").arg(encoded(channelId));
    handle<SubscriptionState>(send(subscribed ? "PUT" : "DELETE", path), context, std::move(done),
                              &parseSubscription);
}

void CatalogClient::subscriptionFeed(const QString &cursor, int limit, QObject *context, Callback<VideoPage> done)
{
    PathBuilder path(QStringLiteral("/api/v1/feed/subscriptions"));
    path.add("limit", limit).add("cursor", cursor);
    requestVideoPage(path.path(), context, std::move(done));
}

void CatalogClient::continueWatching(const QString &cursor, int limit, QObject *context,
                                     Callback<WatchEntryPage> done)
{
    PathBuilder path(QStringLiteral("/api/v1/users/me/continue-watching"));
    path.add("limit", limit).add("cursor", cursor);
    handle<WatchEntryPage>(send("GET", path.path()), context, std::move(done),
                           [](const QJsonObject &json, WatchEntryPage *page) {
                               return parsePage(json, page, &WatchEntry::fromJson);
                           });
}

void CatalogClient::recordProgress(const QString &videoId, qint64 positionMs, QObject *context,
                                   Callback<WatchEntry> done)
{
    const QJsonObject body{{QStringLiteral("positionMs"), positionMs}};
    handle<WatchEntry>(send("PUT", QStringLiteral("/api/v1/users/me/history/") + encoded(videoId), body), context,
                       std::move(done), [](const QJsonObject &json, WatchEntry *entry) {
                           *entry = WatchEntry::fromJson(json);
                           return entry->video.isValid();
                       });
}

void CatalogClient::comments(const QString &videoId, const QString &cursor, int limit, QObject *context,
                             Callback<CommentPage> done)
{
    PathBuilder path(QStringLiteral("/api/v1/videos/%1/comments").arg(encoded(videoId)));
    path.add("limit", limit).add("cursor", cursor);
    requestCommentPage(path.path(), context, std::move(done));
}

void CatalogClient::replies(const QString &commentId, const QString &cursor, int limit, QObject *context,
                            Callback<CommentPage> done)
{
    PathBuilder path(QStringLiteral("/api/v1/comments/%1/replies").arg(encoded(commentId)));
    path.add("limit", limit).add("cursor", cursor);
    requestCommentPage(path.path(), context, std::move(done));
}

void CatalogClient::postComment(const QString &videoId, const QString &body, const QString &parentId,
                                QObject *context, Callback<VideoComment> done)
{
    QJsonObject json{{QStringLiteral("body"), body}};
    if (!parentId.isEmpty())
        json.insert(QStringLiteral("parentId"), parentId);
    handle<VideoComment>(send("POST", QStringLiteral("/api/v1/videos/%1/comments").arg(encoded(videoId)), json),
                         context, std::move(done), &parseComment);
}

void CatalogClient::editComment(const QString &commentId, const QString &body, QObject *context,
                                Callback<VideoComment> done)
{
    const QJsonObject json{{QStringLiteral("body"), body}};
    handle<VideoComment>(send("PATCH", QStringLiteral("/api/v1/comments/") + encoded(commentId), json), context,
                         std::move(done), &parseComment);
}

void CatalogClient::deleteComment(const QString &commentId, QObject *context, DoneCallback done)
{
    ApiReply *reply = send("DELETE", QStringLiteral("/api/v1/comments/") + encoded(commentId));
    connect(reply, &ApiReply::finished, context, [reply, done = std::move(done)] {
        done(reply->isSuccess() ? ApiError() : reply->error());
    });
}

} // namespace Kinora::Core
