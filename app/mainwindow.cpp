#include "app/mainwindow.h"

#include "app/accountbutton.h"
#include "app/appcontext.h"
#include "app/appsettings.h"
#include "app/browse/homepage.h"
#include "app/browse/searchpage.h"
#include "app/browse/thumbnailcache.h"
#include "app/browse/videogrid.h"
#include "app/browse/watchpage.h"
#include "app/library/channelpage.h"
#include "app/library/librarypage.h"
#include "app/library/savevideobutton.h"
#include "app/messagebanner.h"
#include "app/settingspage.h"
#include "app/signindialog.h"
#include "app/signupdialog.h"
#include "app/themecontroller.h"
#include "app/themedicon.h"
#include "core/net/apiclient.h"
#include "core/net/authservice.h"
#include "core/net/catalogclient.h"
#include "core/net/healthmonitor.h"
#include "core/net/libraryclient.h"
#include "core/net/playbacksessionclient.h"
#include "player/abr/abrregistry.h"
#include "player/mpv/mpvhlsplayer.h"
#include "player/ui/playbackstatestore.h"
#include "player/ui/serverplaybackreporter.h"
#include "core/net/studioclient.h"
#include "studio/studiopage.h"
#include "studio/upload/uploadqueue.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

namespace Kinora::App {

namespace {
constexpr int PageCount = 5;
const char *const PageIcons[PageCount] = {"home", "search", "studio", "library", "settings"};
}

MainWindow::MainWindow(AppContext *context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(ThemedIcon::fullColor(QStringLiteral("kinora")));
    buildUi();
    retranslateUi();
    refreshIcons();
    restoreWindowState();
    updateAccount();

    Core::AuthService *auth = m_context->auth();
    connect(auth, &Core::AuthService::signedIn, this, [this](const Core::UserInfo &user) {
        m_context->settings()->setLastUsername(m_context->serverUrl(), user.username);
        m_sessionExpired = false;
        if (m_noticeBanner->property("kind").toString() == QLatin1String("session"))
            m_noticeBanner->hide();
        updateAccount();
        statusBar()->showMessage(tr("Signed in as %1.").arg(user.username), 5000);
    });
    connect(auth, &Core::AuthService::signedOut, this, [this] {
        updateAccount();
        if (!m_sessionExpired)
            statusBar()->showMessage(tr("Signed out."), 5000);
    });
    connect(auth, &Core::AuthService::sessionExpired, this, [this] {
        m_sessionExpired = true;
        m_noticeBanner->setProperty("kind", QStringLiteral("session"));
        m_noticeBanner->setActionText(tr("Sign in…"));
        m_noticeBanner->showMessage(tr("Your session has expired. Please sign in again."));
    });
    connect(auth, &Core::AuthService::credentialStorageUnavailable, this, [this] {
        m_noticeBanner->setProperty("kind", QStringLiteral("keyring"));
        m_noticeBanner->setActionText(QString());
        m_noticeBanner->showMessage(tr("No keyring service is available, so Kinora cannot remember your sign-in "
                                       "safely. You stay signed in until you quit and will be asked for your "
                                       "password next time."));
    });
    connect(auth, &Core::AuthService::restoreFinished, this, &MainWindow::onRestoreFinished);
    connect(m_noticeBanner, &MessageBanner::actionTriggered, this, [this] {
        if (m_noticeBanner->property("kind").toString() == QLatin1String("session"))
            showSignInDialog();
    });

    Core::HealthMonitor *health = m_context->health();
    connect(health, &Core::HealthMonitor::unreachable, this, &MainWindow::onServerUnreachable);
    connect(health, &Core::HealthMonitor::reachable, this, &MainWindow::onServerReachable);
    connect(m_connectionBanner, &MessageBanner::actionTriggered, health, &Core::HealthMonitor::checkNow);

    connect(m_context->theme(), &ThemeController::themeChanged, this, &MainWindow::refreshIcons);
    connect(m_settingsPage, &SettingsPage::serverUrlChanged, this, &MainWindow::applyServerUrl);
}

MainWindow::~MainWindow()
{
    // The watch page's player widget talks to the player until it is gone.
    delete m_watchPage;
    m_watchPage = nullptr;
    // Closes the open playback session while its client still exists.
    m_playbackReporter.reset();
}

void MainWindow::buildUi()
{
    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);

