// The library and channel screens against the real kinora-server, with a
// viewer whose history, likes, watch later and playlist are seeded through
// the API: the Library tabs show that data (and a sign-in state when signed
// out), Delete removes a video from the history and "Clear history" empties
// it after the confirmation, Ctrl+Down reorders a playlist on the server;
// the Channel page lists the channel's videos and Subscribe updates its
// count; the main window opens a channel from a card's channel name or the
// watch page and goes back with Esc, and saves a video to Watch later; and
// the video grid moves the focus with the arrow keys.
#include "catalogseed.h"

#include "app/appcontext.h"
#include "app/browse/homepage.h"
#include "app/browse/thumbnailcache.h"
#include "app/browse/videocard.h"
#include "app/browse/videogrid.h"
#include "app/browse/watchpage.h"
#include "app/library/channelpage.h"
#include "app/library/librarypage.h"
#include "app/library/playlistspanel.h"
#include "app/library/playlistview.h"
#include "app/library/savevideobutton.h"
#include "app/mainwindow.h"
#include "core/net/apiclient.h"
#include "core/net/authservice.h"
#include "core/net/catalogclient.h"
#include "core/net/libraryclient.h"
#include "core/net/memorycredentialstore.h"
#include "tests/support/serverprocess.h"

#include <QApplication>
#include <QDir>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace Kinora;

class TestLibraryPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void gridArrowKeysMoveTheFocus();
    void libraryTabsShowTheViewersData();
    void channelPageListsVideosAndSubscribes();
    void channelFromACardInTheMainWindow();

private:
    QSettings *newSettings(const QString &name);
    Tests::TestHttpClient::Reply call(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    QStringList serverList(const QString &path, const QString &key);
    static QStringList titles(const QList<App::VideoCard *> &cards);
    static void saveScreenshot(QWidget *widget, const QString &name);
    void signIn(App::AppContext &context);

    QTemporaryDir m_dir;
    std::unique_ptr<Tests::ServerProcess> m_server;
    std::unique_ptr<Tests::CatalogSeed> m_seed;
    Tests::TestHttpClient m_http;
    Tests::CatalogSeed::Account m_creator;
    Tests::CatalogSeed::Account m_fan;
    QStringList m_videos; // oldest first
    const QStringList m_titles{QStringLiteral("Alpine lake"), QStringLiteral("Busy market"), QStringLiteral("Coastal road")};
    QString m_channelId;
    QString m_playlistId;
};

QSettings *TestLibraryPages::newSettings(const QString &name)
{
    return new QSettings(m_dir.filePath(name + QStringLiteral(".ini")), QSettings::IniFormat, this);
}

