#include "app/library/librarypage.h"

#include "app/browse/videogrid.h"
#include "app/library/playlistspanel.h"
#include "app/library/playlistview.h"
#include "core/net/authservice.h"
#include "core/net/catalogclient.h"
#include "core/net/libraryclient.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Kinora::App {

namespace {
constexpr int PageSize = 24;

bool isError(const Core::ApiError &error)
{
    return !error.code.isEmpty();
}
} // namespace

LibraryPage::LibraryPage(Core::CatalogClient *catalog, Core::LibraryClient *library, Core::AuthService *auth,
                         ThumbnailCache *thumbnails, QWidget *parent)
    : QWidget(parent)
    , m_library(library)
    , m_auth(auth)
    , m_stack(new QStackedWidget(this))
    , m_signedOutHeading(new QLabel(this))
    , m_signedOutText(new QLabel(this))
    , m_signIn(new QPushButton(this))
    , m_tabs(new QTabWidget(this))
    , m_history(new VideoGrid(catalog, thumbnails, this))
    , m_clearHistory(new QPushButton(this))
    , m_notice(new QLabel(this))
    , m_liked(new VideoGrid(catalog, thumbnails, this))
    , m_watchLater(new PlaylistView(library, catalog, thumbnails, this))
    , m_playlists(new PlaylistsPanel(library, catalog, thumbnails, this))
{
    setObjectName(QStringLiteral("libraryPage"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack);

    auto *signedOut = new QWidget(m_stack);
    auto *signedOutLayout = new QVBoxLayout(signedOut);
    signedOutLayout->addStretch(1);
    m_signedOutHeading->setObjectName(QStringLiteral("librarySignedOutHeading"));
    m_signedOutHeading->setAlignment(Qt::AlignCenter);
    QFont headingFont = m_signedOutHeading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_signedOutHeading->setFont(headingFont);
    m_signedOutText->setAlignment(Qt::AlignCenter);
    m_signedOutText->setWordWrap(true);
    m_signedOutText->setForegroundRole(QPalette::PlaceholderText);
    m_signIn->setObjectName(QStringLiteral("librarySignInButton"));
    signedOutLayout->addWidget(m_signedOutHeading);
    signedOutLayout->addWidget(m_signedOutText);
    signedOutLayout->addWidget(m_signIn, 0, Qt::AlignHCenter);
    signedOutLayout->addStretch(2);
    m_stack->addWidget(signedOut);

    m_tabs->setObjectName(QStringLiteral("libraryTabs"));
    m_tabs->setDocumentMode(true);
    auto *historyTab = new QWidget(m_tabs);
    auto *historyLayout = new QVBoxLayout(historyTab);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    auto *historyBar = new QHBoxLayout;
    m_clearHistory->setObjectName(QStringLiteral("clearHistoryButton"));
    historyBar->addStretch(1);
    historyBar->addWidget(m_clearHistory);
    historyLayout->addLayout(historyBar);
    m_history->setObjectName(QStringLiteral("historyGrid"));
    historyLayout->addWidget(m_history, 1);
    m_liked->setObjectName(QStringLiteral("likedGrid"));
    m_watchLater->setObjectName(QStringLiteral("watchLaterView"));
    m_tabs->addTab(historyTab, QString());
    m_tabs->addTab(m_liked, QString());
    m_tabs->addTab(m_watchLater, QString());
    m_tabs->addTab(m_playlists, QString());
    auto *signedIn = new QWidget(m_stack);
    auto *signedInLayout = new QVBoxLayout(signedIn);
    signedInLayout->setContentsMargins(0, 0, 0, 0);
    m_notice->setObjectName(QStringLiteral("libraryNotice"));
    m_notice->setWordWrap(true);
    m_notice->hide();
    signedInLayout->addWidget(m_notice);
    signedInLayout->addWidget(m_tabs, 1);
    m_stack->addWidget(signedIn);

    connect(m_signIn, &QPushButton::clicked, this, &LibraryPage::signInRequested);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (isVisible())
            loadCurrentTab();
    });
    connect(m_clearHistory, &QPushButton::clicked, this, &LibraryPage::askToClearHistory);
    for (VideoGrid *grid : {m_history, m_liked}) {
        connect(grid, &VideoGrid::videoActivated, this, &LibraryPage::videoActivated);
        connect(grid, &VideoGrid::channelActivated, this, &LibraryPage::channelActivated);
    }
    connect(m_history, &VideoGrid::videoContextMenuRequested, this, &LibraryPage::showHistoryMenu);
    connect(m_history, &VideoGrid::videoRemoveRequested, this, &LibraryPage::removeFromHistory);
    connect(m_watchLater, &PlaylistView::videoActivated, this, &LibraryPage::videoActivated);
    connect(m_playlists, &PlaylistsPanel::videoActivated, this, &LibraryPage::videoActivated);
    connect(m_auth, &Core::AuthService::signedIn, this, &LibraryPage::updateSignedIn);
    connect(m_auth, &Core::AuthService::signedOut, this, &LibraryPage::updateSignedIn);
    retranslateUi();
    updateSignedIn();
}