    m_header = new QWidget(central);
    m_header->setObjectName(QStringLiteral("header"));
    m_header->setAutoFillBackground(true);
    m_header->setBackgroundRole(QPalette::Base);
    auto *headerLayout = new QHBoxLayout(m_header);
    m_pageTitle = new QLabel(m_header);
    m_pageTitle->setObjectName(QStringLiteral("pageTitle"));
    QFont titleFont = m_pageTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_pageTitle->setFont(titleFont);
    m_accountButton = new AccountButton(m_header);
    const int headerIcon = m_accountButton->fontMetrics().height();
    m_accountButton->setIconSize(QSize(headerIcon, headerIcon));
    headerLayout->addWidget(m_pageTitle, 1);
    headerLayout->addWidget(m_accountButton);
    outer->addWidget(m_header);
    auto *headerLine = new QFrame(central);
    headerLine->setFrameShape(QFrame::HLine);
    headerLine->setFrameShadow(QFrame::Plain);
    headerLine->setForegroundRole(QPalette::Mid);
    outer->addWidget(headerLine);

    m_connectionBanner = new MessageBanner(MessageBanner::Kind::Error, central);
    m_connectionBanner->setClosable(false);
    m_noticeBanner = new MessageBanner(MessageBanner::Kind::Notice, central);
    outer->addWidget(m_connectionBanner);
    outer->addWidget(m_noticeBanner);

    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    m_sidebar = new QListWidget(central);
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sidebar->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_sidebar->setBackgroundRole(QPalette::AlternateBase);
    m_sidebar->viewport()->setBackgroundRole(QPalette::AlternateBase);
    m_sidebar->setSpacing(2);
    m_stack = new QStackedWidget(central);
    m_stack->setObjectName(QStringLiteral("pages"));
    body->addWidget(m_sidebar);
    body->addWidget(m_stack, 1);
    outer->addLayout(body, 1);
    setCentralWidget(central);

    m_catalog = new Core::CatalogClient(m_context->api(), this);
    m_thumbnails = new ThumbnailCache(QString(), this);
    m_homePage = new HomePage(m_catalog, m_context->auth(), m_thumbnails, m_stack);
    m_searchPage = new SearchPage(m_catalog, m_thumbnails, m_stack);
    connect(m_homePage, &HomePage::videoActivated, this, &MainWindow::openVideo);
    connect(m_searchPage, &SearchPage::videoActivated, this, &MainWindow::openVideo);
    m_stack->addWidget(m_homePage);
    m_stack->addWidget(m_searchPage);
    m_stack->addWidget(buildStudioPage());
    m_library = new Core::LibraryClient(m_context->api(), this);
    m_libraryPage = new LibraryPage(m_catalog, m_library, m_context->auth(), m_thumbnails, m_stack);
    connect(m_libraryPage, &LibraryPage::videoActivated, this, &MainWindow::openVideo);
    connect(m_libraryPage, &LibraryPage::channelActivated, this, &MainWindow::openChannel);
    connect(m_libraryPage, &LibraryPage::signInRequested, this, &MainWindow::showSignInDialog);
    connect(m_homePage->grid(), &VideoGrid::channelActivated, this, &MainWindow::openChannel);
    connect(m_searchPage->grid(), &VideoGrid::channelActivated, this, &MainWindow::openChannel);
    m_stack->addWidget(m_libraryPage);
    m_settingsPage = new SettingsPage(m_context->settings(), m_context->theme(), m_context->language(),
                                      m_context->serverUrl(), m_stack);
    m_stack->addWidget(m_settingsPage);