Tests::TestHttpClient::Reply TestLibraryPages::call(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    QList<std::pair<QByteArray, QByteArray>> headers{{"Authorization", "Bearer " + m_fan.accessToken.toUtf8()}};
    QByteArray bytes;
    if (!body.isEmpty()) {
        headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
        bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    return m_http.request(method, m_server->url(path), bytes, headers);
}

// The ids of a list route's items (key "id", or "videoId" for playlist items), as the fan sees them.
QStringList TestLibraryPages::serverList(const QString &path, const QString &key)
{
    QStringList ids;
    const auto reply = call("GET", path);
    for (const QJsonValue &item : reply.json().value(QLatin1String("items")).toArray()) {
        const QJsonObject object = item.toObject();
        ids.append(object.contains(QLatin1String("video")) && key == QLatin1String("id") && object.value(QLatin1String("video")).isObject()
                       ? object.value(QLatin1String("video")).toObject().value(QLatin1String("id")).toString()
                       : object.value(key).toString());
    }
    return ids;
}

QStringList TestLibraryPages::titles(const QList<App::VideoCard *> &cards)
{
    QStringList list;
    for (App::VideoCard *card : cards)
        list.append(card->video().title);
    return list;
}

void TestLibraryPages::saveScreenshot(QWidget *widget, const QString &name)
{
    // For a look at the layout; nothing is compared.
    QTest::qWait(100); // palette and style changes are posted events
    QDir().mkpath(QStringLiteral(KINORA_SCREENSHOT_DIR));
    QVERIFY(widget->grab().save(QStringLiteral(KINORA_SCREENSHOT_DIR "/") + name));
}

void TestLibraryPages::signIn(App::AppContext &context)
{
    context.auth()->signIn(QStringLiteral("fan"), QStringLiteral("a long enough passphrase"));
    QTRY_VERIFY_WITH_TIMEOUT(context.auth()->isSignedIn(), 20000);
}

void TestLibraryPages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<Tests::ServerProcess>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_seed = std::make_unique<Tests::CatalogSeed>(m_server.get());
    QVERIFY2(m_seed->registerUser(QStringLiteral("maker"), &m_creator, &error), qPrintable(error));
    QVERIFY2(m_seed->registerUser(QStringLiteral("fan"), &m_fan, &error), qPrintable(error));
    for (const QString &title : m_titles) {
        const QString id = m_seed->createVideo(m_creator, {{QStringLiteral("title"), title}}, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QVERIFY2(m_seed->markReady(m_creator, id, 60000, &error), qPrintable(error));
        m_videos.append(id);
        QTest::qWait(5); // distinct publish times
    }
    const auto video = m_http.get(m_server->url(QStringLiteral("/api/v1/videos/") + m_videos.first()));
    m_channelId = video.json().value(QLatin1String("video")).toObject().value(QLatin1String("channel")).toObject()
                      .value(QLatin1String("id")).toString();
    QVERIFY(!m_channelId.isEmpty());

    // The fan watched the first two (the second last), liked the third, saved
    // the second for later and made a playlist of all three.
    for (int i : {0, 1}) {
        QCOMPARE(call("PUT", QStringLiteral("/api/v1/users/me/history/") + m_videos.at(i),
                      {{QStringLiteral("positionMs"), 20000}}).status, 200);
        QTest::qWait(5);
    }
    QCOMPARE(call("PUT", QStringLiteral("/api/v1/videos/%1/rating").arg(m_videos.at(2)),
                  {{QStringLiteral("rating"), QStringLiteral("like")}}).status, 200);
    const QString watchLater = call("GET", QStringLiteral("/api/v1/users/me/watch-later"))
                                   .json().value(QLatin1String("playlist")).toObject().value(QLatin1String("id")).toString();
    QVERIFY(!watchLater.isEmpty());
    QCOMPARE(call("POST", QStringLiteral("/api/v1/playlists/%1/items").arg(watchLater),
                  {{QStringLiteral("videoId"), m_videos.at(1)}}).status, 201);
    const auto playlist = call("POST", QStringLiteral("/api/v1/playlists"),
                               {{QStringLiteral("title"), QStringLiteral("Favourites")}, {QStringLiteral("visibility"), QStringLiteral("private")}});
    QCOMPARE(playlist.status, 201);
    m_playlistId = playlist.json().value(QLatin1String("playlist")).toObject().value(QLatin1String("id")).toString();
    for (const QString &id : std::as_const(m_videos))
        QCOMPARE(call("POST", QStringLiteral("/api/v1/playlists/%1/items").arg(m_playlistId),
                      {{QStringLiteral("videoId"), id}}).status, 201);
}

void TestLibraryPages::gridArrowKeysMoveTheFocus()
{
    Core::ApiClient api;
    api.setBaseUrl(m_server->baseUrl());
    Core::CatalogClient catalog(&api);
    App::VideoGrid grid(&catalog, nullptr);
    grid.setLoader([](const QString &, QObject *context, App::VideoGrid::PageCallback done) {
        QTimer::singleShot(0, context, [done] {
            Core::VideoPage page;
            for (int i = 0; i < 10; ++i) {
                Core::VideoSummary video;
                video.id = QStringLiteral("v%1").arg(i);
                video.title = QStringLiteral("Video %1").arg(i);
                page.items.append(video);
            }
            done(page, Core::ApiError());
        });
    });
    grid.resize(1000, 700);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    grid.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&grid));
    QTRY_COMPARE(grid.cards().size(), 10);
    const int columns = grid.columnCount();
    QVERIFY2(columns >= 2 && columns < 10, qPrintable(QString::number(columns)));
    const QList<App::VideoCard *> cards = grid.cards();
    // The layout agrees: a row's cards share their top, the next row is below.
    QCOMPARE(cards.at(1)->y(), cards.at(0)->y());
    QVERIFY(cards.at(columns)->y() > cards.at(0)->y());
    QCOMPARE(cards.at(columns)->x(), cards.at(0)->x());

    auto press = [](Qt::Key key) { QTest::keyClick(QApplication::focusWidget(), key); };
    cards.at(0)->setFocus();
    QTRY_VERIFY(cards.at(0)->hasFocus());
    press(Qt::Key_Right);
    QVERIFY(cards.at(1)->hasFocus());
    press(Qt::Key_Down);
    QVERIFY(cards.at(1 + columns)->hasFocus());
    press(Qt::Key_Left);
    QVERIFY(cards.at(columns)->hasFocus());
    press(Qt::Key_Left); // from a row's first card to the end of the row above
    QVERIFY(cards.at(columns - 1)->hasFocus());
    press(Qt::Key_Up); // nothing above the first row: the focus stays
    QVERIFY(cards.at(columns - 1)->hasFocus());
    press(Qt::Key_End);
    QVERIFY(cards.at(9)->hasFocus());
    press(Qt::Key_Down); // nothing below
    QVERIFY(cards.at(9)->hasFocus());
    press(Qt::Key_Right);
    QVERIFY(cards.at(9)->hasFocus());
    press(Qt::Key_Home);
    QVERIFY(cards.at(0)->hasFocus());
    press(Qt::Key_Up);
    QVERIFY(cards.at(0)->hasFocus());

    // Enter and Space open the focused card.
    QSignalSpy activated(&grid, &App::VideoGrid::videoActivated);
    press(Qt::Key_Down);
    press(Qt::Key_Return);
    press(Qt::Key_Space);
    QCOMPARE(activated.size(), 2);
    QCOMPARE(activated.at(0).at(0).value<Core::VideoSummary>().id, QStringLiteral("v%1").arg(columns));

    // In list mode every card is a row of its own.
    grid.setLayoutMode(App::VideoCard::Layout::List);
    QCOMPARE(grid.columnCount(), 1);
    cards.at(2)->setFocus();
    press(Qt::Key_Down);
    QVERIFY(cards.at(3)->hasFocus());
    press(Qt::Key_Up);
    press(Qt::Key_Up);
    QVERIFY(cards.at(1)->hasFocus());
}

