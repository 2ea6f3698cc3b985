#pragma once

#include "core/net/playlistsummary.h"

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace Kinora::Core {
class CatalogClient;
class LibraryClient;
struct ApiError;
}

namespace Kinora::App {

class ThumbnailCache;

// The items of one playlist in their order, with their thumbnails. Move up
// and Move down (Ctrl+Up, Ctrl+Down) reorder the current item on the server,
// Remove (Delete) takes it out; Enter or a double click plays it. Videos the
// viewer may no longer see stay listed as unavailable, so they can be removed.
class PlaylistView : public QWidget
{
    Q_OBJECT
public:
    PlaylistView(Core::LibraryClient *library, Core::CatalogClient *catalog, ThumbnailCache *thumbnails,
                 QWidget *parent = nullptr);

    // Loads every item of the playlist (page after page).
    void setPlaylist(const QString &playlistId);
    void reload();
    void clear();
    void setEmptyText(const QString &text) { m_emptyText = text; }

    QString playlistId() const { return m_playlistId; }
    QList<Core::PlaylistItem> items() const { return m_items; }
    QStringList videoIds() const;
    QListWidget *list() const { return m_list; }
    bool isBusy() const { return m_loading || m_changing; }
    bool isLoaded() const { return m_loaded; }
    QString statusText() const;

    // Moves the current item by delta places (-1 up, +1 down).
    void moveCurrent(int delta);
    void removeCurrent();

Q_SIGNALS:
    void videoActivated(const Kinora::Core::VideoSummary &video);
    // The list changed on the server (moved or removed an item).
    void itemsChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void loadPage(const QString &cursor);
    void showItems();
    QString itemText(const Core::PlaylistItem &item, int row) const;
    void updateButtons();
    void setStatus(const QString &text);
    void fail(const QString &what, const Core::ApiError &error);

    Core::LibraryClient *m_library;
    Core::CatalogClient *m_catalog;
    ThumbnailCache *m_thumbnails;
    QListWidget *m_list;
    QPushButton *m_moveUp;
    QPushButton *m_moveDown;
    QPushButton *m_remove;
    QLabel *m_status;
    QPointer<QObject> m_requestContext; // replaced on reload, so old answers are dropped
    QString m_playlistId;
    QList<Core::PlaylistItem> m_items;
    QString m_emptyText;
    bool m_loading = false;
    bool m_changing = false;
    bool m_loaded = false;
};

} // namespace Kinora::App
