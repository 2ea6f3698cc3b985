// LibraryClient against the real kinora-server: the watch history (list,
// pages, remove one, clear), liked videos after a like, a playlist's life
// (create, rename, three items, reorder, remove, delete), watch later (add,
// refuse a duplicate, remove by video), and another user who can neither
// see nor change a private playlist.
#include "catalogseed.h"

#include "core/net/apiclient.h"
#include "core/net/catalogclient.h"
#include "core/net/libraryclient.h"
#include "tests/support/serverprocess.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Kinora;

namespace {

template<typename T>
struct Result
{
    bool done = false;
    T value{};
    Core::ApiError error;
    bool ok() const { return done && error.code.isEmpty(); }
};

// Runs one asynchronous call and waits for its callback.
template<typename T, typename Call>
Result<T> run(Call call)
{
    auto result = std::make_shared<Result<T>>();
    QObject context;
    call(&context, [result](const T &value, const Core::ApiError &error) {
        result->done = true;
        result->value = value;
        result->error = error;
    });
    if (!QTest::qWaitFor([result] { return result->done; }, 20000))
        qWarning("no answer within 20 s");
    return *result;
}

// The same for calls that only report success or an error.
template<typename Call>
Result<bool> runDone(Call call)
{
    auto result = std::make_shared<Result<bool>>();
    QObject context;
    call(&context, [result](const Core::ApiError &error) {
        result->done = true;
        result->value = error.code.isEmpty();
        result->error = error;
    });
    if (!QTest::qWaitFor([result] { return result->done; }, 20000))
        qWarning("no answer within 20 s");
    return *result;
}

QStringList videoIds(const QList<Core::VideoSummary> &videos)
{
    QStringList list;
    for (const Core::VideoSummary &video : videos)
        list.append(video.id);
    return list;
}

QStringList entryIds(const QList<Core::WatchEntry> &entries)
{
    QStringList list;
    for (const Core::WatchEntry &entry : entries)
        list.append(entry.video.id);
    return list;
}

QStringList itemVideoIds(const QList<Core::PlaylistItem> &items)
{
    QStringList list;
    for (const Core::PlaylistItem &item : items)
        list.append(item.videoId);
    return list;
}

} // namespace

class TestLibraryClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void historyListRemoveClear();
    void likedVideosAfterALike();
    void playlistLifecycle();
    void watchLaterAddRemove();
    void privatePlaylistOfAnotherUser();

private:
    std::unique_ptr<Core::ApiClient> clientFor(const Tests::CatalogSeed::Account &account);
    Result<Core::PlaylistItemPage> items(Core::LibraryClient &library, const QString &playlistId);

    QTemporaryDir m_dir;
    std::unique_ptr<Tests::ServerProcess> m_server;
    std::unique_ptr<Tests::CatalogSeed> m_seed;
    Tests::CatalogSeed::Account m_alice;
    Tests::CatalogSeed::Account m_bob;
    Tests::CatalogSeed::Account m_carol;
    QStringList m_videos;
};

std::unique_ptr<Core::ApiClient> TestLibraryClient::clientFor(const Tests::CatalogSeed::Account &account)
{
    auto client = std::make_unique<Core::ApiClient>();
    client->setBaseUrl(m_server->baseUrl());
    if (!account.accessToken.isEmpty())
        client->setTokens(account.accessToken, account.refreshToken);
    return client;
}

Result<Core::PlaylistItemPage> TestLibraryClient::items(Core::LibraryClient &library, const QString &playlistId)
{
    return run<Core::PlaylistItemPage>(
        [&](QObject *context, auto done) { library.playlistItems(playlistId, QString(), 100, context, done); });
}

void TestLibraryClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<Tests::ServerProcess>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_seed = std::make_unique<Tests::CatalogSeed>(m_server.get());
    QVERIFY2(m_seed->registerUser(QStringLiteral("alice"), &m_alice, &error), qPrintable(error));
    QVERIFY2(m_seed->registerUser(QStringLiteral("bob"), &m_bob, &error), qPrintable(error));
    QVERIFY2(m_seed->registerUser(QStringLiteral("carol"), &m_carol, &error), qPrintable(error));
    for (const char *title : {"First light", "Second wind", "Third act"}) {
        const QString id = m_seed->createVideo(m_alice, {{QStringLiteral("title"), QString::fromLatin1(title)}}, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QVERIFY2(m_seed->markReady(m_alice, id, 60000, &error), qPrintable(error));
        m_videos.append(id);
    }
}

void TestLibraryClient::historyListRemoveClear()
{
    auto api = clientFor(m_bob);
    Core::CatalogClient catalog(api.get());
    Core::LibraryClient library(api.get());
    for (const QString &id : std::as_const(m_videos)) {
        const auto entry = run<Core::WatchEntry>(
            [&](QObject *context, auto done) { catalog.recordProgress(id, 10000, context, done); });
        QVERIFY2(entry.ok(), qPrintable(entry.error.message));
        QTest::qWait(5); // distinct watch times
    }
    const QStringList newestFirst{m_videos.at(2), m_videos.at(1), m_videos.at(0)};
    auto history = run<Core::WatchEntryPage>([&](QObject *context, auto done) { library.history(QString(), 0, context, done); });
    QVERIFY2(history.ok(), qPrintable(history.error.message));
    QCOMPARE(entryIds(history.value.items), newestFirst);
    QCOMPARE(history.value.items.first().positionMs, 10000);
    QVERIFY(!history.value.hasMore());

    // Pages of two.
    history = run<Core::WatchEntryPage>([&](QObject *context, auto done) { library.history(QString(), 2, context, done); });
    QCOMPARE(history.value.items.size(), 2);
    QVERIFY(history.value.hasMore());
    const QString cursor = history.value.nextCursor;
    history = run<Core::WatchEntryPage>([&](QObject *context, auto done) { library.history(cursor, 2, context, done); });
    QCOMPARE(entryIds(history.value.items), QStringList{m_videos.at(0)});
    QVERIFY(!history.value.hasMore());

    // Remove one; removing it again is 404.
    auto removed = runDone([&](QObject *context, auto done) { library.removeFromHistory(m_videos.at(1), context, done); });
    QVERIFY2(removed.ok(), qPrintable(removed.error.message));
    removed = runDone([&](QObject *context, auto done) { library.removeFromHistory(m_videos.at(1), context, done); });
    QVERIFY(removed.done && !removed.ok());
    QCOMPARE(removed.error.httpStatus, 404);
    history = run<Core::WatchEntryPage>([&](QObject *context, auto done) { library.history(QString(), 0, context, done); });
    QCOMPARE(entryIds(history.value.items), (QStringList{m_videos.at(2), m_videos.at(0)}));

    // Clear all.
    const auto cleared = runDone([&](QObject *context, auto done) { library.clearHistory(context, done); });
    QVERIFY2(cleared.ok(), qPrintable(cleared.error.message));
    history = run<Core::WatchEntryPage>([&](QObject *context, auto done) { library.history(QString(), 0, context, done); });
    QVERIFY(history.ok());
    QVERIFY(history.value.items.isEmpty());

    // Signed out: 401.
    auto anonymous = clientFor({});
    Core::LibraryClient nobody(anonymous.get());
    history = run<Core::WatchEntryPage>([&](QObject *context, auto done) { nobody.history(QString(), 0, context, done); });
    QCOMPARE(history.error.httpStatus, 401);
}