    for (int i = 0; i < PageCount; ++i) {
        auto *item = new QListWidgetItem(m_sidebar);
        item->setData(Qt::UserRole, i);
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, i] { setCurrentPage(static_cast<Page>(i)); });
        addAction(action);
        m_pageActions.append(action);
    }
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        if (isWatching())
            m_watchPage->stop();
        m_watchReturn.clear();
        m_channelReturnVideo.reset();
        m_stack->setCurrentIndex(row);
        m_pageTitle->setText(m_sidebar->item(row)->text());
    });
    // Clicking the current page's entry while watching goes back to it.
    connect(m_sidebar, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        if ((isWatching() || isShowingChannel()) && m_sidebar->row(item) == m_sidebar->currentRow())
            showSidebarPage();
    });

    // Ctrl+F and "/" go to the search field; "/" typed into a text field stays there.
    for (const QKeySequence &key : {QKeySequence(QKeySequence::Find), QKeySequence(Qt::Key_Slash)}) {
        auto *action = new QAction(this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, &MainWindow::focusSearch);
        addAction(action);
    }

    connect(m_accountButton->signInAction(), &QAction::triggered, this, &MainWindow::showSignInDialog);
    connect(m_accountButton->signUpAction(), &QAction::triggered, this, &MainWindow::showSignUpDialog);
    connect(m_accountButton->signOutAction(), &QAction::triggered, m_context->auth(), &Core::AuthService::signOut);
    connect(m_accountButton->signOutEverywhereAction(), &QAction::triggered, m_context->auth(),
            &Core::AuthService::signOutEverywhere);

    m_serverStatus = new QLabel(this);
    m_serverStatus->setObjectName(QStringLiteral("serverStatus"));
    statusBar()->addPermanentWidget(m_serverStatus);

    setTabOrder(m_accountButton, m_sidebar);
    setTabOrder(m_sidebar, m_stack);
}

void MainWindow::retranslateUi()
{
    setWindowTitle(tr("Kinora"));
    const QString names[PageCount] = {tr("Home"), tr("Search"), tr("Studio"), tr("Library"), tr("Settings")};
    for (int i = 0; i < PageCount; ++i) {
        QListWidgetItem *item = m_sidebar->item(i);
        item->setText(names[i]);
        const QString shortcut = m_pageActions.at(i)->shortcut().toString(QKeySequence::NativeText);
        item->setToolTip(tr("%1 (%2)").arg(names[i], shortcut));
        m_pageActions.at(i)->setText(names[i]);
    }
    m_sidebar->setAccessibleName(tr("Navigation"));
    if (m_sidebar->currentItem())
        m_pageTitle->setText(m_sidebar->currentItem()->text());
    m_connectionBanner->setActionText(tr("&Retry"));
    if (m_connectionBanner->isVisibleTo(this))
        onServerUnreachable(m_context->health()->lastError());
    updateServerStatus();
    updateSidebarWidth();
}

void MainWindow::refreshIcons()
{
    const QPalette pal = QApplication::palette();
    for (int i = 0; i < PageCount; ++i)
        m_sidebar->item(i)->setIcon(ThemedIcon::create(QString::fromLatin1(PageIcons[i]), pal));
    const QIcon account = ThemedIcon::create(QStringLiteral("account"), pal);
    m_accountButton->setIcon(account);
    m_accountButton->signInAction()->setIcon(account);
    m_accountButton->signOutAction()->setIcon(ThemedIcon::create(QStringLiteral("signout"), pal));
}

void MainWindow::updateSidebarWidth()
{
    // Sized from the font and the longest translated label, never from pixels.
    const QFontMetrics metrics = m_sidebar->fontMetrics();
    const int iconSize = metrics.height() + metrics.height() / 2;
    m_sidebar->setIconSize(QSize(iconSize, iconSize));
    int textWidth = 0;
    for (int i = 0; i < m_sidebar->count(); ++i) {
        QListWidgetItem *item = m_sidebar->item(i);
        textWidth = qMax(textWidth, metrics.horizontalAdvance(item->text()));
        item->setSizeHint(QSize(-1, iconSize + metrics.height()));
    }
    m_sidebar->setFixedWidth(iconSize + textWidth + metrics.averageCharWidth() * 8);
}