void TestLibraryPages::libraryTabsShowTheViewersData()
{
    Core::MemoryCredentialStore store;
    App::AppContext context(newSettings(QStringLiteral("library")), &store, m_server->baseUrl());
    Core::CatalogClient catalog(context.api());
    Core::LibraryClient library(context.api());
    App::ThumbnailCache thumbnails(m_dir.filePath(QStringLiteral("thumbs-library")));
    App::LibraryPage page(&catalog, &library, context.auth(), &thumbnails);
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&page));

    // Signed out: only the way to sign in.
    QVERIFY(page.isSignedOutStateShown());
    QVERIFY(page.signInButton()->isVisible());
    saveScreenshot(&page, QStringLiteral("library-signed-out.png"));
    QVERIFY(!page.tabs()->isVisible());
    QSignalSpy signInRequested(&page, &App::LibraryPage::signInRequested);
    QTest::mouseClick(page.signInButton(), Qt::LeftButton);
    QCOMPARE(signInRequested.size(), 1);

    signIn(context);
    QVERIFY(!page.isSignedOutStateShown());
    QVERIFY(page.tabs()->isVisible());

    // History: most recent first.
    QCOMPARE(page.currentTab(), App::LibraryPage::Tab::History);
    App::VideoGrid *history = page.historyGrid();
    QTRY_COMPARE_WITH_TIMEOUT(titles(history->cards()), (QStringList{m_titles.at(1), m_titles.at(0)}), 20000);
    saveScreenshot(&page, QStringLiteral("library-history.png"));

    // Liked.
    page.setCurrentTab(App::LibraryPage::Tab::Liked);
    QTRY_COMPARE_WITH_TIMEOUT(titles(page.likedGrid()->cards()), QStringList{m_titles.at(2)}, 20000);

    // Watch later.
    page.setCurrentTab(App::LibraryPage::Tab::WatchLater);
    QTRY_COMPARE_WITH_TIMEOUT(page.watchLaterView()->videoIds(), QStringList{m_videos.at(1)}, 20000);
    QCOMPARE(page.watchLaterView()->list()->count(), 1);
    QVERIFY(page.watchLaterView()->list()->item(0)->text().contains(m_titles.at(1)));

    // Playlists: the list, then one opened.
    page.setCurrentTab(App::LibraryPage::Tab::Playlists);
    App::PlaylistsPanel *playlists = page.playlistsPanel();
    QTRY_COMPARE_WITH_TIMEOUT(playlists->list()->count(), 1, 20000);
    QVERIFY(playlists->list()->item(0)->text().startsWith(QStringLiteral("Favourites")));
    QVERIFY(playlists->list()->item(0)->text().contains(QStringLiteral("3 videos")));
    playlists->list()->setCurrentRow(0);
    QTest::keyClick(playlists->list(), Qt::Key_Return);
    QTRY_VERIFY(playlists->isPlaylistOpen());
    App::PlaylistView *view = playlists->view();
    QTRY_COMPARE_WITH_TIMEOUT(view->videoIds(), m_videos, 20000);
    saveScreenshot(&page, QStringLiteral("library-playlist.png"));

    // Ctrl+Down moves the first video one place down, on the server too.
    QListWidget *items = view->list();
    items->setFocus();
    items->setCurrentRow(0);
    QTest::keyClick(items, Qt::Key_Down, Qt::ControlModifier);
    const QStringList moved{m_videos.at(1), m_videos.at(0), m_videos.at(2)};
    QTRY_COMPARE_WITH_TIMEOUT(view->videoIds(), moved, 20000);
    QTRY_VERIFY(!view->isBusy());
    QCOMPARE(items->currentRow(), 1);
    QCOMPARE(serverList(QStringLiteral("/api/v1/playlists/%1/items").arg(m_playlistId), QStringLiteral("videoId")), moved);
    // Ctrl+Up brings it back.
    QTest::keyClick(items, Qt::Key_Up, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(view->videoIds(), m_videos, 20000);
    QTRY_VERIFY(!view->isBusy());
    QCOMPARE(serverList(QStringLiteral("/api/v1/playlists/%1/items").arg(m_playlistId), QStringLiteral("videoId")), m_videos);

    // Back to the list: create one, rename it through its dialog, delete it after the confirmation.
    QTest::mouseClick(playlists->findChild<QToolButton *>(QStringLiteral("playlistsBackButton")), Qt::LeftButton);
    QVERIFY(!playlists->isPlaylistOpen());
    playlists->createPlaylist(QStringLiteral("Evening"));
    QTRY_COMPARE_WITH_TIMEOUT(playlists->playlists().size(), 2, 20000);
    QTRY_VERIFY(playlists->list()->currentItem() && playlists->list()->currentItem()->text().startsWith(QStringLiteral("Evening")));
    QTest::mouseClick(playlists->findChild<QPushButton *>(QStringLiteral("renamePlaylistButton")), Qt::LeftButton);
    QInputDialog *nameDialog = nullptr;
    QTRY_VERIFY((nameDialog = playlists->findChild<QInputDialog *>(QStringLiteral("playlistNameDialog"))) && nameDialog->isVisible());
    QCOMPARE(nameDialog->textValue(), QStringLiteral("Evening"));
    nameDialog->setTextValue(QStringLiteral("Late evening"));
    nameDialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(playlists->list()->currentItem()->text().startsWith(QStringLiteral("Late evening")), 20000);
    QTest::mouseClick(playlists->findChild<QPushButton *>(QStringLiteral("deletePlaylistButton")), Qt::LeftButton);
    QMessageBox *deleteBox = nullptr;
    QTRY_VERIFY((deleteBox = playlists->findChild<QMessageBox *>(QStringLiteral("deletePlaylistConfirmation"))) && deleteBox->isVisible());
    QTest::mouseClick(deleteBox->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(playlists->playlists().size(), 1, 20000);
    QCOMPARE(playlists->playlists().first().id, m_playlistId);
    QCOMPARE(serverList(QStringLiteral("/api/v1/users/me/playlists"), QStringLiteral("title")).size(), 2); // Favourites and Watch later

    // History again: Delete on a card removes it.
    page.activateWindow(); // the dialogs had the focus
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.setCurrentTab(App::LibraryPage::Tab::History);
    QTRY_COMPARE_WITH_TIMEOUT(history->cards().size(), 2, 20000);
    App::VideoCard *latest = history->cards().first();
    latest->setFocus();
    QTRY_VERIFY(latest->hasFocus());
    QTest::keyClick(latest, Qt::Key_Delete);
    QTRY_COMPARE_WITH_TIMEOUT(titles(history->cards()), QStringList{m_titles.at(0)}, 20000);
    QCOMPARE(serverList(QStringLiteral("/api/v1/users/me/history"), QStringLiteral("id")), QStringList{m_videos.at(0)});

    // Clear history asks first; Cancel keeps it.
    QTest::mouseClick(page.clearHistoryButton(), Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = page.findChild<QMessageBox *>(QStringLiteral("clearHistoryConfirmation"))) && box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!page.findChild<QMessageBox *>(QStringLiteral("clearHistoryConfirmation")));
    QTest::qWait(200);
    QCOMPARE(history->cards().size(), 1);
    QCOMPARE(serverList(QStringLiteral("/api/v1/users/me/history"), QStringLiteral("id")).size(), 1);
    // Confirmed, the list empties.
    QTest::mouseClick(page.clearHistoryButton(), Qt::LeftButton);
    QTRY_VERIFY((box = page.findChild<QMessageBox *>(QStringLiteral("clearHistoryConfirmation"))) && box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(history->cards().isEmpty() && history->statusText() == QStringLiteral("Videos you watch appear here."),
                             20000);
    QVERIFY(serverList(QStringLiteral("/api/v1/users/me/history"), QStringLiteral("id")).isEmpty());

    // Signing out hides everything of the account.
    context.auth()->signOut();
    QTRY_VERIFY_WITH_TIMEOUT(page.isSignedOutStateShown(), 20000);
    QVERIFY(page.likedGrid()->cards().isEmpty());
}

void TestLibraryPages::channelPageListsVideosAndSubscribes()
{
    Core::MemoryCredentialStore store;
    App::AppContext context(newSettings(QStringLiteral("channel")), &store, m_server->baseUrl());
    Core::CatalogClient catalog(context.api());
    App::ThumbnailCache thumbnails(m_dir.filePath(QStringLiteral("thumbs-channel")));
    App::ChannelPage page(&catalog, context.auth(), &thumbnails);
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.open(m_channelId, QStringLiteral("maker"));
    QCOMPARE(page.nameText(), QStringLiteral("maker"));
    QTRY_COMPARE_WITH_TIMEOUT(titles(page.grid()->cards()), (QStringList{m_titles.at(2), m_titles.at(1), m_titles.at(0)}),
                              20000);
    QTRY_VERIFY_WITH_TIMEOUT(page.channel().createdAt.isValid(), 20000);
    QTRY_COMPARE(page.subscriberText(), QStringLiteral("0 subscribers"));
    saveScreenshot(&page, QStringLiteral("channel.png"));
    QTest::mouseClick(page.sortButton(App::ChannelPage::Sort::Popular), Qt::LeftButton);
    QCOMPARE(page.sort(), App::ChannelPage::Sort::Popular);
    QTRY_COMPARE_WITH_TIMEOUT(page.grid()->cards().size(), 3, 20000);

    // Signed out, Subscribe asks to sign in.
    QSignalSpy signInRequested(&page, &App::ChannelPage::signInRequested);
    QVERIFY(page.subscribeButton()->isVisible());
    QTest::mouseClick(page.subscribeButton(), Qt::LeftButton);
    QCOMPARE(signInRequested.size(), 1);
    QVERIFY(!page.subscribeButton()->isChecked());

    signIn(context);
    QTRY_VERIFY(page.subscribeButton()->isEnabled());
    QTest::mouseClick(page.subscribeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page.subscription().subscribed, 20000);
    QCOMPARE(page.subscriberText(), QStringLiteral("1 subscriber"));
    QCOMPARE(page.subscribeButton()->text(), QStringLiteral("Subscribed"));
    QCOMPARE(m_http.get(m_server->url(QStringLiteral("/api/v1/channels/") + m_channelId))
                 .json().value(QLatin1String("channel")).toObject().value(QLatin1String("subscriberCount")).toInt(),
             1);
    // And back.
    QTRY_VERIFY(page.subscribeButton()->isEnabled());
    QTest::mouseClick(page.subscribeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page.subscription().subscribed, 20000);
    QCOMPARE(page.subscriberText(), QStringLiteral("0 subscribers"));
}

void TestLibraryPages::channelFromACardInTheMainWindow()
{
    Core::MemoryCredentialStore store;
    App::AppContext context(newSettings(QStringLiteral("window")), &store, m_server->baseUrl());
    App::MainWindow window(&context);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setCurrentPage(App::MainWindow::Page::Home);
    App::VideoGrid *grid = window.homePage()->grid();
    QTRY_COMPARE_WITH_TIMEOUT(grid->cards().size(), 3, 20000);

    // A click on the channel's name opens the channel, not the video.
    App::VideoCard *card = grid->cards().first();
    const QRect channel = card->channelRect();
    QVERIFY(!channel.isEmpty());
    QTest::mouseClick(card, Qt::LeftButton, {}, channel.center());
    QVERIFY(window.isShowingChannel());
    QVERIFY(!window.isWatching());
    QCOMPARE(window.channelPage()->channelId(), m_channelId);
    QTRY_COMPARE_WITH_TIMEOUT(window.channelPage()->grid()->cards().size(), 3, 20000);

    // The Library entry of the sidebar shows the library page (signed out).
    window.setCurrentPage(App::MainWindow::Page::Library);
    auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
    QCOMPARE(stack->currentWidget(), window.libraryPage());
    QVERIFY(window.libraryPage()->isSignedOutStateShown());

    // Back on Home, open the channel again; Esc returns to Home.
    window.setCurrentPage(App::MainWindow::Page::Home);
    QTest::mouseClick(grid->cards().first(), Qt::LeftButton, {}, grid->cards().first()->channelRect().center());
    QVERIFY(window.isShowingChannel());
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    window.channelPage()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!window.isShowingChannel());
    QCOMPARE(stack->currentWidget(), window.homePage());

    // From the watch page: the channel's name opens the channel, Back returns
    // to the same video, and Back again to Home.
    QTest::mouseClick(grid->cards().first(), Qt::LeftButton);
    QVERIFY(window.isWatching());
    App::WatchPage *watch = window.watchPage();
    const QString videoId = watch->video().id;
    auto *channelLink = watch->findChild<QLabel *>(QStringLiteral("channelName"));
    QVERIFY(channelLink->text().contains(QStringLiteral("<a href")));
    Q_EMIT channelLink->linkActivated(QStringLiteral("channel"));
    QVERIFY(window.isShowingChannel());
    QCOMPARE(window.channelPage()->channelId(), m_channelId);
    window.channelPage()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(window.isWatching());
    QCOMPARE(watch->video().id, videoId);
    watch->likeButton()->setFocus();
    QTest::keyClick(watch->likeButton(), Qt::Key_Escape);
    QVERIFY(!window.isWatching());
    QCOMPARE(stack->currentWidget(), window.homePage());

    // Save to Watch later from the watch page, once signed in.
    QTest::mouseClick(grid->cards().at(0), Qt::LeftButton);
    QVERIFY(window.isWatching());
    auto *save = watch->findChild<App::SaveVideoButton *>();
    QVERIFY(save && save->isVisible());
    signIn(context);
    QSignalSpy saved(save, &App::SaveVideoButton::saveFinished);
    save->saveToWatchLater();
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 20000);
    QCOMPARE(saved.first().first().toString(), QStringLiteral("Saved to “Watch later”."));
    const QString watchLater = call("GET", QStringLiteral("/api/v1/users/me/watch-later"))
                                   .json().value(QLatin1String("playlist")).toObject().value(QLatin1String("id")).toString();
    QVERIFY(serverList(QStringLiteral("/api/v1/playlists/%1/items").arg(watchLater), QStringLiteral("videoId"))
                .contains(watch->video().id));
    window.close();
}

QTEST_MAIN(TestLibraryPages)
#include "tst_librarypages.moc"