void TestLibraryClient::likedVideosAfterALike()
{
    auto api = clientFor(m_carol);
    Core::CatalogClient catalog(api.get());
    Core::LibraryClient library(api.get());
    auto liked = run<Core::VideoPage>([&](QObject *context, auto done) { library.likedVideos(QString(), 0, context, done); });
    QVERIFY2(liked.ok(), qPrintable(liked.error.message));
    QVERIFY(liked.value.items.isEmpty());

    for (const QString &id : {m_videos.at(0), m_videos.at(2)}) {
        const auto rating = run<Core::RatingState>([&](QObject *context, auto done) {
            catalog.setRating(id, Core::RatingState::Rating::Like, context, done);
        });
        QVERIFY2(rating.ok(), qPrintable(rating.error.message));
        QTest::qWait(5); // distinct like times
    }
    // A dislike is not a like.
    QVERIFY(run<Core::RatingState>([&](QObject *context, auto done) {
                catalog.setRating(m_videos.at(1), Core::RatingState::Rating::Dislike, context, done);
            }).ok());
    liked = run<Core::VideoPage>([&](QObject *context, auto done) { library.likedVideos(QString(), 0, context, done); });
    QVERIFY2(liked.ok(), qPrintable(liked.error.message));
    QCOMPARE(videoIds(liked.value.items), (QStringList{m_videos.at(2), m_videos.at(0)}));
    QCOMPARE(liked.value.items.first().title, QStringLiteral("Third act"));

    // Pages of one.
    liked = run<Core::VideoPage>([&](QObject *context, auto done) { library.likedVideos(QString(), 1, context, done); });
    QCOMPARE(videoIds(liked.value.items), QStringList{m_videos.at(2)});
    const QString cursor = liked.value.nextCursor;
    QVERIFY(!cursor.isEmpty());
    liked = run<Core::VideoPage>([&](QObject *context, auto done) { library.likedVideos(cursor, 1, context, done); });
    QCOMPARE(videoIds(liked.value.items), QStringList{m_videos.at(0)});

    // Taking the like back takes it off the list.
    QVERIFY(run<Core::RatingState>([&](QObject *context, auto done) {
                catalog.setRating(m_videos.at(0), Core::RatingState::Rating::None, context, done);
            }).ok());
    liked = run<Core::VideoPage>([&](QObject *context, auto done) { library.likedVideos(QString(), 0, context, done); });
    QCOMPARE(videoIds(liked.value.items), QStringList{m_videos.at(2)});
}