void MainWindow::restoreWindowState()
{
    AppSettings *settings = m_context->settings();
    if (!restoreGeometry(settings->windowGeometry())) {
        // First start: two thirds of the screen, whatever its size and scale.
        const QSize available = screen() ? screen()->availableSize() : QSize(1280, 720);
        resize(available * 2 / 3);
    }
    Page page = Page::Home;
    const QString last = settings->lastPage();
    for (int i = 0; i < PageCount; ++i) {
        if (pageId(static_cast<Page>(i)) == last)
            page = static_cast<Page>(i);
    }
    setCurrentPage(page);
}

void MainWindow::saveWindowState()
{
    AppSettings *settings = m_context->settings();
    settings->setWindowGeometry(saveGeometry());
    settings->setLastPage(pageId(currentPage()));
    settings->sync();
}

QString MainWindow::pageId(Page page)
{
    return QString::fromLatin1(QMetaEnum::fromType<Page>().valueToKey(int(page))).toLower();
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(qMax(0, m_sidebar->currentRow()));
}

void MainWindow::setCurrentPage(Page page)
{
    if ((isWatching() || isShowingChannel()) && m_sidebar->currentRow() == int(page))
        showSidebarPage();
    m_sidebar->setCurrentRow(int(page));
}

bool MainWindow::isWatching() const
{
    return m_watchPage && m_stack->currentWidget() == m_watchPage;
}

void MainWindow::focusSearch()
{
    setCurrentPage(Page::Search);
    m_searchPage->focusSearchField();
}

