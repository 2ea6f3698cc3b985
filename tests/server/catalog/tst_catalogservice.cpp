// Catalog and search services on a real, migrated SQLite file (no sockets).
#include "catalogfixture.h"

#include "server/catalog/pagecursor.h"
#include "server/catalog/videoid.h"
#include "server/storage/migrationrunner.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QTest>

using namespace Kinora::Server;
using namespace Kinora::Server::Catalog;
using Kinora::Tests::CatalogFixture;

class TestCatalogService : public QObject
{
    Q_OBJECT

private:
    static QStringList ids(const QList<Video> &videos)
    {
        QStringList result;
        for (const Video &v : videos)
            result << v.id;
        return result;
    }
    static QStringList searchIds(CatalogFixture &f, const QString &text, const QString &duration = {}, const QString &date = {},
                                 const QString &category = {}, const QString &sort = {})
    {
        Search::SearchService::Parameters p;
        p.text = text;
        p.duration = duration;
        p.date = date;
        p.category = category;
        p.sort = sort;
        p.limit = 50;
        const auto page = f.search->search(p);
        if (!page) {
            qWarning("search failed: %s", qPrintable(page.error().message));
            return {QStringLiteral("<error>")};
        }
        return ids(page->items);
    }

private Q_SLOTS:
    void videoIds()
    {
        QSet<QString> seen;
        for (int i = 0; i < 2000; ++i) {
            const QString id = VideoId::generate();
            QVERIFY2(VideoId::isValid(id), qPrintable(id));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 2000);
        QVERIFY(!VideoId::isValid(QStringLiteral("abc")));
        QVERIFY(!VideoId::isValid(QStringLiteral("abcdefghij!")));
        QVERIFY(!VideoId::isValid(QStringLiteral("../../etc/x")));
    }

    void cursorsAreCheckedAndTyped()
    {
        const QString c = PageCursor::encode(QStringLiteral("newest"), {123, 45});
        QCOMPARE(PageCursor::decode(c, QStringLiteral("newest"), 2).value(), (QList<qint64>{123, 45}));
        QVERIFY(!PageCursor::decode(c, QStringLiteral("popular"), 2));
        QVERIFY(!PageCursor::decode(QStringLiteral("garbage!!"), QStringLiteral("newest"), 2));
    }

    void sqliteMigrationContainsTheGenericOne()
    {
        QFile generic(QStringLiteral(KINORA_SOURCE_DIR "/server/sql/v2_catalog.sql"));
        QFile sqlite(QStringLiteral(KINORA_SOURCE_DIR "/server/sql/v2_catalog.sqlite.sql"));
        QVERIFY(generic.open(QIODevice::ReadOnly));
        QVERIFY(sqlite.open(QIODevice::ReadOnly));
        const QStringList a = Storage::MigrationRunner::splitStatements(QString::fromUtf8(generic.readAll()));
        const QStringList b = Storage::MigrationRunner::splitStatements(QString::fromUtf8(sqlite.readAll()));
        QVERIFY(a.size() > 10);
        for (const QString &statement : a)
            QVERIFY2(b.contains(statement), qPrintable(statement.left(80)));
        QCOMPARE(b.size(), a.size() + 1); // plus the FTS5 table
    }