void TestLibraryClient::playlistLifecycle()
{
    auto api = clientFor(m_bob);
    Core::LibraryClient library(api.get());
    const auto created = run<Core::PlaylistSummary>([&](QObject *context, auto done) {
        library.createPlaylist(QStringLiteral("Road trip"), QStringLiteral("For the car"), QStringLiteral("private"),
                               context, done);
    });
    QVERIFY2(created.ok(), qPrintable(created.error.message));
    const QString id = created.value.id;
    QCOMPARE(created.value.title, QStringLiteral("Road trip"));
    QCOMPARE(created.value.description, QStringLiteral("For the car"));
    QCOMPARE(created.value.visibility, QStringLiteral("private"));
    QVERIFY(!created.value.isWatchLater());
    QCOMPARE(created.value.ownerId, m_bob.id);

    const auto renamed = run<Core::PlaylistSummary>(
        [&](QObject *context, auto done) { library.renamePlaylist(id, QStringLiteral("Road trip 2026"), context, done); });
    QVERIFY2(renamed.ok(), qPrintable(renamed.error.message));
    QCOMPARE(renamed.value.title, QStringLiteral("Road trip 2026"));
    QCOMPARE(run<Core::PlaylistSummary>([&](QObject *context, auto done) { library.playlist(id, context, done); }).value.title,
             QStringLiteral("Road trip 2026"));
    const auto invalid = run<Core::PlaylistSummary>(
        [&](QObject *context, auto done) { library.renamePlaylist(id, QString(151, QLatin1Char('x')), context, done); });
    QCOMPARE(invalid.error.httpStatus, 422);

    // Three items, in the order they were added.
    QStringList itemIds;
    for (const QString &video : std::as_const(m_videos)) {
        const auto item = run<Core::PlaylistItem>(
            [&](QObject *context, auto done) { library.addToPlaylist(id, video, -1, context, done); });
        QVERIFY2(item.ok(), qPrintable(item.error.message));
        QCOMPARE(item.value.videoId, video);
        QVERIFY(item.value.isAvailable());
        itemIds.append(item.value.id);
    }
    auto page = items(library, id);
    QVERIFY2(page.ok(), qPrintable(page.error.message));
    QCOMPARE(itemVideoIds(page.value.items), m_videos);
    QCOMPARE(page.value.items.at(2).position, 2);
    QCOMPARE(page.value.items.at(0).video.title, QStringLiteral("First light"));

    // The third to the top, then the (now) first one place down.
    auto moved = runDone([&](QObject *context, auto done) { library.moveItem(id, itemIds.at(2), 0, context, done); });
    QVERIFY2(moved.ok(), qPrintable(moved.error.message));
    QCOMPARE(itemVideoIds(items(library, id).value.items),
             (QStringList{m_videos.at(2), m_videos.at(0), m_videos.at(1)}));
    moved = runDone([&](QObject *context, auto done) { library.moveItem(id, itemIds.at(2), 1, context, done); });
    QVERIFY(moved.ok());
    QCOMPARE(itemVideoIds(items(library, id).value.items),
             (QStringList{m_videos.at(0), m_videos.at(2), m_videos.at(1)}));

    // Remove the first.
    const auto removed = runDone([&](QObject *context, auto done) { library.removeFromPlaylist(id, itemIds.at(0), context, done); });
    QVERIFY2(removed.ok(), qPrintable(removed.error.message));
    page = items(library, id);
    QCOMPARE(itemVideoIds(page.value.items), (QStringList{m_videos.at(2), m_videos.at(1)}));
    QCOMPARE(page.value.items.at(0).position, 0);
    QCOMPARE(run<Core::PlaylistSummary>([&](QObject *context, auto done) { library.playlist(id, context, done); }).value.itemCount,
             2);

    // It is among the user's playlists until deleted.
    auto mine = run<Core::PlaylistPage>([&](QObject *context, auto done) { library.myPlaylists(QString(), 0, context, done); });
    QVERIFY2(mine.ok(), qPrintable(mine.error.message));
    QStringList mineIds;
    for (const Core::PlaylistSummary &playlist : std::as_const(mine.value.items))
        mineIds.append(playlist.id);
    QVERIFY(mineIds.contains(id));
    const auto deleted = runDone([&](QObject *context, auto done) { library.deletePlaylist(id, context, done); });
    QVERIFY2(deleted.ok(), qPrintable(deleted.error.message));
    const auto gone = run<Core::PlaylistSummary>([&](QObject *context, auto done) { library.playlist(id, context, done); });
    QCOMPARE(gone.error.httpStatus, 404);
}

void TestLibraryClient::watchLaterAddRemove()
{
    auto api = clientFor(m_carol);
    Core::LibraryClient library(api.get());
    const auto added = run<Core::PlaylistItem>(
        [&](QObject *context, auto done) { library.addToWatchLater(m_videos.at(1), context, done); });
    QVERIFY2(added.ok(), qPrintable(added.error.message));
    QCOMPARE(added.value.videoId, m_videos.at(1));
    const auto again = run<Core::PlaylistItem>(
        [&](QObject *context, auto done) { library.addToWatchLater(m_videos.at(1), context, done); });
    QCOMPARE(again.error.code, QStringLiteral("already_in_playlist"));

    const auto list = run<Core::PlaylistSummary>([&](QObject *context, auto done) { library.watchLater(context, done); });
    QVERIFY2(list.ok(), qPrintable(list.error.message));
    QVERIFY(list.value.isWatchLater());
    QCOMPARE(list.value.itemCount, 1);
    QCOMPARE(itemVideoIds(items(library, list.value.id).value.items), QStringList{m_videos.at(1)});
    // It cannot be renamed or deleted.
    QCOMPARE(run<Core::PlaylistSummary>([&](QObject *context, auto done) {
                 library.renamePlaylist(list.value.id, QStringLiteral("Mine"), context, done);
             }).error.code,
             QStringLiteral("watch_later"));
    QCOMPARE(runDone([&](QObject *context, auto done) { library.deletePlaylist(list.value.id, context, done); }).error.code,
             QStringLiteral("watch_later"));

    const auto removed = runDone(
        [&](QObject *context, auto done) { library.removeFromWatchLater(m_videos.at(1), context, done); });
    QVERIFY2(removed.ok(), qPrintable(removed.error.message));
    QVERIFY(items(library, list.value.id).value.items.isEmpty());
    const auto missing = runDone(
        [&](QObject *context, auto done) { library.removeFromWatchLater(m_videos.at(1), context, done); });
    QCOMPARE(missing.error.code, QStringLiteral("not_found"));
}

