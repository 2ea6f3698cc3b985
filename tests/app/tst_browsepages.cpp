// The viewer's screens against the real kinora-server, with a video made
// ready from a transcoded 4 s clip: Home shows the cards of the ready public
// videos (thumbnails loaded, drafts absent), Search finds one through the
// type-ahead of a title prefix and shows an empty state, and the main window
// opens a card on the Watch page, which plays it (libmpv, vo=null), asks a
// signed-out viewer to sign in when they like, toggles the like count,
// subscribes, posts a comment, and goes back with Esc.
#include "catalogseed.h"

#include "app/appcontext.h"
#include "app/browse/commentsection.h"
#include "app/browse/commentview.h"
#include "app/browse/homepage.h"
#include "app/browse/searchpage.h"
#include "app/browse/thumbnailcache.h"
#include "app/browse/videocard.h"
#include "app/browse/videogrid.h"
#include "app/browse/watchpage.h"
#include "app/mainwindow.h"
#include "app/signindialog.h"
#include "app/themecontroller.h"
#include "core/net/apiclient.h"
#include "core/net/authservice.h"
#include "core/net/catalogclient.h"
#include "core/net/memorycredentialstore.h"
#include "player/mpv/mpvhlsplayer.h"
#include "tests/support/serverprocess.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTimer>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Kinora;

class TestBrowsePages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void gridLoadsMoreNearTheBottom();
    void homeShowsReadyPublicVideos();
    void searchFindsByTitlePrefix();
    void watchPageFromMainWindow();

private:
    QSettings *newSettings(const QString &name);
    static QStringList titles(const QList<App::VideoCard *> &cards);
    static void saveScreenshot(QWidget *widget, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<Tests::ServerProcess> m_server;
    std::unique_ptr<Tests::CatalogSeed> m_seed;
    Tests::CatalogSeed::Account m_creator;
    QString m_videoId;
    const QString m_title = QStringLiteral("Kinetic sculpture in the park");
    const QString m_otherTitle = QStringLiteral("Quiet river");
};

QSettings *TestBrowsePages::newSettings(const QString &name)
{
    return new QSettings(m_dir.filePath(name + QStringLiteral(".ini")), QSettings::IniFormat, this);
}

QStringList TestBrowsePages::titles(const QList<App::VideoCard *> &cards)
{
    QStringList list;
    for (App::VideoCard *card : cards)
        list.append(card->video().title);
    return list;
}

void TestBrowsePages::saveScreenshot(QWidget *widget, const QString &name)
{
    // For a look at the layout; nothing is compared.
    QTest::qWait(100); // palette and style changes are posted events
    QDir().mkpath(QStringLiteral(KINORA_SCREENSHOT_DIR));
    QVERIFY(widget->grab().save(QStringLiteral(KINORA_SCREENSHOT_DIR "/") + name));
}

void TestBrowsePages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty(), "ffmpeg CLI needed");
    m_server = std::make_unique<Tests::ServerProcess>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_seed = std::make_unique<Tests::CatalogSeed>(m_server.get());
    QVERIFY2(m_seed->registerUser(QStringLiteral("maker"), &m_creator, &error), qPrintable(error));
    Tests::CatalogSeed::Account viewer;
    QVERIFY2(m_seed->registerUser(QStringLiteral("viewer"), &viewer, &error), qPrintable(error));

    m_videoId = m_seed->createVideo(m_creator,
                                    {{QStringLiteral("title"), m_title},
                                     {QStringLiteral("description"), QStringLiteral("Moving parts.\nMore at https://example.org/sculpture")}},
                                    &error);
    QVERIFY2(!m_videoId.isEmpty(), qPrintable(error));
    QVERIFY2(m_seed->transcode(m_videoId, m_dir.path(), &error), qPrintable(error));
    QVERIFY2(m_seed->markReady(m_creator, m_videoId, 4000, &error), qPrintable(error));

    const QString other = m_seed->createVideo(m_creator, {{QStringLiteral("title"), m_otherTitle}}, &error);
    QVERIFY2(!other.isEmpty(), qPrintable(error));
    QVERIFY2(m_seed->markReady(m_creator, other, 90000, &error), qPrintable(error));
    const QString draft = m_seed->createVideo(m_creator, {{QStringLiteral("title"), QStringLiteral("Unfinished draft")}}, &error);
    QVERIFY2(!draft.isEmpty(), qPrintable(error));
}

