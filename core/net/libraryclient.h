#pragma once

#include "core/net/apierror.h"
#include "core/net/catalogclient.h"
#include "core/net/playlistsummary.h"

#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace Kinora::Core {

class ApiClient;
class ApiReply;

using PlaylistPage = ResultPage<PlaylistSummary>;
using PlaylistItemPage = ResultPage<PlaylistItem>;

// What to change in a playlist; fields left empty stay as they are.
struct PlaylistChanges
{
    std::optional<QString> title;
    std::optional<QString> description;
    std::optional<QString> visibility; // public, unlisted, private
};

// The signed-in viewer's library on top of ApiClient: watch history, liked
// videos, playlists with their items, and the watch-later list (a playlist
// of kind watch_later). Like CatalogClient, every call is asynchronous and
// its callback runs once on the GUI thread, or not at all when `context` is
// gone by then. limit 0 means the server's default page size.
class LibraryClient : public QObject
{
    Q_OBJECT
public:
    template<typename T>
    using Callback = std::function<void(const T &result, const ApiError &error)>;
    using DoneCallback = std::function<void(const ApiError &error)>;

    explicit LibraryClient(ApiClient *api, QObject *parent = nullptr);

    ApiClient *api() const { return m_api; }

    void history(const QString &cursor, int limit, QObject *context, Callback<WatchEntryPage> done);
    void removeFromHistory(const QString &videoId, QObject *context, DoneCallback done);
    void clearHistory(QObject *context, DoneCallback done);

    void likedVideos(const QString &cursor, int limit, QObject *context, Callback<VideoPage> done);

    void myPlaylists(const QString &cursor, int limit, QObject *context, Callback<PlaylistPage> done);
    void playlist(const QString &id, QObject *context, Callback<PlaylistSummary> done);
    void createPlaylist(const QString &title, const QString &description, const QString &visibility,
                        QObject *context, Callback<PlaylistSummary> done);
    void updatePlaylist(const QString &id, const PlaylistChanges &changes, QObject *context,
                        Callback<PlaylistSummary> done);
    void renamePlaylist(const QString &id, const QString &title, QObject *context, Callback<PlaylistSummary> done);
    void deletePlaylist(const QString &id, QObject *context, DoneCallback done);

    void playlistItems(const QString &playlistId, const QString &cursor, int limit, QObject *context,
                       Callback<PlaylistItemPage> done);
    // position < 0: at the end.
    void addToPlaylist(const QString &playlistId, const QString &videoId, qint64 position, QObject *context,
                       Callback<PlaylistItem> done);
    void removeFromPlaylist(const QString &playlistId, const QString &itemId, QObject *context, DoneCallback done);
    // Moves the item to the 0-based position; the others close up behind it.
    void moveItem(const QString &playlistId, const QString &itemId, qint64 position, QObject *context,
                  DoneCallback done);

    // The watch-later list (created by the server on first use).
    void watchLater(QObject *context, Callback<PlaylistSummary> done);
    void addToWatchLater(const QString &videoId, QObject *context, Callback<PlaylistItem> done);
    // Looks the video up in the list and removes its item; 404 not_found when it is not there.
    void removeFromWatchLater(const QString &videoId, QObject *context, DoneCallback done);

private:
    ApiReply *send(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    template<typename T>
    void handle(ApiReply *reply, QObject *context, Callback<T> done,
                std::function<bool(const QJsonObject &json, T *result)> parse);
    void handleDone(ApiReply *reply, QObject *context, DoneCallback done);
    void findAndRemoveItem(const QString &playlistId, const QString &videoId, const QString &cursor,
                           QObject *context, DoneCallback done);

    ApiClient *m_api;
};

} // namespace Kinora::Core
