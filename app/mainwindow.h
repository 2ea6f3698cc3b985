#pragma once

#include "app/signindialog.h"
#include "app/signupdialog.h"
#include "core/net/apierror.h"
#include "core/net/userinfo.h"
#include "core/net/videosummary.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QListWidget;
class QNetworkAccessManager;
class QSettings;
class QStackedWidget;

namespace Kinora::Core {
class CatalogClient;
class LibraryClient;
class StudioClient;
class PlaybackSessionClient;
}

namespace Kinora::Studio {
class StudioPage;
class UploadQueue;
}

namespace Kinora::Player {
class MpvHlsPlayer;
class PlaybackStateStore;
class ServerPlaybackReporter;
}

namespace Kinora::App {

class AccountButton;
class AppContext;
class ChannelPage;
class HomePage;
class LibraryPage;
class MessageBanner;
class SaveVideoButton;
class SearchPage;
class SettingsPage;
class ThumbnailCache;
class WatchPage;

// The desktop app's window: a header with the page title and the account
// button, banners for connection problems and notices, a sidebar to move
// between Home, Search, Studio, Library and Settings (Ctrl+1..5), and the
// pages. A video opened from Home or Search plays on the Watch page, which
// Esc or Back leave for the page it came from. A channel's name (on a card or
// the watch page) opens the Channel page, which Back leaves the same way. It
// remembers its geometry and last page.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Home, Search, Studio, Library, Settings };
    Q_ENUM(Page)

    explicit MainWindow(AppContext *context, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Starts the health checks and the silent sign-in of the last account.
    void start();

    Page currentPage() const;
    void setCurrentPage(Page page);

    AccountButton *accountButton() const { return m_accountButton; }
    MessageBanner *connectionBanner() const { return m_connectionBanner; }
    MessageBanner *noticeBanner() const { return m_noticeBanner; }
    SettingsPage *settingsPage() const { return m_settingsPage; }
    SignInDialog *signInDialog() const { return m_signInDialog; }
    SignUpDialog *signUpDialog() const { return m_signUpDialog; }
    HomePage *homePage() const { return m_homePage; }
    SearchPage *searchPage() const { return m_searchPage; }
    WatchPage *watchPage() const { return m_watchPage; } // null until a video was opened
    LibraryPage *libraryPage() const { return m_libraryPage; }
    Studio::StudioPage *studioPage() const { return m_studioPage; }
    ChannelPage *channelPage() const { return m_channelPage; } // null until a channel was opened
    bool isWatching() const;
    bool isShowingChannel() const;

    void openVideo(const Core::VideoSummary &video);
    void leaveWatchPage();
    void openChannel(const QString &channelId, const QString &channelName);
    void leaveChannelPage();
    void focusSearch();

    void showSignInDialog();
    void showSignUpDialog();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void buildUi();
    void retranslateUi();
    void refreshIcons();
    void updateSidebarWidth();
    void restoreWindowState();
    void saveWindowState();
    void updateAccount();
    void updateServerStatus();
    void onServerUnreachable(const Core::ApiError &error);
    void onServerReachable();
    void onRestoreFinished(bool restored, const Core::ApiError &error);
    void applyServerUrl(const QUrl &url);

    static QString pageId(Page page);
    WatchPage *ensureWatchPage();
    ChannelPage *ensureChannelPage();
    Studio::StudioPage *buildStudioPage();
    void showWatchPage(const Core::VideoSummary &video);
    void showSidebarPage();

    AppContext *m_context;
    QWidget *m_header = nullptr;
    QLabel *m_pageTitle = nullptr;
    AccountButton *m_accountButton = nullptr;
    MessageBanner *m_connectionBanner = nullptr;
    MessageBanner *m_noticeBanner = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_stack = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    Core::CatalogClient *m_catalog = nullptr;
    ThumbnailCache *m_thumbnails = nullptr;
    HomePage *m_homePage = nullptr;
    SearchPage *m_searchPage = nullptr;
    WatchPage *m_watchPage = nullptr;
    Core::LibraryClient *m_library = nullptr;
    LibraryPage *m_libraryPage = nullptr;
    ChannelPage *m_channelPage = nullptr;
    SaveVideoButton *m_saveButton = nullptr;
    // Where Back goes: the channel page a video was opened from, and the
    // video that was playing when its channel was opened.
    QPointer<QWidget> m_watchReturn;
    std::optional<Core::VideoSummary> m_channelReturnVideo;
    QNetworkAccessManager *m_playerNetwork = nullptr;
    Core::StudioClient *m_studio = nullptr;
    QNetworkAccessManager *m_uploadNetwork = nullptr;
    Studio::UploadQueue *m_uploadQueue = nullptr;
    Studio::StudioPage *m_studioPage = nullptr;
    bool m_uploadQueueOpened = false;
    QSettings *m_playerSettings = nullptr;
    std::unique_ptr<Player::PlaybackStateStore> m_playbackStore;
    std::unique_ptr<Player::MpvHlsPlayer> m_player;
    Core::PlaybackSessionClient *m_playbackSessions = nullptr;
    std::unique_ptr<Player::ServerPlaybackReporter> m_playbackReporter;
    QLabel *m_serverStatus = nullptr;
    QList<QAction *> m_pageActions;
    QPointer<SignInDialog> m_signInDialog;
    QPointer<SignUpDialog> m_signUpDialog;
    bool m_restorePending = false;
    bool m_sessionExpired = false;
};

} // namespace Kinora::App