void TestBrowsePages::gridLoadsMoreNearTheBottom()
{
    // A loader of five pages of ten videos, answering after a short delay.
    Core::ApiClient api;
    api.setBaseUrl(m_server->baseUrl());
    Core::CatalogClient catalog(&api);
    App::ThumbnailCache thumbnails(m_dir.filePath(QStringLiteral("thumbs-grid")));
    App::VideoGrid grid(&catalog, &thumbnails);
    QStringList cursors;
    grid.setLoader([&cursors](const QString &cursor, QObject *context, App::VideoGrid::PageCallback done) {
        cursors.append(cursor);
        const int page = cursor.isEmpty() ? 0 : cursor.toInt();
        QTimer::singleShot(20, context, [page, done] {
            Core::VideoPage result;
            for (int i = 0; i < 10; ++i) {
                Core::VideoSummary video;
                video.id = QStringLiteral("v%1").arg(page * 10 + i);
                video.title = QStringLiteral("Video %1").arg(page * 10 + i);
                result.items.append(video);
            }
            result.nextCursor = page < 4 ? QString::number(page + 1) : QString();
            done(result, Core::ApiError());
        });
    });
    grid.resize(800, 600);
    grid.show();
    QVERIFY(QTest::qWaitForWindowExposed(&grid));
    // Pages load until the view is filled, and no further.
    QTRY_VERIFY(!grid.isLoading() && grid.cards().size() >= 10);
    QTest::qWait(200);
    const int filled = int(grid.cards().size());
    QVERIFY(filled < 50);
    QVERIFY(grid.hasMore());
    QCOMPARE(cursors.first(), QString());
    // Only the cards in view asked for their thumbnail.
    QVERIFY(grid.cards().first()->isThumbnailRequested());
    QVERIFY(!grid.cards().last()->isThumbnailRequested());

    // Scrolling to the bottom loads the next page, until the last.
    for (int i = 0; i < 10 && grid.hasMore(); ++i) {
        const int before = int(grid.cards().size());
        grid.verticalScrollBar()->setValue(grid.verticalScrollBar()->maximum());
        QTRY_VERIFY(grid.cards().size() > before || !grid.hasMore());
    }
    QTRY_COMPARE(grid.cards().size(), 50);
    QVERIFY(!grid.hasMore());
    QCOMPARE(cursors, (QStringList{QString(), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3"),
                                   QStringLiteral("4")}));
    // Enter on a focused card activates it.
    QSignalSpy activated(&grid, &App::VideoGrid::videoActivated);
    grid.cards().at(3)->setFocus();
    QTest::keyClick(grid.cards().at(3), Qt::Key_Enter);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().value<Core::VideoSummary>().id, QStringLiteral("v3"));
}

