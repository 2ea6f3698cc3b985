// CatalogClient against the real kinora-server: paginated lists, a video,
// search with suggestions and filters, channel, ratings, subscriptions and
// the subscription feed, and a comment thread between two users (post,
// reply, edit, delete), with the API's errors where they belong.
#include "catalogseed.h"

#include "core/net/apiclient.h"
#include "core/net/catalogclient.h"
#include "tests/support/serverprocess.h"

#include <QTcpServer>
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

QStringList ids(const QList<Core::VideoSummary> &videos)
{
    QStringList list;
    for (const Core::VideoSummary &video : videos)
        list.append(video.id);
    return list;
}

} // namespace

class TestCatalogClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listPagesAndVideo();
    void searchSuggestAndFilters();
    void ratingSubscriptionAndFeed();
    void commentThreadBetweenTwoUsers();
    void errors();

private:
    std::unique_ptr<Core::ApiClient> clientFor(const Tests::CatalogSeed::Account &account);

    QTemporaryDir m_dir;
    std::unique_ptr<Tests::ServerProcess> m_server;
    std::unique_ptr<Tests::CatalogSeed> m_seed;
    Tests::CatalogSeed::Account m_alice;
    Tests::CatalogSeed::Account m_bob;
    QString m_aurora;
    QString m_harbour;
    QString m_draft;
};

std::unique_ptr<Core::ApiClient> TestCatalogClient::clientFor(const Tests::CatalogSeed::Account &account)
{
    auto client = std::make_unique<Core::ApiClient>();
    client->setBaseUrl(m_server->baseUrl());
    if (!account.accessToken.isEmpty())
        client->setTokens(account.accessToken, account.refreshToken);
    return client;
}

void TestCatalogClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<Tests::ServerProcess>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_seed = std::make_unique<Tests::CatalogSeed>(m_server.get());
    QVERIFY2(m_seed->registerUser(QStringLiteral("alice"), &m_alice, &error), qPrintable(error));
    QVERIFY2(m_seed->registerUser(QStringLiteral("bob"), &m_bob, &error), qPrintable(error));

    m_aurora = m_seed->createVideo(m_alice,
                                   {{QStringLiteral("title"), QStringLiteral("Aurora borealis timelapse")},
                                    {QStringLiteral("description"), QStringLiteral("Northern lights over https://example.org")},
                                    {QStringLiteral("category"), QStringLiteral("travel")}},
                                   &error);
    QVERIFY2(!m_aurora.isEmpty(), qPrintable(error));
    m_harbour = m_seed->createVideo(m_alice, {{QStringLiteral("title"), QStringLiteral("Harbour at dawn")}}, &error);
    QVERIFY2(!m_harbour.isEmpty(), qPrintable(error));
    m_draft = m_seed->createVideo(m_alice, {{QStringLiteral("title"), QStringLiteral("Aurora draft, unfinished")}}, &error);
    QVERIFY2(!m_draft.isEmpty(), qPrintable(error));
    QVERIFY2(m_seed->markReady(m_alice, m_aurora, 4000, &error), qPrintable(error));
    QTest::qWait(20); // distinct publish times
    QVERIFY2(m_seed->markReady(m_alice, m_harbour, 30 * 60 * 1000, &error), qPrintable(error));
}

