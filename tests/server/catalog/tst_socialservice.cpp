// Social services (ratings, subscriptions, comments, playlists, history) on a
// real, migrated SQLite file.
#include "catalogfixture.h"

#include <QDateTime>
#include <QSet>
#include <QTest>

using namespace Kinora::Server;
using namespace Kinora::Server::Catalog;
using namespace Kinora::Server::Social;
using Kinora::Tests::CatalogFixture;

class TestSocialService : public QObject
{
    Q_OBJECT

private:
    static QList<qint64> itemVideoOrder(CatalogFixture &f, const Viewer &viewer, qint64 playlist, QStringList *videoIds)
    {
        QList<qint64> positions;
        videoIds->clear();
        const auto page = f.playlists->items(viewer, playlist, 100, {});
        for (const PlaylistItem &item : page->items) {
            positions << item.position;
            *videoIds << item.videoId;
        }
        return positions;
    }

private Q_SLOTS:
    void ratingsToggleAndCount()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer owner = f.addUser(QStringLiteral("owner"));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        const Viewer b = f.addUser(QStringLiteral("bert"));
        const Video video = f.addReadyVideo(owner, QStringLiteral("likeable"));
        QCOMPARE(f.ratings->rate(Viewer{}, video.id, Rating::Like).error().status, 401);
        auto s = f.ratings->rate(a, video.id, Rating::Like);
        QCOMPARE(s->likeCount, 1);
        s = f.ratings->rate(a, video.id, Rating::Like); // the same again changes nothing
        QCOMPARE(s->likeCount, 1);
        s = f.ratings->rate(b, video.id, Rating::Dislike);
        QCOMPARE(s->likeCount, 1);
        QCOMPARE(s->dislikeCount, 1);
        s = f.ratings->rate(a, video.id, Rating::Dislike); // switch
        QCOMPARE(s->likeCount, 0);
        QCOMPARE(s->dislikeCount, 2);
        s = f.ratings->rate(b, video.id, Rating::None); // toggle off
        QCOMPARE(s->dislikeCount, 1);
        QCOMPARE(f.ratings->state(a, video.id)->rating, Rating::Dislike);
        QCOMPARE(f.ratings->state(b, video.id)->rating, Rating::None);
        QCOMPARE(f.videos->get(video.id, a)->dislikeCount, 1);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM video_ratings")), 1);
        // Hidden videos cannot be rated by others.
        VideoChanges hide;
        hide.visibility = Visibility::Private;
        QVERIFY(f.videos->update(video.id, owner, hide).ok());
        QCOMPARE(f.ratings->rate(b, video.id, Rating::Like).error().status, 404);
    }

    void likedVideos()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer owner = f.addUser(QStringLiteral("owner"));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        const Viewer b = f.addUser(QStringLiteral("bert"));
        const Video v1 = f.addReadyVideo(owner, QStringLiteral("one"));
        const Video v2 = f.addReadyVideo(owner, QStringLiteral("two"));
        const Video v3 = f.addReadyVideo(owner, QStringLiteral("three"));
        const Video v4 = f.addReadyVideo(owner, QStringLiteral("four"));
        for (const Video &video : {v1, v2, v3})
            QVERIFY(f.ratings->rate(a, video.id, Rating::Like).ok());
        QVERIFY(f.ratings->rate(a, v4.id, Rating::Dislike).ok());
        QVERIFY(f.ratings->rate(b, v2.id, Rating::Like).ok());
        // Distinct times, so the order does not depend on the clock's resolution.
        const qint64 base = QDateTime::currentMSecsSinceEpoch() - 10'000;
        for (const auto &[video, offset] : {std::pair{v1, 1}, std::pair{v2, 3}, std::pair{v3, 2}})
            QVERIFY(f.exec(QStringLiteral("UPDATE video_ratings SET created_at = ? WHERE video_id = ? AND user_id = ?"),
                           {base + offset, video.id, a.userId}));

        auto ids = [](const Page<Video> &page) {
            QStringList list;
            for (const Video &video : page.items)
                list << video.id;
            return list;
        };
        QCOMPARE(ids(f.ratings->liked(a, 10, {}).value()), (QStringList{v2.id, v3.id, v1.id})); // most recent first, no dislike
        QCOMPARE(ids(f.ratings->liked(b, 10, {}).value()), QStringList{v2.id});
        QVERIFY(f.ratings->liked(owner, 10, {})->items.isEmpty());
        QCOMPARE(f.ratings->liked(Viewer{}, 10, {}).error().status, 401);
        QCOMPARE(f.ratings->liked(a, 0, {}).error().status, 422);
        QCOMPARE(f.ratings->liked(a, 10, QStringLiteral("bogus")).error().status, 422);

        // Pages of one, in the same order.
        QStringList paged;
        QString cursor;
        do {
            const auto page = f.ratings->liked(a, 1, cursor);
            QVERIFY(page.ok());
            QVERIFY(page->items.size() <= 1);
            paged << ids(page.value());
            cursor = page->nextCursor;
        } while (!cursor.isEmpty() && paged.size() < 10);
        QCOMPARE(paged, (QStringList{v2.id, v3.id, v1.id}));

        // A video turned private leaves the list of others, not its owner's.
        QVERIFY(f.ratings->rate(owner, v3.id, Rating::Like).ok());
        VideoChanges hide;
        hide.visibility = Visibility::Private;
        QVERIFY(f.videos->update(v3.id, owner, hide).ok());
        QCOMPARE(ids(f.ratings->liked(a, 10, {}).value()), (QStringList{v2.id, v1.id}));
        QCOMPARE(ids(f.ratings->liked(owner, 10, {}).value()), QStringList{v3.id});

        // Taking the like back removes it.
        QVERIFY(f.ratings->rate(a, v1.id, Rating::None).ok());
        QCOMPARE(ids(f.ratings->liked(a, 10, {}).value()), QStringList{v2.id});
    }

    void subscriptionsAndFeed()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer c1 = f.addUser(QStringLiteral("creator1"));
        const Viewer c2 = f.addUser(QStringLiteral("creator2"));
        const Viewer c3 = f.addUser(QStringLiteral("creator3"));
        const Viewer fan = f.addUser(QStringLiteral("fan"));
        const Video v1 = f.addReadyVideo(c1, QStringLiteral("one"), {}, {}, {}, 1000, 3);
        const Video v2 = f.addReadyVideo(c2, QStringLiteral("two"), {}, {}, {}, 1000, 1);
        f.addReadyVideo(c3, QStringLiteral("three"), {}, {}, {}, 1000, 2);
        const qint64 ch1 = f.channels->ensureForUser(c1.userId)->id;
        const qint64 ch2 = f.channels->ensureForUser(c2.userId)->id;
        QCOMPARE(f.subscriptions->setSubscribed(fan, ch1, true)->subscriberCount, 1);
        QCOMPARE(f.subscriptions->setSubscribed(fan, ch1, true)->subscriberCount, 1); // idempotent
        QCOMPARE(f.subscriptions->setSubscribed(c2, ch1, true)->subscriberCount, 2);
        QCOMPARE(f.subscriptions->setSubscribed(fan, ch2, true)->subscriberCount, 1);
        QCOMPARE(f.subscriptions->setSubscribed(c1, ch1, true).error().status, 422);
        QCOMPARE(f.subscriptions->setSubscribed(fan, 424242, true).error().status, 404);
        QVERIFY(f.subscriptions->state(fan, ch1)->subscribed);
        QVERIFY(!f.subscriptions->state(Viewer{}, ch1)->subscribed);

        VideoListQuery feed;
        feed.subscriberId = fan.userId;
        auto page = f.videos->list(feed);
        QCOMPARE(page->items.size(), 2);
        QCOMPARE(page->items.at(0).id, v2.id);
        QCOMPARE(page->items.at(1).id, v1.id);
        QCOMPARE(f.subscriptions->subscriptions(fan, 10, {})->items.size(), 2);
        const auto firstPage = f.subscriptions->subscriptions(fan, 1, {});
        QCOMPARE(firstPage->items.size(), 1);
        QVERIFY(!firstPage->nextCursor.isEmpty());
        const auto second = f.subscriptions->subscriptions(fan, 1, firstPage->nextCursor);
        QCOMPARE(second->items.size(), 1);
        QVERIFY(second->items.at(0).id != firstPage->items.at(0).id);

        QCOMPARE(f.subscriptions->setSubscribed(fan, ch2, false)->subscriberCount, 0);
        QCOMPARE(f.subscriptions->setSubscribed(fan, ch2, false)->subscriberCount, 0);
        page = f.videos->list(feed);
        QCOMPARE(page->items.size(), 1);
        QCOMPARE(page->items.at(0).id, v1.id);
    }

    void commentThreads()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer owner = f.addUser(QStringLiteral("owner"));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        const Viewer b = f.addUser(QStringLiteral("bert"));
        const Viewer mod = f.addUser(QStringLiteral("mod"), Accounts::Role::Moderator);
        const Video video = f.addReadyVideo(owner, QStringLiteral("discuss"));
        QCOMPARE(f.comments->add(a, video.id, QStringLiteral("   ")).error().status, 422);
        QCOMPARE(f.comments->add(a, video.id, QString(5001, QLatin1Char('x'))).error().status, 422);
        QCOMPARE(f.comments->add(Viewer{}, video.id, QStringLiteral("hi")).error().status, 401);

        const Comment top1 = f.comments->add(a, video.id, QStringLiteral("first")).value();
        const Comment top2 = f.comments->add(b, video.id, QStringLiteral("second")).value();
        const Comment reply1 = f.comments->add(b, video.id, QStringLiteral("reply to first"), top1.id).value();
        const Comment reply2 = f.comments->add(a, video.id, QStringLiteral("reply to reply"), reply1.id).value();
        QCOMPARE(reply1.parentId, top1.id);
        QCOMPARE(reply2.parentId, top1.id); // joins the thread of the top-level comment
        QCOMPARE(f.comments->add(a, video.id, QStringLiteral("x"), 999999).error().status, 422);
        QCOMPARE(f.videos->get(video.id, a)->commentCount, 4);

        const auto tops = f.comments->list(Viewer{}, video.id, 0, 10, {});
        QCOMPARE(tops->items.size(), 2);
        QCOMPARE(tops->items.at(0).id, top2.id); // newest first
        QCOMPARE(tops->items.at(1).replyCount, 2);
        const auto replies = f.comments->replies(Viewer{}, top1.id, 10, {});
        QCOMPARE(replies->items.size(), 2);
        QCOMPARE(replies->items.at(0).id, reply1.id); // oldest first
        // Pagination one by one visits each reply once.
        const auto p1 = f.comments->list(Viewer{}, video.id, top1.id, 1, {});
        const auto p2 = f.comments->list(Viewer{}, video.id, top1.id, 1, p1->nextCursor);
        QCOMPARE(p1->items.at(0).id, reply1.id);
        QCOMPARE(p2->items.at(0).id, reply2.id);
        QVERIFY(p2->nextCursor.isEmpty());

        QCOMPARE(f.comments->edit(b, top1.id, QStringLiteral("hijack")).error().status, 403);
        const auto edited = f.comments->edit(a, top1.id, QStringLiteral("first, edited"));
        QCOMPARE(edited->body, QStringLiteral("first, edited"));
        QVERIFY(edited->editedAtMs > 0);

        QCOMPARE(f.comments->remove(b, top1.id).error().status, 403);    // not the author
        QVERIFY(f.comments->remove(a, reply2.id).ok());                   // author
        QCOMPARE(f.comments->replies(Viewer{}, top1.id, 10, {})->items.size(), 1);
        QVERIFY(f.comments->remove(owner, top2.id).ok());                 // owner of the video
        QVERIFY(f.comments->remove(mod, top1.id).ok());                   // moderator, with its reply
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM comments")), 0);
        QCOMPARE(f.videos->get(video.id, a)->commentCount, 0);
        QCOMPARE(f.comments->remove(mod, top1.id).error().status, 404);
    }

    void playlistsOrderAndVisibility()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer owner = f.addUser(QStringLiteral("owner"));
        const Viewer other = f.addUser(QStringLiteral("other"));
        QStringList vids;
        for (int i = 0; i < 4; ++i)
            vids << f.addReadyVideo(owner, QStringLiteral("clip %1").arg(i)).id;
        PlaylistService::Fields fields;
        QCOMPARE(f.playlists->create(owner, fields).error().status, 422);
        fields.title = QString(151, QLatin1Char('t'));
        QCOMPARE(f.playlists->create(owner, fields).error().status, 422);
        fields.title = QStringLiteral("Best of");
        const Playlist list = f.playlists->create(owner, fields).value();
        QCOMPARE(list.visibility, Visibility::Private);
        QCOMPARE(f.playlists->get(other, list.id).error().status, 404);
        QCOMPARE(f.playlists->addItem(other, list.id, vids.at(0)).error().status, 404);

        QList<qint64> itemIds;
        for (const QString &id : vids)
            itemIds << f.playlists->addItem(owner, list.id, id)->id;
        QCOMPARE(f.playlists->addItem(owner, list.id, vids.at(0)).error().status, 409);
        QCOMPARE(f.playlists->addItem(owner, list.id, QStringLiteral("AAAAAAAAAAA")).error().status, 422);
        QCOMPARE(f.playlists->get(owner, list.id)->itemCount, 4);

        QStringList order;
        // Move the last to the front: 3 0 1 2
        QVERIFY(f.playlists->moveItem(owner, list.id, itemIds.at(3), 0).ok());
        QCOMPARE(itemVideoOrder(f, owner, list.id, &order), (QList<qint64>{0, 1, 2, 3}));
        QCOMPARE(order, (QStringList{vids.at(3), vids.at(0), vids.at(1), vids.at(2)}));
        // Move the front one past the end (clamped): 0 1 2 3
        QVERIFY(f.playlists->moveItem(owner, list.id, itemIds.at(3), 99).ok());
        itemVideoOrder(f, owner, list.id, &order);
        QCOMPARE(order, vids);
        // Remove the second: 0 2 3, positions stay dense.
        QVERIFY(f.playlists->removeItem(owner, list.id, itemIds.at(1)).ok());
        QCOMPARE(itemVideoOrder(f, owner, list.id, &order), (QList<qint64>{0, 1, 2}));
        QCOMPARE(order, (QStringList{vids.at(0), vids.at(2), vids.at(3)}));
        QCOMPARE(f.playlists->removeItem(owner, list.id, itemIds.at(1)).error().status, 404);
        // Insert at a position.
        QCOMPARE(f.playlists->addItem(owner, list.id, vids.at(1), 1)->position, 1);
        itemVideoOrder(f, owner, list.id, &order);
        QCOMPARE(order, vids);

        // Shared: others read but cannot change it.
        PlaylistService::Fields share;
        share.visibility = Visibility::Unlisted;
        QVERIFY(f.playlists->update(owner, list.id, share).ok());
        QCOMPARE(f.playlists->get(other, list.id)->title, QStringLiteral("Best of"));
        QCOMPARE(f.playlists->items(other, list.id, 10, {})->items.size(), 4);
        QCOMPARE(f.playlists->update(other, list.id, share).error().status, 403);
        QCOMPARE(f.playlists->remove(other, list.id).error().status, 403);

        // A video turned private shows as unavailable to others, not to its owner.
        VideoChanges hide;
        hide.visibility = Visibility::Private;
        QVERIFY(f.videos->update(vids.at(0), owner, hide).ok());
        QVERIFY(!f.playlists->items(other, list.id, 10, {})->items.at(0).video.has_value());
        QVERIFY(f.playlists->items(owner, list.id, 10, {})->items.at(0).video.has_value());

        // Deleting a video takes it out of playlists.
        QVERIFY(f.videos->remove(vids.at(2), owner).ok());
        QCOMPARE(f.playlists->get(owner, list.id)->itemCount, 3);

        // Paging through items.
        const auto first = f.playlists->items(owner, list.id, 2, {});
        const auto rest = f.playlists->items(owner, list.id, 2, first->nextCursor);
        QCOMPARE(first->items.size() + rest->items.size(), 3);
        QVERIFY(rest->nextCursor.isEmpty());

        QVERIFY(f.playlists->remove(owner, list.id).ok());
        QCOMPARE(f.playlists->get(owner, list.id).error().status, 404);
        QCOMPARE(f.scalar(QStringLiteral("SELECT COUNT(*) FROM playlist_items")), 0);
    }

    void watchLater()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        const Viewer b = f.addUser(QStringLiteral("bert"));
        const Video video = f.addReadyVideo(b, QStringLiteral("later"));
        const Playlist wl = f.playlists->watchLater(a).value();
        QCOMPARE(f.playlists->watchLater(a)->id, wl.id);
        QVERIFY(f.playlists->watchLater(b)->id != wl.id);
        QVERIFY(wl.isWatchLater());
        QVERIFY(f.playlists->addItem(a, wl.id, video.id).ok());
        PlaylistService::Fields rename;
        rename.title = QStringLiteral("nope");
        QCOMPARE(f.playlists->update(a, wl.id, rename).error().status, 409);
        QCOMPARE(f.playlists->remove(a, wl.id).error().status, 409);
        QCOMPARE(f.playlists->get(b, wl.id).error().status, 404);
        QCOMPARE(f.playlists->listOwn(a, 10, {})->items.size(), 1);
    }

    void historyAndContinueWatching()
    {
        CatalogFixture f;
        QVERIFY2(f.isValid(), qPrintable(f.errorText()));
        const Viewer owner = f.addUser(QStringLiteral("owner"));
        const Viewer a = f.addUser(QStringLiteral("anna"));
        const Video v1 = f.addReadyVideo(owner, QStringLiteral("one"), {}, {}, {}, 100'000);
        const Video v2 = f.addReadyVideo(owner, QStringLiteral("two"), {}, {}, {}, 100'000);
        const Video v3 = f.addReadyVideo(owner, QStringLiteral("three"), {}, {}, {}, 100'000);
        const Video v4 = f.addReadyVideo(owner, QStringLiteral("four"), {}, {}, {}, 100'000);
        QCOMPARE(f.history->record(Viewer{}, v1.id, 10).error().status, 401);
        QCOMPARE(f.history->record(a, v1.id, -1).error().status, 422);
        QCOMPARE(f.history->record(a, QStringLiteral("AAAAAAAAAAA"), 10).error().status, 404);
        QVERIFY(f.history->record(a, v1.id, 2'000).ok());      // 2 %: just started
        QTest::qWait(3);
        QVERIFY(f.history->record(a, v2.id, 50'000).ok());     // 50 %
        QTest::qWait(3);
        QVERIFY(f.history->record(a, v3.id, 99'000).ok());     // 99 %: finished
        QTest::qWait(3);
        QCOMPARE(f.history->record(a, v4.id, 500'000)->positionMs, 100'000); // clamped to the duration
        QTest::qWait(3);
        QVERIFY(f.history->record(a, v1.id, 5'000).ok());      // 5 %: now counts, and moves to the top

        auto page = f.history->list(a, 10, {});
        QStringList order;
        for (const HistoryEntry &e : page->items)
            order << e.video.id;
        QCOMPARE(order, (QStringList{v1.id, v4.id, v3.id, v2.id}));
        QCOMPARE(page->items.at(0).positionMs, 5'000);

        auto cont = f.history->continueWatching(a, 10, {});
        order.clear();
        for (const HistoryEntry &e : cont->items)
            order << e.video.id;
        QCOMPARE(order, (QStringList{v1.id, v2.id}));

        // Paging visits each entry once.
        QStringList paged;
        QString cursor;
        int pages = 0;
        do {
            const auto p = f.history->list(a, 3, cursor);
            for (const HistoryEntry &e : p->items)
                paged << e.video.id;
            cursor = p->nextCursor;
            QVERIFY(++pages < 5);
        } while (!cursor.isEmpty());
        QCOMPARE(paged.size(), 4);
        QCOMPARE(QSet<QString>(paged.cbegin(), paged.cend()).size(), 4);

        // Videos that became private leave the history of others.
        VideoChanges hide;
        hide.visibility = Visibility::Private;
        QVERIFY(f.videos->update(v4.id, owner, hide).ok());
        QCOMPARE(f.history->list(a, 10, {})->items.size(), 3);

        QVERIFY(f.history->remove(a, v2.id).ok());
        QCOMPARE(f.history->remove(a, v2.id).error().status, 404);
        QCOMPARE(f.history->continueWatching(a, 10, {})->items.size(), 1);
        QVERIFY(f.history->clear(a).ok());
        QVERIFY(f.history->list(a, 10, {})->items.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSocialService)
#include "tst_socialservice.moc"