    void fts5IsAvailable()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        QCOMPARE(f.scalar(QStringLiteral("SELECT sqlite_compileoption_used('ENABLE_FTS5')")), 1);
    }

    void createValidates()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer alice = f.addUser(QStringLiteral("alice"));
        auto create = [&](auto setter) {
            VideoChanges c;
            c.title = QStringLiteral("ok");
            setter(c);
            return f.videos->create(alice, c);
        };
        QCOMPARE(f.videos->create(alice, VideoChanges{}).error().status, 422);
        QCOMPARE(create([](VideoChanges &c) { c.title = QStringLiteral("   "); }).error().status, 422);
        QCOMPARE(create([](VideoChanges &c) { c.title = QString(101, QLatin1Char('x')); }).error().status, 422);
        const auto longest = create([](VideoChanges &c) { c.title = QString(100, QLatin1Char('x')); });
        QVERIFY2(longest.ok(), qPrintable(longest.ok() ? QString() : longest.error().message));
        QCOMPARE(create([](VideoChanges &c) { c.description = QString(5001, QLatin1Char('x')); }).error().status, 422);
        QCOMPARE(create([](VideoChanges &c) { c.tags = QStringList(21, QStringLiteral("t")); }).error().status, 422);
        QCOMPARE(create([](VideoChanges &c) { c.tags = QStringList{QString(31, QLatin1Char('t'))}; }).error().status, 422);
        QCOMPARE(create([](VideoChanges &c) { c.category = QStringLiteral("nope"); }).error().status, 422);
        QCOMPARE(create([](VideoChanges &c) { c.language = QStringLiteral("english!"); }).error().status, 422);
        QCOMPARE(create([](VideoChanges &c) { c.thumbnail = QStringLiteral("7"); }).error().status, 422);
        QCOMPARE(create([](VideoChanges &c) { c.scheduledAtMs = QDateTime::currentMSecsSinceEpoch() - 1000; }).error().status, 422);
        QCOMPARE(f.videos->create(Viewer{}, VideoChanges{}).error().status, 401);

        const auto ok = create([](VideoChanges &c) {
            c.tags = QStringList{QStringLiteral("a"), QStringLiteral(" a "), QStringLiteral("b")};
            c.category = QStringLiteral("music");
            c.language = QStringLiteral("pt-BR");
        });
        QVERIFY(ok.ok());
        QCOMPARE(ok->state, VideoState::Draft);
        QCOMPARE(ok->tags, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(ok->channelName, QStringLiteral("alice"));
        QVERIFY(VideoId::isValid(ok->id));
        const auto back = f.videos->get(ok->id, alice);
        QVERIFY(back.ok());
        QCOMPARE(back->category, QStringLiteral("music"));
        QCOMPARE(back->language, QStringLiteral("pt-BR"));
        QCOMPARE(back->tags, ok->tags);

        // Unknown fields and wrong types are refused by the JSON reader.
        QString error;
        QVERIFY(!VideoChanges::fromJson(QJsonObject{{QStringLiteral("title"), 5}}, &error));
        QVERIFY(error.contains(QLatin1String("title")));
        QVERIFY(!VideoChanges::fromJson(QJsonObject{{QStringLiteral("owner"), QStringLiteral("x")}}, &error));
        QVERIFY(!VideoChanges::fromJson(QJsonObject{{QStringLiteral("visibility"), QStringLiteral("secret")}}, &error));
    }

    void visibilityRules()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer owner = f.addUser(QStringLiteral("owner"));
        const Viewer other = f.addUser(QStringLiteral("other"));
        const Viewer admin = f.addUser(QStringLiteral("boss"), Accounts::Role::Admin);
        const Viewer anonymous;

        VideoChanges fields;
        fields.title = QStringLiteral("a draft");
        fields.visibility = Visibility::Public;
        const Video draft = f.videos->create(owner, fields).value();
        QVERIFY(f.videos->get(draft.id, owner).ok());
        QVERIFY(f.videos->get(draft.id, admin).ok());
        QCOMPARE(f.videos->get(draft.id, other).error().status, 404);  // not ready yet
        QCOMPARE(f.videos->get(draft.id, anonymous).error().status, 404);

        QVERIFY(f.videos->setProcessingState(draft.id, VideoState::Ready, {}, 1000).ok());
        QVERIFY(f.videos->get(draft.id, anonymous).ok());

        VideoChanges unlisted;
        unlisted.visibility = Visibility::Unlisted;
        QVERIFY(f.videos->update(draft.id, owner, unlisted).ok());
        QVERIFY(f.videos->get(draft.id, anonymous).ok());                   // anyone with the id
        VideoListQuery all;
        QVERIFY(f.videos->list(all)->items.isEmpty());                      // but never listed
        QVERIFY(f.search->search({QStringLiteral("draft"), {}, {}, {}, {}, 20, {}})->items.isEmpty());

        VideoChanges hide;
        hide.visibility = Visibility::Private;
        QVERIFY(f.videos->update(draft.id, owner, hide).ok());
        QCOMPARE(f.videos->get(draft.id, anonymous).error().status, 404);
        QCOMPARE(f.videos->get(draft.id, other).error().status, 404);
        QVERIFY(f.videos->get(draft.id, admin).ok());
        QVERIFY(f.videos->get(draft.id, owner).ok());

        // Failed processing keeps the reason and stays hidden from others.
        VideoChanges second;
        second.title = QStringLiteral("broken upload");
        second.visibility = Visibility::Public;
        const Video broken = f.videos->create(owner, second).value();
        const auto failed = f.videos->setProcessingState(broken.id, VideoState::Failed, QStringLiteral("no video stream"));
        QCOMPARE(failed->failureReason, QStringLiteral("no video stream"));
        QCOMPARE(f.videos->get(broken.id, other).error().status, 404);
        QCOMPARE(f.videos->get(broken.id, owner)->state, VideoState::Failed);
    }

    void scheduledPublishing()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer owner = f.addUser(QStringLiteral("owner"));
        const qint64 future = QDateTime::currentMSecsSinceEpoch() + 3'600'000;
        VideoChanges fields;
        fields.title = QStringLiteral("premiere tomorrow");
        fields.visibility = Visibility::Public;
        fields.scheduledAtMs = future;
        const Video video = f.videos->create(owner, fields).value();
        const auto ready = f.videos->setProcessingState(video.id, VideoState::Ready, {}, 5000);
        QCOMPARE(ready->publishedAtMs, future);
        QCOMPARE(f.videos->get(video.id, Viewer{}).error().status, 404);
        QVERIFY(f.videos->list(VideoListQuery{})->items.isEmpty());
        QVERIFY(f.search->search({QStringLiteral("premiere"), {}, {}, {}, {}, 20, {}})->items.isEmpty());
        QVERIFY(f.videos->get(video.id, owner).ok());

        // Moving the schedule before publication moves the publish time.
        VideoChanges later;
        later.scheduledAtMs = future + 60'000;
        QCOMPARE(f.videos->update(video.id, owner, later)->publishedAtMs, future + 60'000);

        // Once the time has come (simulated by moving it), the video appears everywhere.
        QVERIFY(f.exec(QStringLiteral("UPDATE videos SET published_at = ? WHERE id = ?"),
                       {QDateTime::currentMSecsSinceEpoch() - 1000, video.id}));
        QVERIFY(f.videos->get(video.id, Viewer{}).ok());
        QCOMPARE(ids(f.videos->list(VideoListQuery{})->items), QStringList{video.id});
        QCOMPARE(searchIds(f, QStringLiteral("premiere")), QStringList{video.id});
        // ... and its schedule can no longer change.
        QCOMPARE(f.videos->update(video.id, owner, later).error().status, 409);
    }

    void ownershipOnUpdateAndDelete()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer owner = f.addUser(QStringLiteral("owner"));
        const Viewer other = f.addUser(QStringLiteral("other"));
        const Viewer admin = f.addUser(QStringLiteral("boss"), Accounts::Role::Admin);
        const Video video = f.addReadyVideo(owner, QStringLiteral("mine"));
        VideoChanges rename;
        rename.title = QStringLiteral("stolen");
        QCOMPARE(f.videos->update(video.id, other, rename).error().status, 403);
        QCOMPARE(f.videos->remove(video.id, other).error().status, 403);
        QCOMPARE(f.videos->update(video.id, Viewer{}, rename).error().status, 403);
        QCOMPARE(f.videos->get(video.id, owner)->title, QStringLiteral("mine"));
        rename.title = QStringLiteral("renamed by admin");
        QCOMPARE(f.videos->update(video.id, admin, rename)->title, QStringLiteral("renamed by admin"));
        QCOMPARE(f.videos->update(QStringLiteral("AAAAAAAAAAA"), owner, rename).error().status, 404);
        QCOMPARE(f.videos->update(QStringLiteral("../../etc"), owner, rename).error().status, 404);
        VideoChanges empty;
        QVERIFY(f.videos->update(video.id, owner, empty).ok());
    }

    void deleteRemovesRowsIndexAndFiles()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer owner = f.addUser(QStringLiteral("owner"));
        const Video keep = f.addReadyVideo(owner, QStringLiteral("kangaroo keeper"));
        const Video video = f.addReadyVideo(owner, QStringLiteral("kangaroo jumps"));
        const QString folder = f.videos->mediaFolder(video.id);
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/720p")));
        QFile segment(folder + QStringLiteral("/720p/segment0.ts"));
        QVERIFY(segment.open(QIODevice::WriteOnly));
        segment.write("data");
        segment.close();
        QCOMPARE(searchIds(f, QStringLiteral("kangaroo")).size(), 2);

        QVERIFY(f.videos->remove(video.id, owner).ok());
        QVERIFY(!QDir(folder).exists());
        QVERIFY(QDir(f.videos->mediaFolder(QString())).exists() || true);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM videos WHERE id = ?"), {video.id}), 0);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM video_search WHERE rowid = ?"), {-video.seq}), 0);
        QCOMPARE(searchIds(f, QStringLiteral("kangaroo")), QStringList{keep.id});
        QCOMPARE(f.videos->get(video.id, owner).error().status, 404);
        QCOMPARE(f.videos->remove(video.id, owner).error().status, 404);
    }

    void listingsSortAndFilter()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        const Viewer b = f.addUser(QStringLiteral("bert"));
        const Video old = f.addReadyVideo(a, QStringLiteral("old"), {}, {}, QStringLiteral("music"), 1000, 10, 500);
        const Video mid = f.addReadyVideo(b, QStringLiteral("mid"), {}, {}, QStringLiteral("gaming"), 1000, 5, 10);
        const Video fresh = f.addReadyVideo(a, QStringLiteral("fresh"), {}, {}, QStringLiteral("music"), 1000, 1, 100);
        VideoListQuery q;
        QCOMPARE(ids(f.videos->list(q)->items), (QStringList{fresh.id, mid.id, old.id}));
        q.sort = VideoListQuery::Sort::Popular;
        QCOMPARE(ids(f.videos->list(q)->items), (QStringList{old.id, fresh.id, mid.id}));
        q.category = QStringLiteral("music");
        QCOMPARE(ids(f.videos->list(q)->items), (QStringList{old.id, fresh.id}));
        q.category.clear();
        q.channelId = f.channels->ensureForUser(b.userId)->id;
        QCOMPARE(ids(f.videos->list(q)->items), QStringList{mid.id});
        q.channelId = 0;
        q.category = QStringLiteral("unknown");
        QCOMPARE(f.videos->list(q).error().status, 422);
        q.category.clear();
        q.limit = 0;
        QCOMPARE(f.videos->list(q).error().status, 422);
        q.limit = 10;
        q.cursor = QStringLiteral("bogus");
        QCOMPARE(f.videos->list(q).error().status, 422);
        // Drafts show in the owner's own list only.
        VideoChanges draft;
        draft.title = QStringLiteral("draft");
        const Video d = f.videos->create(a, draft).value();
        QCOMPARE(ids(f.videos->listOwn(a, 10, {})->items), (QStringList{d.id, fresh.id, old.id}));
    }

    void paginationVisitsEveryItemOnceWhileInserting()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        QSet<QString> expected;
        for (int i = 0; i < 25; ++i) {
            // Several share a publish time so that the tie-breaker is exercised.
            expected.insert(f.addReadyVideo(a, QStringLiteral("video %1").arg(i), {}, {}, {}, 1000, 2 + (i / 3), i % 4).id);
        }
        for (const auto sort : {VideoListQuery::Sort::Newest, VideoListQuery::Sort::Popular}) {
            QStringList visited;
            VideoListQuery q;
            q.sort = sort;
            q.limit = 4;
            int pages = 0;
            do {
                const auto page = f.videos->list(q);
                QVERIFY(page.ok());
                visited += ids(page->items);
                q.cursor = page->nextCursor;
                // New uploads keep arriving while the client pages (newer, unpopular).
                f.addReadyVideo(a, QStringLiteral("inserted %1").arg(pages), {}, {}, {}, 1000, 0.001, 0);
                QVERIFY(++pages < 50);
            } while (!q.cursor.isEmpty());
            const QSet<QString> unique(visited.cbegin(), visited.cend());
            QCOMPARE(unique.size(), visited.size()); // no duplicates
            QVERIFY(unique.contains(expected));      // every original item
        }
    }

    void searchRanksTitleAboveTagsAboveDescription()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        // Same age and views; inserted in the opposite order of the expected rank.
        const Video inDescription = f.addReadyVideo(a, QStringLiteral("evening walk"), QStringLiteral("we saw a zebra crossing"), {}, {}, 1000, 3, 0);
        const Video inTags = f.addReadyVideo(a, QStringLiteral("savanna trip"), QStringLiteral("long drive"), {QStringLiteral("zebra")}, {}, 1000, 3, 0);
        const Video inTitle = f.addReadyVideo(a, QStringLiteral("zebra herd"), QStringLiteral("long drive"), {}, {}, 1000, 3, 0);
        f.addReadyVideo(a, QStringLiteral("lion pride"), QStringLiteral("no stripes here"), {}, {}, 1000, 3, 0);
        QCOMPARE(searchIds(f, QStringLiteral("zebra")), (QStringList{inTitle.id, inTags.id, inDescription.id}));
        // Case and diacritics do not matter.
        QCOMPARE(searchIds(f, QStringLiteral("ZÉBRA HERD")), QStringList{inTitle.id});
    }

    void searchFreshnessAndPopularityBreakCloseTies()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        const Video old = f.addReadyVideo(a, QStringLiteral("bread baking"), {}, {}, {}, 1000, 300, 0);
        const Video fresh = f.addReadyVideo(a, QStringLiteral("bread baking"), {}, {}, {}, 1000, 1, 0);
        QCOMPARE(searchIds(f, QStringLiteral("bread")), (QStringList{fresh.id, old.id}));
        QVERIFY(f.exec(QStringLiteral("UPDATE videos SET view_count = 1000000 WHERE id = ?"), {old.id}));
        // 1.5x popularity vs. fresh's freshness 1 + 0.5*30/31 = 1.48 against old's 1.045.
        QCOMPARE(searchIds(f, QStringLiteral("bread")), (QStringList{old.id, fresh.id}));
        // But a strong title match beats a popular description match.
        const Video descriptionOnly = f.addReadyVideo(a, QStringLiteral("kitchen tour"), QStringLiteral("sourdough starter and more"), {}, {}, 1000, 1, 5'000'000);
        const Video titleMatch = f.addReadyVideo(a, QStringLiteral("sourdough"), {}, {}, {}, 1000, 300, 0);
        QCOMPARE(searchIds(f, QStringLiteral("sourdough")), (QStringList{titleMatch.id, descriptionOnly.id}));
    }

    void searchFiltersAndSort()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        const Video shortToday = f.addReadyVideo(a, QStringLiteral("otter short"), {}, {}, QStringLiteral("pets"), 3 * 60'000, 0.2, 5);
        const Video mediumWeek = f.addReadyVideo(a, QStringLiteral("otter medium"), {}, {}, QStringLiteral("pets"), 10 * 60'000, 3, 50);
        const Video longMonth = f.addReadyVideo(a, QStringLiteral("otter long"), {}, {}, QStringLiteral("science"), 30 * 60'000, 20, 500);
        const Video oldYear = f.addReadyVideo(a, QStringLiteral("otter archive"), {}, {}, QStringLiteral("science"), 20 * 60'000, 200, 1);
        const Video ancient = f.addReadyVideo(a, QStringLiteral("otter ancient"), {}, {}, QStringLiteral("science"), 4 * 60'000, 800, 2);
        const QString otter = QStringLiteral("otter");
        QCOMPARE(searchIds(f, otter, QStringLiteral("short")), QStringList{shortToday.id});
        QCOMPARE(searchIds(f, otter, QStringLiteral("medium")).size(), 3);
        QVERIFY(searchIds(f, otter, QStringLiteral("medium")).contains(oldYear.id));   // exactly 20 min is medium
        QVERIFY(searchIds(f, otter, QStringLiteral("medium")).contains(ancient.id));   // exactly 4 min is medium
        QCOMPARE(searchIds(f, otter, QStringLiteral("long")), QStringList{longMonth.id});
        QCOMPARE(searchIds(f, otter, {}, QStringLiteral("today")), QStringList{shortToday.id});
        QCOMPARE(searchIds(f, otter, {}, QStringLiteral("week"), {}, QStringLiteral("date")), (QStringList{shortToday.id, mediumWeek.id}));
        QCOMPARE(searchIds(f, otter, {}, QStringLiteral("month"), {}, QStringLiteral("date")), (QStringList{shortToday.id, mediumWeek.id, longMonth.id}));
        QCOMPARE(searchIds(f, otter, {}, QStringLiteral("year")).size(), 4);
        QCOMPARE(searchIds(f, otter, {}, {}, QStringLiteral("science"), QStringLiteral("views")), (QStringList{longMonth.id, ancient.id, oldYear.id}));
        QCOMPARE(searchIds(f, otter, {}, {}, {}, QStringLiteral("date")),
                 (QStringList{shortToday.id, mediumWeek.id, longMonth.id, oldYear.id, ancient.id}));
        QCOMPARE(searchIds(f, otter, {}, {}, {}, QStringLiteral("views")),
                 (QStringList{longMonth.id, mediumWeek.id, shortToday.id, ancient.id, oldYear.id}));

        Search::SearchService::Parameters bad;
        bad.text = otter;
        bad.duration = QStringLiteral("tiny");
        QCOMPARE(f.search->search(bad).error().status, 422);
        bad.duration.clear();
        bad.sort = QStringLiteral("random");
        QCOMPARE(f.search->search(bad).error().status, 422);
        bad.sort.clear();
        bad.text = QString(201, QLatin1Char('a'));
        QCOMPARE(f.search->search(bad).error().status, 422);
        bad.text.clear();
        QCOMPARE(f.search->search(bad).error().status, 422);
    }

    void searchRanksAtMostTheNewestCandidates()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        f.settings.maxSearchCandidates = 3;
        const Viewer a = f.addUser(QStringLiteral("anna"));
        QStringList added;
        for (int i = 0; i < 5; ++i)
            added << f.addReadyVideo(a, QStringLiteral("heron %1").arg(i), {}, {}, {}, 1000, 10 - i, 0).id;
        const QStringList found = searchIds(f, QStringLiteral("heron"));
        QCOMPARE(QSet<QString>(found.cbegin(), found.cend()), (QSet<QString>{added.at(2), added.at(3), added.at(4)}));
        // A more precise query reaches an older video.
        QCOMPARE(searchIds(f, QStringLiteral("heron 0")), QStringList{added.at(0)});
    }

    void searchPagesWithCursor()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        QSet<QString> all;
        for (int i = 0; i < 13; ++i)
            all.insert(f.addReadyVideo(a, QStringLiteral("penguin %1").arg(i), {}, {}, {}, 1000, i + 1, i).id);
        Search::SearchService::Parameters p;
        p.text = QStringLiteral("penguin");
        p.limit = 5;
        QStringList seen;
        int pages = 0;
        do {
            const auto page = f.search->search(p);
            QVERIFY(page.ok());
            seen += ids(page->items);
            p.cursor = page->nextCursor;
            QVERIFY(++pages < 10);
        } while (!p.cursor.isEmpty());
        QCOMPARE(pages, 3);
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()), all);
        QCOMPARE(seen.size(), 13);
    }

    void searchSyntaxFromUsersNeverErrors_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("findsTheVideo");
        QTest::newRow("quote") << QStringLiteral("\"rocket") << true;
        QTest::newRow("column filter") << QStringLiteral("title:rocket") << false; // every word is required, "title" too
        QTest::newRow("unknown column") << QStringLiteral("nosuchcolumn:rocket") << false;
        QTest::newRow("operators") << QStringLiteral("rocket AND OR NOT") << false;
        QTest::newRow("near") << QStringLiteral("NEAR(rocket launch") << false;
        QTest::newRow("launch: rocket") << QStringLiteral("launch: rocket") << true;
        QTest::newRow("star") << QStringLiteral("*") << false;
        QTest::newRow("prefix") << QStringLiteral("rock*") << false;
        QTest::newRow("minus") << QStringLiteral("-rocket") << true;
        QTest::newRow("caret") << QStringLiteral("^rocket") << true;
        QTest::newRow("parentheses") << QStringLiteral("((rocket))") << true;
        QTest::newRow("sql") << QStringLiteral("'; DROP TABLE videos; --") << false;
        QTest::newRow("braces") << QStringLiteral("{title description}: rocket") << false;
        QTest::newRow("plus") << QStringLiteral("rocket + launch") << true;
        QTest::newRow("only punctuation") << QStringLiteral("\"\"\" :: () *") << false;
        QTest::newRow("emoji") << QStringLiteral("🚀 rocket") << true;
    }

    void searchSyntaxFromUsersNeverErrors()
    {
        QFETCH(QString, query);
        QFETCH(bool, findsTheVideo);
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        const Video rocket = f.addReadyVideo(a, QStringLiteral("rocket launch"), QStringLiteral("to orbit"));
        Search::SearchService::Parameters p;
        p.text = query;
        const auto page = f.search->search(p);
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
        QCOMPARE(ids(page->items).contains(rocket.id), findsTheVideo);
        const auto suggestions = f.search->suggest(query, 10);
        QVERIFY2(suggestions.ok(), qPrintable(suggestions.ok() ? QString() : suggestions.error().message));
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM videos")), 1);
    }

    void suggestMatchesPrefixes()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        f.addReadyVideo(a, QStringLiteral("Guitar lesson for beginners"), {}, {}, {}, 1000, 1, 10);
        f.addReadyVideo(a, QStringLiteral("Guitarist interview"), {}, {}, {}, 1000, 1, 500);
        f.addReadyVideo(a, QStringLiteral("Piano lesson"), QStringLiteral("guitar in the description"), {}, {}, 1000, 1, 900);
        VideoChanges hidden;
        hidden.title = QStringLiteral("Guitar secret");
        f.videos->create(a, hidden); // a private draft never suggests
        QCOMPARE(f.search->suggest(QStringLiteral("gui"), 10).value(),
                 (QStringList{QStringLiteral("Guitarist interview"), QStringLiteral("Guitar lesson for beginners")}));
        QCOMPARE(f.search->suggest(QStringLiteral("guitar les"), 10).value(), QStringList{QStringLiteral("Guitar lesson for beginners")});
        QCOMPARE(f.search->suggest(QStringLiteral("LESS"), 10)->size(), 2);
        QCOMPARE(f.search->suggest(QStringLiteral("gui"), 1)->size(), 1);
        QVERIFY(f.search->suggest(QStringLiteral("xylo"), 10)->isEmpty());
        QVERIFY(f.search->suggest(QString(), 10)->isEmpty());
        QCOMPARE(f.search->suggest(QStringLiteral("gui"), 0).error().status, 422);
    }

    void indexFollowsUpdates()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        const Video video = f.addReadyVideo(a, QStringLiteral("walrus"), {}, {QStringLiteral("arctic")});
        QCOMPARE(searchIds(f, QStringLiteral("arctic")), QStringList{video.id});
        VideoChanges c;
        c.title = QStringLiteral("narwhal");
        c.tags = QStringList{QStringLiteral("ocean")};
        QVERIFY(f.videos->update(video.id, a, c).ok());
        QVERIFY(searchIds(f, QStringLiteral("walrus")).isEmpty());
        QVERIFY(searchIds(f, QStringLiteral("arctic")).isEmpty());
        QCOMPARE(searchIds(f, QStringLiteral("narwhal ocean")), QStringList{video.id});
        VideoChanges hide;
        hide.visibility = Visibility::Private;
        QVERIFY(f.videos->update(video.id, a, hide).ok());
        QVERIFY(searchIds(f, QStringLiteral("narwhal")).isEmpty());
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM video_search")), 0);
        hide.visibility = Visibility::Public;
        QVERIFY(f.videos->update(video.id, a, hide).ok());
        QCOMPARE(searchIds(f, QStringLiteral("narwhal")), QStringList{video.id});
        QVERIFY(f.videos->setProcessingState(video.id, VideoState::Processing).ok());
        QVERIFY(searchIds(f, QStringLiteral("narwhal")).isEmpty());
    }

    void channelsAndImages()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        const Viewer b = f.addUser(QStringLiteral("bert"));
        const auto first = f.channels->ensureForUser(a.userId);
        QVERIFY(first.ok());
        QCOMPARE(f.channels->ensureForUser(a.userId)->id, first->id);
        QCOMPARE(f.channels->ensureForUser(999999).error().status, 404);
        QCOMPARE(f.channels->update(b, first->id, QStringLiteral("mine now"), std::nullopt).error().status, 403);
        QCOMPARE(f.channels->update(a, first->id, QString(65, QLatin1Char('n')), std::nullopt).error().status, 422);
        QCOMPARE(f.channels->update(a, first->id, QStringLiteral("Anna's kitchen"), QStringLiteral("recipes"))->name,
                 QStringLiteral("Anna's kitchen"));
        QCOMPARE(f.channels->get(first->id)->description, QStringLiteral("recipes"));

        const QByteArray png = QByteArrayLiteral("\x89PNG\r\n\x1a\n") + QByteArray(100, 'p');
        QCOMPARE(f.channels->setAvatar(a, first->id, png, "image/jpeg").error().status, 422);
        QCOMPARE(f.channels->setAvatar(a, first->id, "hello", "text/plain").error().status, 415);
        QCOMPARE(f.channels->setAvatar(a, first->id, QByteArray(f.settings.maxImageBytes + 1, 'x'), "image/png").error().status, 413);
        QCOMPARE(f.channels->setAvatar(b, first->id, png, "image/png").error().status, 403);
        QCOMPARE(f.channels->avatarFile(first->id).error().status, 404);
        QCOMPARE(f.channels->setAvatar(a, first->id, png, "image/png")->avatarType, QStringLiteral("image/png"));
        const auto file = f.channels->avatarFile(first->id);
        QVERIFY(file.ok());
        QFile stored(file->first);
        QVERIFY(stored.open(QIODevice::ReadOnly));
        QCOMPARE(stored.readAll(), png);
    }
};

QTEST_GUILESS_MAIN(TestCatalogService)
#include "tst_catalogservice.moc"
