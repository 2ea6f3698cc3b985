#pragma once

#include "app/signindialog.h"
#include "app/signupdialog.h"
#include "core/net/apierror.h"
#include "core/net/userinfo.h"

#include <QList>
#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QNetworkAccessManager;
class QSettings;
class QStackedWidget;

namespace Kinora::Core {
class CatalogClient;
class PlaybackSessionClient;
struct VideoSummary;
}

namespace Kinora::Player {
class MpvHlsPlayer;
class PlaybackStateStore;
class ServerPlaybackReporter;
}

namespace Kinora::App {

class AccountButton;
class AppContext;
class HomePage;
class MessageBanner;
class SearchPage;
class SettingsPage;
class ThumbnailCache;
class WatchPage;

// The desktop app's window: a header with the page title and the account
// button, banners for connection problems and notices, a sidebar to move
// between Home, Search, Studio, Library and Settings (Ctrl+1..5), and the
// pages. A video opened from Home or Search plays on the Watch page, which
// Esc or Back leave for the page it came from. It remembers its geometry and
// last page.
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
    bool isWatching() const;

    void openVideo(const Core::VideoSummary &video);
    void leaveWatchPage();
    void focusSearch();

    void showSignInDialog();
    void showSignUpDialog();

protected:
    void closeEvent(QCloseEvent *event) override;
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
    QNetworkAccessManager *m_playerNetwork = nullptr;
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
