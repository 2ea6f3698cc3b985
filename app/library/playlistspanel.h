#pragma once

#include "core/net/playlistsummary.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace Kinora::Core {
class CatalogClient;
class LibraryClient;
struct ApiError;
}

namespace Kinora::App {

class PlaylistView;
class ThumbnailCache;

// The viewer's own playlists (the watch-later list has its own tab): New,
// Rename and Delete (after a confirmation); opening one shows its items in
// a PlaylistView, with a button back to the list.
class PlaylistsPanel : public QWidget
{
    Q_OBJECT
public:
    PlaylistsPanel(Core::LibraryClient *library, Core::CatalogClient *catalog, ThumbnailCache *thumbnails,
                   QWidget *parent = nullptr);

    void reload();
    void clear();
    QList<Core::PlaylistSummary> playlists() const { return m_playlists; }
    bool isLoading() const { return m_loading; }
    QListWidget *list() const { return m_list; }
    PlaylistView *view() const { return m_view; }
    bool isPlaylistOpen() const;
    QString statusText() const;

    // The dialogs of the buttons: a name for a new or the current playlist,
    // and the confirmation before the current one is deleted.
    void askToCreate();
    void askToRename();
    void askToDelete();
    // What those dialogs do once answered.
    void createPlaylist(const QString &title);
    void renamePlaylist(const QString &id, const QString &title);
    void deletePlaylist(const QString &id);
    void openPlaylist(const QString &id);
    void showList();

Q_SIGNALS:
    void videoActivated(const Kinora::Core::VideoSummary &video);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void loadPage(const QString &cursor);
    void showPlaylists();
    void updateButtons();
    void setStatus(const QString &text);
    Core::PlaylistSummary currentPlaylist() const;
    QString playlistText(const Core::PlaylistSummary &playlist) const;

    Core::LibraryClient *m_library;
    QStackedWidget *m_stack;
    QListWidget *m_list;
    QPushButton *m_create;
    QPushButton *m_rename;
    QPushButton *m_delete;
    QPushButton *m_open;
    QLabel *m_status;
    QToolButton *m_back;
    QLabel *m_title;
    PlaylistView *m_view;
    QPointer<QObject> m_requestContext;
    QList<Core::PlaylistSummary> m_playlists;
    QList<Core::PlaylistSummary> m_loadingPlaylists;
    QString m_selectAfterLoad;
    bool m_loading = false;
};

} // namespace Kinora::App
