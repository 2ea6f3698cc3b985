#include "core/net/libraryclient.h"

#include "core/net/apiclient.h"
#include "core/net/apireply.h"
#include "core/net/replyhandling.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace Kinora::Core {

namespace {

using Rest::encoded;
using Rest::pagePath;
using Rest::parsePage;

constexpr int LookupPageSize = 100; // the server's largest page

bool parsePlaylist(const QJsonObject &json, PlaylistSummary *playlist)
{
    *playlist = PlaylistSummary::fromJson(json.value(QLatin1String("playlist")).toObject());
    return playlist->isValid();
}

bool parseItem(const QJsonObject &json, PlaylistItem *item)
{
    *item = PlaylistItem::fromJson(json.value(QLatin1String("item")).toObject());
    return !item->id.isEmpty();
}

QString playlistPath(const QString &id)
{
    return QStringLiteral("/api/v1/playlists/") + encoded(id);
}

QString itemPath(const QString &playlistId, const QString &itemId)
{
    return playlistPath(playlistId) + QStringLiteral("/items/") + encoded(itemId);
}

} // namespace

LibraryClient::LibraryClient(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

ApiReply *LibraryClient::send(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    const QByteArray bytes = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    return m_api->sendRequest(method, path, bytes, ApiClient::Auth::Bearer);
}

template<typename T>
void LibraryClient::handle(ApiReply *reply, QObject *context, Callback<T> done,
                           std::function<bool(const QJsonObject &json, T *result)> parse)
{
    Rest::handle<T>(reply, context, std::move(done), std::move(parse));
}

void LibraryClient::handleDone(ApiReply *reply, QObject *context, DoneCallback done)
{
    connect(reply, &ApiReply::finished, context, [reply, done = std::move(done)] {
        done(reply->isSuccess() ? ApiError() : reply->error());
    });
}

void LibraryClient::history(const QString &cursor, int limit, QObject *context, Callback<WatchEntryPage> done)
{
    handle<WatchEntryPage>(send("GET", pagePath(QStringLiteral("/api/v1/users/me/history"), cursor, limit)), context,
                           std::move(done), [](const QJsonObject &json, WatchEntryPage *page) {
                               return parsePage(json, page, &WatchEntry::fromJson);
                           });
}

void LibraryClient::removeFromHistory(const QString &videoId, QObject *context, DoneCallback done)
{
    handleDone(send("DELETE", QStringLiteral("/api/v1/users/me/history/") + encoded(videoId)), context,
               std::move(done));
}

void LibraryClient::clearHistory(QObject *context, DoneCallback done)
{
    handleDone(send("DELETE", QStringLiteral("/api/v1/users/me/history")), context, std::move(done));
}

void LibraryClient::likedVideos(const QString &cursor, int limit, QObject *context, Callback<VideoPage> done)
{
    handle<VideoPage>(send("GET", pagePath(QStringLiteral("/api/v1/users/me/liked"), cursor, limit)), context,
                      std::move(done), [](const QJsonObject &json, VideoPage *page) {
                          return parsePage(json, page, &VideoSummary::fromJson);
                      });
}

void LibraryClient::myPlaylists(const QString &cursor, int limit, QObject *context, Callback<PlaylistPage> done)
{
    handle<PlaylistPage>(send("GET", pagePath(QStringLiteral("/api/v1/users/me/playlists"), cursor, limit)), context,
                         std::move(done), [](const QJsonObject &json, PlaylistPage *page) {
                             return parsePage(json, page, &PlaylistSummary::fromJson);
                         });
}

void LibraryClient::playlist(const QString &id, QObject *context, Callback<PlaylistSummary> done)
{
    handle<PlaylistSummary>(send("GET", playlistPath(id)), context, std::move(done), &parsePlaylist);
}

void LibraryClient::createPlaylist(const QString &title, const QString &description, const QString &visibility,
                                   QObject *context, Callback<PlaylistSummary> done)
{
    QJsonObject body{{QStringLiteral("title"), title}};
    if (!description.isEmpty())
        body.insert(QStringLiteral("description"), description);
    if (!visibility.isEmpty())
        body.insert(QStringLiteral("visibility"), visibility);
    handle<PlaylistSummary>(send("POST", QStringLiteral("/api/v1/playlists"), body), context, std::move(done),
                            &parsePlaylist);
}

void LibraryClient::updatePlaylist(const QString &id, const PlaylistChanges &changes, QObject *context,
                                   Callback<PlaylistSummary> done)
{
    QJsonObject body;
    if (changes.title)
        body.insert(QStringLiteral("title"), *changes.title);
    if (changes.description)
        body.insert(QStringLiteral("description"), *changes.description);
    if (changes.visibility)
        body.insert(QStringLiteral("visibility"), *changes.visibility);
    handle<PlaylistSummary>(send("PATCH", playlistPath(id), body), context, std::move(done), &parsePlaylist);
}

void LibraryClient::renamePlaylist(const QString &id, const QString &title, QObject *context,
                                   Callback<PlaylistSummary> done)
{
    PlaylistChanges changes;
    changes.title = title;
    updatePlaylist(id, changes, context, std::move(done));
}

void LibraryClient::deletePlaylist(const QString &id, QObject *context, DoneCallback done)
{
    handleDone(send("DELETE", playlistPath(id)), context, std::move(done));
}

void LibraryClient::playlistItems(const QString &playlistId, const QString &cursor, int limit, QObject *context,
                                  Callback<PlaylistItemPage> done)
{
    handle<PlaylistItemPage>(send("GET", pagePath(playlistPath(playlistId) + QStringLiteral("/items"), cursor, limit)),
                             context, std::move(done), [](const QJsonObject &json, PlaylistItemPage *page) {
                                 return parsePage(json, page, &PlaylistItem::fromJson);
                             });
}

void LibraryClient::addToPlaylist(const QString &playlistId, const QString &videoId, qint64 position,
                                  QObject *context, Callback<PlaylistItem> done)
{
    QJsonObject body{{QStringLiteral("videoId"), videoId}};
    if (position >= 0)
        body.insert(QStringLiteral("position"), position);
    handle<PlaylistItem>(send("POST", playlistPath(playlistId) + QStringLiteral("/items"), body), context,
                         std::move(done), &parseItem);
}

void LibraryClient::removeFromPlaylist(const QString &playlistId, const QString &itemId, QObject *context,
                                       DoneCallback done)
{
    handleDone(send("DELETE", itemPath(playlistId, itemId)), context, std::move(done));
}

void LibraryClient::moveItem(const QString &playlistId, const QString &itemId, qint64 position, QObject *context,
                             DoneCallback done)
{
    const QJsonObject body{{QStringLiteral("position"), position}};
    handleDone(send("PATCH", itemPath(playlistId, itemId), body), context, std::move(done));
}

void LibraryClient::watchLater(QObject *context, Callback<PlaylistSummary> done)
{
    handle<PlaylistSummary>(send("GET", QStringLiteral("/api/v1/users/me/watch-later")), context, std::move(done),
                            &parsePlaylist);
}

void LibraryClient::addToWatchLater(const QString &videoId, QObject *context, Callback<PlaylistItem> done)
{
    watchLater(context, [this, videoId, context, done](const PlaylistSummary &list, const ApiError &error) {
        if (!error.code.isEmpty()) {
            done(PlaylistItem(), error);
            return;
        }
        addToPlaylist(list.id, videoId, -1, context, done);
    });
}

void LibraryClient::removeFromWatchLater(const QString &videoId, QObject *context, DoneCallback done)
{
    watchLater(context, [this, videoId, context, done](const PlaylistSummary &list, const ApiError &error) {
        if (!error.code.isEmpty()) {
            done(error);
            return;
        }
        findAndRemoveItem(list.id, videoId, QString(), context, done);
    });
}

void LibraryClient::findAndRemoveItem(const QString &playlistId, const QString &videoId, const QString &cursor,
                                      QObject *context, DoneCallback done)
{
    playlistItems(playlistId, cursor, LookupPageSize, context,
                  [this, playlistId, videoId, context, done](const PlaylistItemPage &page, const ApiError &error) {
                      if (!error.code.isEmpty()) {
                          done(error);
                          return;
                      }
                      for (const PlaylistItem &item : page.items) {
                          if (item.videoId == videoId) {
                              removeFromPlaylist(playlistId, item.id, context, done);
                              return;
                          }
                      }
                      if (page.hasMore()) {
                          findAndRemoveItem(playlistId, videoId, page.nextCursor, context, done);
                          return;
                      }
                      ApiError notFound;
                      notFound.httpStatus = 404;
                      notFound.code = QStringLiteral("not_found");
                      notFound.message = tr("The video is not in your Watch later list.");
                      done(notFound);
                  });
}

} // namespace Kinora::Core