void TestBrowsePages::homeShowsReadyPublicVideos()
{
    Core::MemoryCredentialStore store;
    App::AppContext context(newSettings(QStringLiteral("home")), &store, m_server->baseUrl());
    Core::CatalogClient catalog(context.api());
    App::ThumbnailCache thumbnails(m_dir.filePath(QStringLiteral("thumbs-home")));
    App::HomePage home(&catalog, context.auth(), &thumbnails);
    home.resize(1280, 720);
    home.show();
    QVERIFY(QTest::qWaitForWindowExposed(&home));

    App::VideoGrid *grid = home.grid();
    QTRY_COMPARE_WITH_TIMEOUT(grid->cards().size(), 2, 15000);
    QCOMPARE(titles(grid->cards()), (QStringList{m_otherTitle, m_title})); // newest first, no draft
    App::VideoCard *card = grid->cards().last();
    QCOMPARE(card->video().id, m_videoId);
    QCOMPARE(card->video().durationMs, 4000);
    QVERIFY(card->isVisible());
    QVERIFY(card->width() > 0 && card->height() > card->width() * 9 / 16);
    // Visible cards fetch their poster from the media route, which the transcode wrote.
    QTRY_VERIFY_WITH_TIMEOUT(card->hasThumbnail(), 15000);
    QVERIFY(thumbnails.networkRequestCount() >= 1);
    saveScreenshot(&home, QStringLiteral("browse-home.png"));
    QVERIFY(grid->statusText().isEmpty());
    QVERIFY(!grid->hasMore());

    // Signed out: no personal sections.
    QVERIFY(!home.sectionButton(App::HomePage::Section::Subscriptions)->isVisible());
    QVERIFY(!home.sectionButton(App::HomePage::Section::ContinueWatching)->isVisible());
    context.auth()->signIn(QStringLiteral("viewer"), QStringLiteral("a long enough passphrase"));
    QTRY_VERIFY_WITH_TIMEOUT(context.auth()->isSignedIn(), 20000);
    QVERIFY(home.sectionButton(App::HomePage::Section::Subscriptions)->isVisible());
    QVERIFY(home.sectionButton(App::HomePage::Section::ContinueWatching)->isVisible());

    // The subscriptions feed is empty for a new viewer: the empty state shows.
    QTest::mouseClick(home.sectionButton(App::HomePage::Section::Subscriptions), Qt::LeftButton);
    QCOMPARE(home.section(), App::HomePage::Section::Subscriptions);
    QTRY_COMPARE_WITH_TIMEOUT(grid->statusText(), QStringLiteral("The channels you subscribe to have no videos yet."), 15000);
    QVERIFY(grid->cards().isEmpty());

    // Popular lists the same two videos.
    QTest::mouseClick(home.sectionButton(App::HomePage::Section::Popular), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(grid->cards().size(), 2, 15000);

    // Keyboard: Enter on a focused card activates it.
    QList<Core::VideoSummary> activated;
    connect(&home, &App::HomePage::videoActivated, this, [&](const Core::VideoSummary &video) { activated.append(video); });
    App::VideoCard *first = grid->cards().first();
    first->setFocus();
    QTest::keyClick(first, Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().id, first->video().id);
    QTest::mouseClick(grid->cards().last(), Qt::LeftButton);
    QCOMPARE(activated.size(), 2);
}

void TestBrowsePages::searchFindsByTitlePrefix()
{
    Core::MemoryCredentialStore store;
    App::AppContext context(newSettings(QStringLiteral("search")), &store, m_server->baseUrl());
    Core::CatalogClient catalog(context.api());
    App::ThumbnailCache thumbnails(m_dir.filePath(QStringLiteral("thumbs-search")));
    App::SearchPage search(&catalog, &thumbnails);
    search.resize(1280, 720);
    search.show();
    QVERIFY(QTest::qWaitForWindowExposed(&search));
    App::VideoGrid *grid = search.grid();
    QVERIFY(!grid->statusText().isEmpty()); // the hint before the first search

    // Type-ahead: a prefix of the title brings the title as a suggestion.
    QLineEdit *field = search.searchField();
    field->setFocus();
    QTest::keyClicks(field, QStringLiteral("kinetic scul"));
    QTRY_COMPARE_WITH_TIMEOUT(search.suggestions(), QStringList{m_title}, 10000);
    QAbstractItemView *popup = search.completer()->popup();
    QTRY_VERIFY(popup->isVisible());
    popup->setCurrentIndex(popup->model()->index(0, 0));
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_COMPARE(field->text(), m_title);
    QTRY_COMPARE_WITH_TIMEOUT(titles(grid->cards()), QStringList{m_title}, 15000);

    // Grid/list toggle.
    auto *toggle = search.findChild<QToolButton *>(QStringLiteral("layoutToggle"));
    QVERIFY(toggle);
    const int gridWidth = grid->cards().first()->width();
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(grid->layoutMode(), App::VideoCard::Layout::List);
    QCOMPARE(grid->cards().first()->layoutMode(), App::VideoCard::Layout::List);
    QVERIFY(grid->cards().first()->width() > gridWidth);
    QTest::mouseClick(toggle, Qt::LeftButton);
    QCOMPARE(grid->layoutMode(), App::VideoCard::Layout::Grid);

    // A filter that excludes it: the empty state.
    auto *duration = search.findChild<QComboBox *>(QStringLiteral("durationFilter"));
    QVERIFY(duration);
    duration->setFocus();
    QTest::keyClick(duration, Qt::Key_End);
    QCOMPARE(duration->currentData().toString(), QStringLiteral("long"));
    QTRY_VERIFY_WITH_TIMEOUT(grid->cards().isEmpty() && grid->statusText().startsWith(QStringLiteral("No videos match")),
                             15000);
    QTest::keyClick(duration, Qt::Key_Home);
    QCOMPARE(duration->currentData().toString(), QString());

    // Words that match nothing.
    field->clear();
    QTest::keyClicks(field, QStringLiteral("zebra xylophone"));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(grid->statusText().startsWith(QStringLiteral("No videos match")), 15000);
    QVERIFY(grid->cards().isEmpty());

    // The server refuses an over-long query: the error state with a retry button.
    search.search(QString(201, QLatin1Char('a')));
    QTRY_VERIFY_WITH_TIMEOUT(grid->isErrorShown(), 15000);
    QVERIFY(!grid->statusText().isEmpty());
}

void TestBrowsePages::watchPageFromMainWindow()
{
    Core::MemoryCredentialStore store;
    App::AppContext context(newSettings(QStringLiteral("watch")), &store, m_server->baseUrl());
    App::MainWindow window(&context);
    window.resize(1280, 720);
    window.show();
    window.start();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.setCurrentPage(App::MainWindow::Page::Home);

    App::VideoGrid *grid = window.homePage()->grid();
    QTRY_COMPARE_WITH_TIMEOUT(grid->cards().size(), 2, 15000);
    App::VideoCard *card = nullptr;
    for (App::VideoCard *c : grid->cards()) {
        if (c->video().id == m_videoId)
            card = c;
    }
    QVERIFY(card);
    QTest::mouseClick(card, Qt::LeftButton);
    QVERIFY(window.isWatching());
    App::WatchPage *watch = window.watchPage();
    QVERIFY(watch);
    auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
    QCOMPARE(stack->currentWidget(), watch);
    QCOMPARE(watch->titleText(), m_title);
    // The page opens a playback session first and plays the master URL it returns.
    QTRY_COMPARE_WITH_TIMEOUT(watch->playingUrl(),
                              m_server->url(QStringLiteral("/media/videos/%1/master.m3u8").arg(m_videoId)), 15000);

    // It plays: the transcoded ladder through the player's own HLS engine.
    QVERIFY2(watch->player(), "the player did not start");
    QTRY_VERIFY_WITH_TIMEOUT(watch->player()->position() > 0.5, 30000);

    // The description's link is clickable.
    auto *description = watch->findChild<QLabel *>(QStringLiteral("videoDescription"));
    QVERIFY(description->text().contains(QStringLiteral("<a href=\"https://example.org/sculpture\">")));

    // Signed out: liking asks to sign in and changes nothing.
    QTRY_COMPARE(watch->likeButton()->text(), QStringLiteral("Like 0"));
    QTest::mouseClick(watch->likeButton(), Qt::LeftButton);
    QTRY_VERIFY(window.signInDialog() && window.signInDialog()->isVisible());
    QVERIFY(!watch->likeButton()->isChecked());
    window.signInDialog()->close();
    QTRY_VERIFY(!window.signInDialog());

    context.auth()->signIn(QStringLiteral("viewer"), QStringLiteral("a long enough passphrase"));
    QTRY_VERIFY_WITH_TIMEOUT(context.auth()->isSignedIn(), 20000);

    // Like toggles the count.
    QTest::mouseClick(watch->likeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(watch->likeButton()->text(), QStringLiteral("Like 1"), 10000);
    QVERIFY(watch->likeButton()->isChecked());
    QCOMPARE(watch->rating().rating, Core::RatingState::Rating::Like);
    QTRY_VERIFY(watch->likeButton()->isEnabled());
    QTest::mouseClick(watch->dislikeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(watch->dislikeButton()->text(), QStringLiteral("Dislike 1"), 10000);
    QCOMPARE(watch->likeButton()->text(), QStringLiteral("Like 0"));
    QVERIFY(!watch->likeButton()->isChecked());
    QTRY_VERIFY(watch->dislikeButton()->isEnabled());
    QTest::mouseClick(watch->dislikeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(watch->dislikeButton()->text(), QStringLiteral("Dislike 0"), 10000);

    // Subscribe to the creator's channel.
    QVERIFY(watch->subscribeButton()->isVisible());
    QTest::mouseClick(watch->subscribeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(watch->subscription().subscribed, 10000);
    QCOMPARE(watch->subscription().subscriberCount, 1);
    QCOMPARE(watch->subscribeButton()->text(), QStringLiteral("Subscribed"));

    // A posted comment appears at the top, with the author's actions.
    App::CommentSection *comments = watch->comments();
    QTest::keyClicks(comments->editor(), QStringLiteral("What a lovely machine."));
    QTest::mouseClick(comments->postButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(comments->comments().size(), 1, 10000);
    App::CommentView *comment = comments->comments().first();
    QCOMPARE(comment->bodyText(), QStringLiteral("What a lovely machine."));
    QVERIFY(comments->editor()->toPlainText().isEmpty());
    QVERIFY(comment->editButton()->isVisibleTo(comment));
    QVERIFY(comment->deleteButton()->isVisibleTo(comment));
    // Edited in place.
    comment->saveEdit(QStringLiteral("What a lovely machine!"));
    QTRY_COMPARE_WITH_TIMEOUT(comment->bodyText(), QStringLiteral("What a lovely machine!"), 10000);
    QVERIFY(comment->comment().editedAt.isValid());
    // A reply shows under it.
    comment->postReply(QStringLiteral("Agreed."));
    QTRY_COMPARE_WITH_TIMEOUT(comment->replies().size(), 1, 10000);
    QCOMPARE(comment->replies().first()->bodyText(), QStringLiteral("Agreed."));

    saveScreenshot(&window, QStringLiteral("browse-watch.png"));
    context.theme()->apply(App::ThemeController::Theme::Dark);
    saveScreenshot(&window, QStringLiteral("browse-watch-dark.png"));
    context.theme()->apply(App::ThemeController::Theme::Light);

    // Esc goes back to Home, and playback stops.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    watch->likeButton()->setFocus();
    QTest::keyClick(watch->likeButton(), Qt::Key_Escape);
    QVERIFY(!window.isWatching());
    QCOMPARE(stack->currentWidget(), window.homePage());
    QCOMPARE(window.currentPage(), App::MainWindow::Page::Home);
    QVERIFY(watch->playingUrl().isEmpty());

    // Ctrl+F focuses the search field.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), App::MainWindow::Page::Search);
    QTRY_VERIFY(window.searchPage()->searchField()->hasFocus());
    window.close();
}

QTEST_MAIN(TestBrowsePages)
#include "tst_browsepages.moc"