WatchPage *MainWindow::ensureWatchPage()
{
    if (m_watchPage)
        return m_watchPage;
    // The player starts with the first video, not with the app. Without a
    // display (offscreen) mpv has nothing to render into: decode only.
    const bool render = QGuiApplication::platformName() != QLatin1String("offscreen");
    m_playerNetwork = new QNetworkAccessManager(this);
    m_player = std::make_unique<Player::MpvHlsPlayer>(m_playerNetwork, Player::AbrRegistry::defaultId());
    Player::MpvHlsPlayer::Options options{{"vo", render ? "libmpv" : "null"}};
    if (!render)
        options.append({QByteArrayLiteral("ao"), QByteArrayLiteral("null")});
    WatchPage::Playback playback;
    if (m_player->initialize(options)) {
        m_playerSettings = new QSettings(this);
        m_playbackStore = std::make_unique<Player::PlaybackStateStore>(m_playerSettings);
        playback.player = m_player.get();
        playback.store = m_playbackStore.get();
        playback.renderVideo = render;
        m_playbackSessions = new Core::PlaybackSessionClient(m_context->api(), this);
        m_playbackReporter = std::make_unique<Player::ServerPlaybackReporter>(m_playbackSessions);
        playback.reporter = m_playbackReporter.get();
        playback.sessions = m_playbackReporter.get();
    } else {
        statusBar()->showMessage(tr("The video player could not be started: %1").arg(m_player->errorString()), 8000);
    }
    m_watchPage = new WatchPage(m_catalog, m_context->auth(), playback, m_stack);
    m_stack->addWidget(m_watchPage);
    connect(m_watchPage, &WatchPage::backRequested, this, &MainWindow::leaveWatchPage);
    connect(m_watchPage, &WatchPage::signInRequested, this, &MainWindow::showSignInDialog);
    connect(m_watchPage, &WatchPage::channelActivated, this, &MainWindow::openChannel);
    m_saveButton = new SaveVideoButton(m_library, m_context->auth(), m_watchPage);
    m_watchPage->addActionWidget(m_saveButton);
    connect(m_saveButton, &SaveVideoButton::saveFinished, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    connect(m_saveButton, &SaveVideoButton::signInRequested, this, &MainWindow::showSignInDialog);
    return m_watchPage;
}

void MainWindow::openVideo(const Core::VideoSummary &video)
{
    if (isShowingChannel())
        m_watchReturn = m_channelPage;
    else if (!isWatching())
        m_watchReturn.clear();
    showWatchPage(video);
}

void MainWindow::showWatchPage(const Core::VideoSummary &video)
{
    WatchPage *page = ensureWatchPage();
    m_stack->setCurrentWidget(page);
    m_pageTitle->setText(tr("Watch"));
    m_saveButton->setVideoId(video.id);
    page->open(video);
    page->setFocus(Qt::OtherFocusReason);
}

void MainWindow::leaveWatchPage()
{
    if (!isWatching())
        return;
    m_watchPage->stop();
    if (m_watchReturn) {
        QWidget *page = m_watchReturn;
        m_watchReturn.clear();
        m_stack->setCurrentWidget(page);
        m_pageTitle->setText(tr("Channel"));
        page->setFocus(Qt::OtherFocusReason);
        return;
    }
    showSidebarPage();
}

bool MainWindow::isShowingChannel() const
{
    return m_channelPage && m_stack->currentWidget() == m_channelPage;
}

ChannelPage *MainWindow::ensureChannelPage()
{
    if (m_channelPage)
        return m_channelPage;
    m_channelPage = new ChannelPage(m_catalog, m_context->auth(), m_thumbnails, m_stack);
    m_stack->addWidget(m_channelPage);
    connect(m_channelPage, &ChannelPage::backRequested, this, &MainWindow::leaveChannelPage);
    connect(m_channelPage, &ChannelPage::videoActivated, this, &MainWindow::openVideo);
    connect(m_channelPage, &ChannelPage::signInRequested, this, &MainWindow::showSignInDialog);
    return m_channelPage;
}

void MainWindow::openChannel(const QString &channelId, const QString &channelName)
{
    if (channelId.isEmpty())
        return;
    if (isWatching()) {
        m_channelReturnVideo = m_watchPage->video();
        m_watchPage->stop();
    } else if (!isShowingChannel()) {
        m_channelReturnVideo.reset();
    }
    ChannelPage *page = ensureChannelPage();
    m_stack->setCurrentWidget(page);
    m_pageTitle->setText(tr("Channel"));
    page->open(channelId, channelName);
    page->setFocus(Qt::OtherFocusReason);
}

void MainWindow::leaveChannelPage()
{
    if (!isShowingChannel())
        return;
    if (m_channelReturnVideo) {
        const Core::VideoSummary video = *m_channelReturnVideo;
        m_channelReturnVideo.reset();
        showWatchPage(video);
        return;
    }
    showSidebarPage();
}

void MainWindow::showSidebarPage()
{
    if (isWatching())
        m_watchPage->stop();
    m_watchReturn.clear();
    m_channelReturnVideo.reset();
    const int row = qMax(0, m_sidebar->currentRow());
    m_stack->setCurrentIndex(row);
    m_pageTitle->setText(m_sidebar->item(row)->text());
    if (QWidget *page = m_stack->currentWidget())
        page->setFocus(Qt::OtherFocusReason);
}

void MainWindow::start()
{
    m_context->health()->start();
    const QString username = m_context->settings()->lastUsername(m_context->serverUrl());
    if (!username.isEmpty())
        m_context->auth()->restoreSession(username);
}

void MainWindow::onRestoreFinished(bool restored, const Core::ApiError &error)
{
    // A server that is down now may come back: try again when it does.
    m_restorePending = !restored && error.isNetworkError() && !error.code.isEmpty();
    if (!restored && !error.code.isEmpty() && !error.isNetworkError())
        statusBar()->showMessage(tr("Your saved sign-in is no longer valid. Please sign in again."), 8000);
}

void MainWindow::onServerUnreachable(const Core::ApiError &error)
{
    Q_UNUSED(error);
    m_connectionBanner->showMessage(tr("Cannot reach the server at %1. Check that kinora-server is running.")
                                        .arg(m_context->serverUrl().toDisplayString()));
    updateServerStatus();
}

void MainWindow::onServerReachable()
{
    m_connectionBanner->hide();
    updateServerStatus();
    if (m_restorePending && !m_context->auth()->isSignedIn()) {
        m_restorePending = false;
        const QString username = m_context->settings()->lastUsername(m_context->serverUrl());
        if (!username.isEmpty())
            m_context->auth()->restoreSession(username);
    }
}

void MainWindow::updateServerStatus()
{
    const Core::HealthMonitor *health = m_context->health();
    const QString url = m_context->serverUrl().toDisplayString();
    switch (health->state()) {
    case Core::HealthMonitor::State::Reachable:
        m_serverStatus->setText(health->serverVersion().isEmpty()
                                    ? tr("Connected to %1").arg(url)
                                    : tr("Connected to %1 (server %2)").arg(url, health->serverVersion()));
        break;
    case Core::HealthMonitor::State::Unreachable:
        m_serverStatus->setText(tr("Offline: %1").arg(url));
        break;
    case Core::HealthMonitor::State::Unknown:
        m_serverStatus->setText(tr("Connecting to %1…").arg(url));
        break;
    }
}

void MainWindow::applyServerUrl(const QUrl &url)
{
    m_connectionBanner->hide();
    m_context->setServerUrl(url);
    updateServerStatus();
    leaveWatchPage();
    m_homePage->refresh();
    const QString username = m_context->settings()->lastUsername(url);
    if (!username.isEmpty())
        m_context->auth()->restoreSession(username);
}

void MainWindow::updateAccount()
{
    m_accountButton->setUser(m_context->auth()->user());
    const bool signedIn = m_context->auth()->isSignedIn();
    m_studioPage->setSignedIn(signedIn);
    // The queue resumes unfinished uploads once it has a token to send them with.
    if (signedIn && !m_uploadQueueOpened) {
        QString error;
        m_uploadQueueOpened = m_uploadQueue->open(&error);
        if (!m_uploadQueueOpened) {
            m_noticeBanner->setProperty("kind", QStringLiteral("uploads"));
            m_noticeBanner->setActionText(QString());
            m_noticeBanner->showMessage(error);
        }
    }
}

Studio::StudioPage *MainWindow::buildStudioPage()
{
    // The upload journal and the local ladders must survive restarts: the
    // application's data folder, one per server.
    const QString dataRoot = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    const QString serverKey = QString::fromLatin1(
        QCryptographicHash::hash(m_context->serverUrl().toString().toUtf8(), QCryptographicHash::Sha1).toHex().left(12));
    Studio::UploadQueue::Options options;
    options.journalPath = QDir(dataRoot).filePath(QStringLiteral("studio/%1/uploads.sqlite").arg(serverKey));
    options.workDirectory = QDir(dataRoot).filePath(QStringLiteral("studio/%1/work").arg(serverKey));
    m_studio = new Core::StudioClient(m_context->api(), this);
    m_uploadNetwork = new QNetworkAccessManager(this);
    m_uploadQueue = new Studio::UploadQueue(m_studio, m_uploadNetwork, options, this);
    m_studioPage = new Studio::StudioPage(m_studio, m_uploadQueue, m_stack);
    setAcceptDrops(true);
    return m_studioPage;
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_studioPage->acceptsDrop(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (!m_studioPage->acceptsDrop(event->mimeData()))
        return;
    event->acceptProposedAction();
    // Files dropped anywhere on the window go to the studio's upload wizard.
    m_sidebar->setCurrentRow(int(Page::Studio));
    m_studioPage->dropFiles(event->mimeData()->urls());
}

void MainWindow::showSignInDialog()
{
    if (m_signUpDialog)
        m_signUpDialog->close();
    if (!m_signInDialog) {
        m_signInDialog = new SignInDialog(m_context->auth(), this);
        m_signInDialog->setAttribute(Qt::WA_DeleteOnClose);
        m_signInDialog->setUsername(m_context->settings()->lastUsername(m_context->serverUrl()));
        connect(m_signInDialog, &SignInDialog::signUpRequested, this, &MainWindow::showSignUpDialog,
                Qt::QueuedConnection);
    }
    m_signInDialog->open();
    m_signInDialog->raise();
    m_signInDialog->activateWindow();
}

void MainWindow::showSignUpDialog()
{
    if (m_signInDialog)
        m_signInDialog->close();
    if (!m_signUpDialog) {
        m_signUpDialog = new SignUpDialog(m_context->auth(), this);
        m_signUpDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_signUpDialog->open();
    m_signUpDialog->raise();
    m_signUpDialog->activateWindow();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    else if (event->type() == QEvent::FontChange)
        updateSidebarWidth();
    QMainWindow::changeEvent(event);
}

} // namespace Kinora::App