void TestLibraryClient::privatePlaylistOfAnotherUser()
{
    auto bobApi = clientFor(m_bob);
    Core::LibraryClient bob(bobApi.get());
    const auto created = run<Core::PlaylistSummary>([&](QObject *context, auto done) {
        bob.createPlaylist(QStringLiteral("Secret list"), QString(), QStringLiteral("private"), context, done);
    });
    QVERIFY2(created.ok(), qPrintable(created.error.message));
    const QString id = created.value.id;
    const auto item = run<Core::PlaylistItem>(
        [&](QObject *context, auto done) { bob.addToPlaylist(id, m_videos.at(0), -1, context, done); });
    QVERIFY2(item.ok(), qPrintable(item.error.message));

    auto carolApi = clientFor(m_carol);
    Core::LibraryClient carol(carolApi.get());
    auto refused = [](const Core::ApiError &error) { return error.httpStatus == 403 || error.httpStatus == 404; };
    QCOMPARE(run<Core::PlaylistSummary>([&](QObject *context, auto done) { carol.playlist(id, context, done); }).error.httpStatus,
             404);
    QCOMPARE(items(carol, id).error.httpStatus, 404);
    QVERIFY(refused(run<Core::PlaylistSummary>([&](QObject *context, auto done) {
                        carol.renamePlaylist(id, QStringLiteral("Mine now"), context, done);
                    }).error));
    QVERIFY(refused(run<Core::PlaylistItem>([&](QObject *context, auto done) {
                        carol.addToPlaylist(id, m_videos.at(1), -1, context, done);
                    }).error));
    QVERIFY(refused(runDone([&](QObject *context, auto done) { carol.moveItem(id, item.value.id, 0, context, done); }).error));
    QVERIFY(refused(
        runDone([&](QObject *context, auto done) { carol.removeFromPlaylist(id, item.value.id, context, done); }).error));
    QVERIFY(refused(runDone([&](QObject *context, auto done) { carol.deletePlaylist(id, context, done); }).error));
    // Nor is it among hers.
    const auto hers = run<Core::PlaylistPage>([&](QObject *context, auto done) { carol.myPlaylists(QString(), 0, context, done); });
    QVERIFY(hers.ok());
    for (const Core::PlaylistSummary &playlist : hers.value.items)
        QVERIFY(playlist.id != id);

    // Nothing changed for its owner.
    const auto after = run<Core::PlaylistSummary>([&](QObject *context, auto done) { bob.playlist(id, context, done); });
    QCOMPARE(after.value.title, QStringLiteral("Secret list"));
    QCOMPARE(itemVideoIds(items(bob, id).value.items), QStringList{m_videos.at(0)});
    // Signed out, the same.
    auto anonymousApi = clientFor({});
    Core::LibraryClient nobody(anonymousApi.get());
    QCOMPARE(items(nobody, id).error.httpStatus, 404);
}

QTEST_GUILESS_MAIN(TestLibraryClient)
#include "tst_libraryclient.moc"