void LibraryPage::retranslateUi()
{
    m_signedOutHeading->setText(tr("Sign in to see your library"));
    m_signedOutText->setText(tr("Your watch history, the videos you liked, Watch later and your playlists "
                                "are kept with your account."));
    m_signIn->setText(tr("&Sign in…"));
    m_tabs->setTabText(int(Tab::History), tr("History"));
    m_tabs->setTabText(int(Tab::Liked), tr("Liked"));
    m_tabs->setTabText(int(Tab::WatchLater), tr("Watch later"));
    m_tabs->setTabText(int(Tab::Playlists), tr("Playlists"));
    m_clearHistory->setText(tr("&Clear history…"));
    m_history->setEmptyText(tr("Videos you watch appear here."));
    m_liked->setEmptyText(tr("Videos you like appear here."));
    m_watchLater->setEmptyText(tr("Save videos to watch later from the watch page."));
}

LibraryPage::Tab LibraryPage::currentTab() const
{
    return Tab(qMax(0, m_tabs->currentIndex()));
}

void LibraryPage::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(int(tab));
}

bool LibraryPage::isSignedOutStateShown() const
{
    return m_stack->currentIndex() == 0;
}

void LibraryPage::refresh()
{
    loadCurrentTab();
}

void LibraryPage::updateSignedIn()
{
    delete m_requestContext;
    m_requestContext = new QObject(this);
    const bool signedIn = m_auth->isSignedIn();
    m_stack->setCurrentIndex(signedIn ? 1 : 0);
    showNotice(QString());
    // Nothing of the previous account stays on screen.
    m_history->showMessage(QString());
    m_liked->showMessage(QString());
    m_watchLater->clear();
    m_playlists->clear();
    if (signedIn && isVisible())
        loadCurrentTab();
}

void LibraryPage::loadCurrentTab()
{
    if (!m_auth->isSignedIn())
        return;
    Core::LibraryClient *library = m_library;
    switch (currentTab()) {
    case Tab::History:
        m_history->setLoader([this, library](const QString &cursor, QObject *context, VideoGrid::PageCallback done) {
            library->history(cursor, PageSize, context,
                             [this, done](const Core::WatchEntryPage &entries, const Core::ApiError &error) {
                                 Core::VideoPage page;
                                 page.nextCursor = entries.nextCursor;
                                 QHash<QString, double> progress;
                                 for (const Core::WatchEntry &entry : entries.items) {
                                     page.items.append(entry.video);
                                     if (entry.video.durationMs > 0)
                                         progress.insert(entry.video.id,
                                                         double(entry.positionMs) / entry.video.durationMs);
                                 }
                                 m_history->setProgress(progress);
                                 done(page, error);
                             });
        });
        break;
    case Tab::Liked:
        m_liked->setLoader([library](const QString &cursor, QObject *context, VideoGrid::PageCallback done) {
            library->likedVideos(cursor, PageSize, context, std::move(done));
        });
        break;
    case Tab::WatchLater:
        m_library->watchLater(m_requestContext, [this](const Core::PlaylistSummary &list, const Core::ApiError &error) {
            if (isError(error)) {
                m_watchLater->clear();
                showNotice(tr("Watch later could not be loaded: %1").arg(error.message));
                return;
            }
            m_watchLater->setPlaylist(list.id);
        });
        break;
    case Tab::Playlists:
        m_playlists->reload();
        break;
    }
}

void LibraryPage::showHistoryMenu(const Core::VideoSummary &video, const QPoint &globalPos)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    connect(menu->addAction(tr("&Play")), &QAction::triggered, this, [this, video] { Q_EMIT videoActivated(video); });
    connect(menu->addAction(tr("&Remove from history")), &QAction::triggered, this,
            [this, video] { removeFromHistory(video); });
    menu->popup(globalPos);
}

void LibraryPage::removeFromHistory(const Core::VideoSummary &video)
{
    const QString id = video.id;
    m_library->removeFromHistory(id, m_requestContext, [this, id](const Core::ApiError &error) {
        if (isError(error)) {
            showNotice(tr("The video was not removed from your history: %1").arg(error.message));
            return;
        }
        showNotice(QString());
        m_history->removeVideo(id);
    });
}

void LibraryPage::askToClearHistory()
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Clear history"),
                                tr("Clear your whole watch history? This also empties “Continue watching”."),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("clearHistoryConfirmation"));
    box->button(QMessageBox::Yes)->setText(tr("Clear history"));
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, box](QAbstractButton *button) {
        if (box->standardButton(button) == QMessageBox::Yes)
            clearHistory();
    });
    box->open();
}

void LibraryPage::clearHistory()
{
    m_clearHistory->setEnabled(false);
    m_library->clearHistory(m_requestContext, [this](const Core::ApiError &error) {
        m_clearHistory->setEnabled(true);
        if (isError(error)) {
            showNotice(tr("The history was not cleared: %1").arg(error.message));
            return;
        }
        showNotice(QString());
        if (currentTab() == Tab::History)
            loadCurrentTab();
    });
}

void LibraryPage::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void LibraryPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    loadCurrentTab();
}

void LibraryPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace Kinora::App
