#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;

namespace Kinora::Core {
class AuthService;
class CatalogClient;
class LibraryClient;
struct ApiError;
struct VideoSummary;
}

namespace Kinora::App {

class PlaylistView;
class PlaylistsPanel;
class ThumbnailCache;
class VideoGrid;

// The signed-in viewer's library in tabs: History (remove one video from the
// context menu or with Delete, clear it all after a confirmation), Liked,
// Watch later and Playlists. The shown tab is reloaded whenever it comes into
// view. Signed out, the page only offers to sign in.
class LibraryPage : public QWidget
{
    Q_OBJECT
public:
    enum class Tab { History, Liked, WatchLater, Playlists };
    Q_ENUM(Tab)

    LibraryPage(Core::CatalogClient *catalog, Core::LibraryClient *library, Core::AuthService *auth,
                ThumbnailCache *thumbnails, QWidget *parent = nullptr);

    Tab currentTab() const;
    void setCurrentTab(Tab tab);
    void refresh();
    bool isSignedOutStateShown() const;

    VideoGrid *historyGrid() const { return m_history; }
    VideoGrid *likedGrid() const { return m_liked; }
    PlaylistView *watchLaterView() const { return m_watchLater; }
    PlaylistsPanel *playlistsPanel() const { return m_playlists; }
    QPushButton *clearHistoryButton() const { return m_clearHistory; }
    QPushButton *signInButton() const { return m_signIn; }
    QTabWidget *tabs() const { return m_tabs; }

    // Asks for a confirmation first.
    void askToClearHistory();
    void removeFromHistory(const Core::VideoSummary &video);

Q_SIGNALS:
    void videoActivated(const Kinora::Core::VideoSummary &video);
    void channelActivated(const QString &channelId, const QString &channelName);
    void signInRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateSignedIn();
    void loadCurrentTab();
    void showHistoryMenu(const Core::VideoSummary &video, const QPoint &globalPos);
    void clearHistory();
    void showNotice(const QString &text);

    Core::LibraryClient *m_library;
    Core::AuthService *m_auth;
    QStackedWidget *m_stack;
    QLabel *m_signedOutHeading;
    QLabel *m_signedOutText;
    QPushButton *m_signIn;
    QTabWidget *m_tabs;
    VideoGrid *m_history;
    QPushButton *m_clearHistory;
    QLabel *m_notice;
    VideoGrid *m_liked;
    PlaylistView *m_watchLater;
    PlaylistsPanel *m_playlists;
    QPointer<QObject> m_requestContext; // replaced on sign-in changes, so old answers are dropped
};

} // namespace Kinora::App