void TestCatalogClient::listPagesAndVideo()
{
    auto api = clientFor({});
    Core::CatalogClient catalog(api.get());

    Core::VideoListQuery query;
    query.limit = 1;
    QStringList seen;
    QString cursor;
    int pages = 0;
    do {
        query.cursor = cursor;
        const auto page = run<Core::VideoPage>([&](QObject *context, auto done) { catalog.listVideos(query, context, done); });
        QVERIFY2(page.ok(), qPrintable(page.error.message));
        QVERIFY(page.value.items.size() <= 1);
        seen += ids(page.value.items);
        cursor = page.value.nextCursor;
        QVERIFY(++pages < 10);
    } while (!cursor.isEmpty());
    // Newest first; the draft is not listed to anyone but its owner.
    QCOMPARE(seen, (QStringList{m_harbour, m_aurora}));

    const auto video = run<Core::VideoSummary>([&](QObject *context, auto done) { catalog.video(m_aurora, context, done); });
    QVERIFY2(video.ok(), qPrintable(video.error.message));
    QCOMPARE(video.value.id, m_aurora);
    QCOMPARE(video.value.title, QStringLiteral("Aurora borealis timelapse"));
    QCOMPARE(video.value.ownerId, m_alice.id);
    QVERIFY(!video.value.channelId.isEmpty());
    QCOMPARE(video.value.channelName.isEmpty(), false);
    QCOMPARE(video.value.durationMs, 4000);
    QCOMPARE(video.value.state, QStringLiteral("ready"));
    QVERIFY(video.value.publishedAt.isValid());
    QVERIFY(qAbs(video.value.publishedAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);
    QCOMPARE(catalog.posterUrl(video.value), m_server->url(QStringLiteral("/media/videos/%1/thumbs/poster.jpg").arg(m_aurora)));
    QCOMPARE(catalog.playbackUrl(video.value), m_server->url(QStringLiteral("/media/videos/%1/master.m3u8").arg(m_aurora)));

    const auto hidden = run<Core::VideoSummary>([&](QObject *context, auto done) { catalog.video(m_draft, context, done); });
    QVERIFY(hidden.done);
    QCOMPARE(hidden.error.httpStatus, 404);
    QCOMPARE(hidden.error.code, QStringLiteral("not_found"));

    // The channel and its videos.
    const auto channel = run<Core::ChannelSummary>([&](QObject *context, auto done) {
        catalog.channel(video.value.channelId, context, done);
    });
    QVERIFY2(channel.ok(), qPrintable(channel.error.message));
    QCOMPARE(channel.value.ownerId, m_alice.id);
    const auto channelVideos = run<Core::VideoPage>([&](QObject *context, auto done) {
        Core::VideoListQuery popular;
        popular.sort = Core::VideoListQuery::Sort::Popular;
        catalog.channelVideos(video.value.channelId, popular, context, done);
    });
    QVERIFY2(channelVideos.ok(), qPrintable(channelVideos.error.message));
    const QStringList channelIds = ids(channelVideos.value.items);
    QCOMPARE(QSet<QString>(channelIds.begin(), channelIds.end()), (QSet<QString>{m_aurora, m_harbour}));

    // The owner sees the draft.
    auto aliceApi = clientFor(m_alice);
    Core::CatalogClient aliceCatalog(aliceApi.get());
    const auto own = run<Core::VideoSummary>([&](QObject *context, auto done) { aliceCatalog.video(m_draft, context, done); });
    QVERIFY2(own.ok(), qPrintable(own.error.message));
    QCOMPARE(own.value.state, QStringLiteral("draft"));
}

void TestCatalogClient::searchSuggestAndFilters()
{
    auto api = clientFor({});
    Core::CatalogClient catalog(api.get());
    Core::VideoSearchQuery query;
    query.text = QStringLiteral("aurora");
    auto found = run<Core::VideoPage>([&](QObject *context, auto done) { catalog.search(query, context, done); });
    QVERIFY2(found.ok(), qPrintable(found.error.message));
    QCOMPARE(ids(found.value.items), QStringList{m_aurora}); // not the unlisted draft

    // A description word, with characters that must be encoded.
    query.text = QStringLiteral("northern & \"lights\" +");
    found = run<Core::VideoPage>([&](QObject *context, auto done) { catalog.search(query, context, done); });
    QVERIFY2(found.ok(), qPrintable(found.error.message));
    QCOMPARE(ids(found.value.items), QStringList{m_aurora});

    query.text = QStringLiteral("aurora");
    query.duration = QStringLiteral("long");
    found = run<Core::VideoPage>([&](QObject *context, auto done) { catalog.search(query, context, done); });
    QVERIFY2(found.ok(), qPrintable(found.error.message));
    QVERIFY(found.value.items.isEmpty());
    query.duration = QStringLiteral("short");
    query.date = QStringLiteral("today");
    query.category = QStringLiteral("travel");
    query.sort = Core::VideoSearchQuery::Sort::Views;
    found = run<Core::VideoPage>([&](QObject *context, auto done) { catalog.search(query, context, done); });
    QVERIFY2(found.ok(), qPrintable(found.error.message));
    QCOMPARE(ids(found.value.items), QStringList{m_aurora});

    query = {};
    query.text = QStringLiteral("dawn");
    query.duration = QStringLiteral("long");
    query.sort = Core::VideoSearchQuery::Sort::Date;
    found = run<Core::VideoPage>([&](QObject *context, auto done) { catalog.search(query, context, done); });
    QVERIFY2(found.ok(), qPrintable(found.error.message));
    QCOMPARE(ids(found.value.items), QStringList{m_harbour});

    query.duration = QStringLiteral("forever");
    found = run<Core::VideoPage>([&](QObject *context, auto done) { catalog.search(query, context, done); });
    QCOMPARE(found.error.httpStatus, 422);
    QCOMPARE(found.error.code, QStringLiteral("validation_failed"));

    const auto suggestions = run<QStringList>([&](QObject *context, auto done) {
        catalog.suggest(QStringLiteral("auro"), 5, context, done);
    });
    QVERIFY2(suggestions.ok(), qPrintable(suggestions.error.message));
    QCOMPARE(suggestions.value, QStringList{QStringLiteral("Aurora borealis timelapse")});

    const auto categories = run<QStringList>([&](QObject *context, auto done) { catalog.categories(context, done); });
    QVERIFY2(categories.ok(), qPrintable(categories.error.message));
    QVERIFY(categories.value.contains(QStringLiteral("travel")));
}

void TestCatalogClient::ratingSubscriptionAndFeed()
{
    auto bobApi = clientFor(m_bob);
    Core::CatalogClient bob(bobApi.get());
    auto aliceApi = clientFor(m_alice);
    Core::CatalogClient alice(aliceApi.get());

    auto rating = run<Core::RatingState>([&](QObject *context, auto done) { bob.rating(m_aurora, context, done); });
    QVERIFY2(rating.ok(), qPrintable(rating.error.message));
    QCOMPARE(rating.value.rating, Core::RatingState::Rating::None);
    QCOMPARE(rating.value.likeCount, 0);

    rating = run<Core::RatingState>([&](QObject *context, auto done) {
        bob.setRating(m_aurora, Core::RatingState::Rating::Like, context, done);
    });
    QVERIFY2(rating.ok(), qPrintable(rating.error.message));
    QCOMPARE(rating.value.rating, Core::RatingState::Rating::Like);
    QCOMPARE(rating.value.likeCount, 1);
    rating = run<Core::RatingState>([&](QObject *context, auto done) {
        alice.setRating(m_aurora, Core::RatingState::Rating::Dislike, context, done);
    });
    QVERIFY2(rating.ok(), qPrintable(rating.error.message));
    QCOMPARE(rating.value.likeCount, 1);
    QCOMPARE(rating.value.dislikeCount, 1);
    rating = run<Core::RatingState>([&](QObject *context, auto done) { bob.rating(m_aurora, context, done); });
    QCOMPARE(rating.value.rating, Core::RatingState::Rating::Like);
    rating = run<Core::RatingState>([&](QObject *context, auto done) {
        bob.setRating(m_aurora, Core::RatingState::Rating::None, context, done);
    });
    QVERIFY2(rating.ok(), qPrintable(rating.error.message));
    QCOMPARE(rating.value.rating, Core::RatingState::Rating::None);
    QCOMPARE(rating.value.likeCount, 0);
    QCOMPARE(rating.value.dislikeCount, 1);

    const auto video = run<Core::VideoSummary>([&](QObject *context, auto done) { bob.video(m_aurora, context, done); });
    QVERIFY(video.ok());
    const QString channelId = video.value.channelId;

    auto subscription = run<Core::SubscriptionState>([&](QObject *context, auto done) {
        bob.subscription(channelId, context, done);
    });
    QVERIFY2(subscription.ok(), qPrintable(subscription.error.message));
    QVERIFY(!subscription.value.subscribed);
    subscription = run<Core::SubscriptionState>([&](QObject *context, auto done) {
        bob.setSubscribed(channelId, true, context, done);
    });
    QVERIFY2(subscription.ok(), qPrintable(subscription.error.message));
    QVERIFY(subscription.value.subscribed);
    QCOMPARE(subscription.value.subscriberCount, 1);
    const auto channel = run<Core::ChannelSummary>([&](QObject *context, auto done) { bob.channel(channelId, context, done); });
    QCOMPARE(channel.value.subscriberCount, 1);

    const auto feed = run<Core::VideoPage>([&](QObject *context, auto done) { bob.subscriptionFeed({}, 10, context, done); });
    QVERIFY2(feed.ok(), qPrintable(feed.error.message));
    QCOMPARE(ids(feed.value.items), (QStringList{m_harbour, m_aurora}));
    const auto watching = run<Core::WatchEntryPage>([&](QObject *context, auto done) {
        bob.continueWatching({}, 10, context, done);
    });
    QVERIFY2(watching.ok(), qPrintable(watching.error.message));
    QVERIFY(watching.value.items.isEmpty());
    // Half of the long video watched: it is to be continued.
    const auto recorded = run<Core::WatchEntry>([&](QObject *context, auto done) {
        bob.recordProgress(m_harbour, 15 * 60 * 1000, context, done);
    });
    QVERIFY2(recorded.ok(), qPrintable(recorded.error.message));
    QCOMPARE(recorded.value.video.id, m_harbour);
    QCOMPARE(recorded.value.positionMs, 15 * 60 * 1000);
    const auto continuing = run<Core::WatchEntryPage>([&](QObject *context, auto done) {
        bob.continueWatching({}, 10, context, done);
    });
    QVERIFY2(continuing.ok(), qPrintable(continuing.error.message));
    QCOMPARE(continuing.value.items.size(), 1);
    QCOMPARE(continuing.value.items.first().video.id, m_harbour);
    QCOMPARE(continuing.value.items.first().positionMs, 15 * 60 * 1000);
    QVERIFY(continuing.value.items.first().watchedAt.isValid());

    // Nobody subscribes to their own channel.
    const auto own = run<Core::SubscriptionState>([&](QObject *context, auto done) {
        alice.setSubscribed(channelId, true, context, done);
    });
    QCOMPARE(own.error.httpStatus, 422);

    subscription = run<Core::SubscriptionState>([&](QObject *context, auto done) {
        bob.setSubscribed(channelId, false, context, done);
    });
    QVERIFY2(subscription.ok(), qPrintable(subscription.error.message));
    QVERIFY(!subscription.value.subscribed);
    QCOMPARE(subscription.value.subscriberCount, 0);
}

void TestCatalogClient::commentThreadBetweenTwoUsers()
{
    auto bobApi = clientFor(m_bob);
    Core::CatalogClient bob(bobApi.get());
    auto aliceApi = clientFor(m_alice);
    Core::CatalogClient alice(aliceApi.get());

    const auto posted = run<Core::VideoComment>([&](QObject *context, auto done) {
        bob.postComment(m_harbour, QStringLiteral("Lovely light."), QString(), context, done);
    });
    QVERIFY2(posted.ok(), qPrintable(posted.error.message));
    QCOMPARE(posted.value.body, QStringLiteral("Lovely light."));
    QCOMPARE(posted.value.authorId, m_bob.id);
    QVERIFY(posted.value.parentId.isEmpty());
    QVERIFY(!posted.value.editedAt.isValid());

    const auto reply = run<Core::VideoComment>([&](QObject *context, auto done) {
        alice.postComment(m_harbour, QStringLiteral("Thank you!"), posted.value.id, context, done);
    });
    QVERIFY2(reply.ok(), qPrintable(reply.error.message));
    QCOMPARE(reply.value.parentId, posted.value.id);

    const auto list = run<Core::CommentPage>([&](QObject *context, auto done) {
        alice.comments(m_harbour, {}, 10, context, done);
    });
    QVERIFY2(list.ok(), qPrintable(list.error.message));
    QCOMPARE(list.value.items.size(), 1);
    QCOMPARE(list.value.items.first().id, posted.value.id);
    QCOMPARE(list.value.items.first().replyCount, 1);
    QVERIFY(!list.value.hasMore());

    const auto replies = run<Core::CommentPage>([&](QObject *context, auto done) {
        bob.replies(posted.value.id, {}, 10, context, done);
    });
    QVERIFY2(replies.ok(), qPrintable(replies.error.message));
    QCOMPARE(replies.value.items.size(), 1);
    QCOMPARE(replies.value.items.first().body, QStringLiteral("Thank you!"));
    QCOMPARE(replies.value.items.first().authorId, m_alice.id);

    // Only the author edits.
    const auto refused = run<Core::VideoComment>([&](QObject *context, auto done) {
        alice.editComment(posted.value.id, QStringLiteral("Hijacked"), context, done);
    });
    QCOMPARE(refused.error.httpStatus, 403);
    QCOMPARE(refused.error.code, QStringLiteral("forbidden"));
    const auto edited = run<Core::VideoComment>([&](QObject *context, auto done) {
        bob.editComment(posted.value.id, QStringLiteral("Lovely light at dawn."), context, done);
    });
    QVERIFY2(edited.ok(), qPrintable(edited.error.message));
    QCOMPARE(edited.value.body, QStringLiteral("Lovely light at dawn."));
    QVERIFY(edited.value.editedAt.isValid());

    // An empty body is refused by the server.
    const auto empty = run<Core::VideoComment>([&](QObject *context, auto done) {
        bob.postComment(m_harbour, QString(), QString(), context, done);
    });
    QCOMPARE(empty.error.httpStatus, 422);

    auto deleted = std::make_shared<std::optional<Core::ApiError>>();
    QObject context;
    bob.deleteComment(posted.value.id, &context, [deleted](const Core::ApiError &error) { *deleted = error; });
    QTRY_VERIFY_WITH_TIMEOUT(deleted->has_value(), 20000);
    QVERIFY2((*deleted)->code.isEmpty(), qPrintable((*deleted)->message));
    const auto after = run<Core::CommentPage>([&](QObject *ctx, auto done) { bob.comments(m_harbour, {}, 10, ctx, done); });
    QVERIFY2(after.ok(), qPrintable(after.error.message));
    QVERIFY(after.value.items.isEmpty());
}

void TestCatalogClient::errors()
{
    // Signed out: rating needs a token.
    auto api = clientFor({});
    Core::CatalogClient catalog(api.get());
    const auto rating = run<Core::RatingState>([&](QObject *context, auto done) {
        catalog.setRating(m_aurora, Core::RatingState::Rating::Like, context, done);
    });
    QCOMPARE(rating.error.httpStatus, 401);
    QCOMPARE(rating.error.code, QStringLiteral("unauthorized"));

    // No server: a network error, reported once.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    const auto page = run<Core::VideoPage>([&](QObject *context, auto done) { catalog.listVideos({}, context, done); });
    QVERIFY(page.done);
    QVERIFY(page.error.isNetworkError());
    QCOMPARE(page.error.code, QStringLiteral("network_error"));

    // The callback is not run once its context is gone.
    api->setBaseUrl(m_server->baseUrl());
    bool called = false;
    {
        QObject context;
        catalog.listVideos({}, &context, [&called](const Core::VideoPage &, const Core::ApiError &) { called = true; });
    }
    QTest::qWait(500);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestCatalogClient)
#include "tst_catalogclient.moc"
