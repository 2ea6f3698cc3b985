#include "server/search/cachedsearchindex.h"

#include <QTest>
#include <QThread>

#include <atomic>
#include <functional>

using namespace Kinora::Server::Search;

namespace {

// An index that answers with a counter, so a cached answer is recognisable.
class CountingIndex final : public SearchIndex
{
public:
    bool upsert(const SearchDocument &, QString *) override { return true; }
    bool remove(qint64, QString *) override { return true; }
    std::optional<Result> search(const SearchQuery &query, QString *error) override
    {
        if (query.text == QLatin1String("fail")) {
            *error = QStringLiteral("database is locked");
            return std::nullopt;
        }
        const int n = ++searches;
        if (onSearch)
            onSearch();
        return Result{{QStringLiteral("answer-%1").arg(n)}, false};
    }
    std::optional<QStringList> suggest(const QString &, int, qint64, QString *) override
    {
        return QStringList{QStringLiteral("suggestion-%1").arg(++suggestions)};
    }

    std::atomic<int> searches{0};
    std::atomic<int> suggestions{0};
    std::function<void()> onSearch;
};

SearchQuery query(const QString &text)
{
    SearchQuery q;
    q.text = text;
    return q;
}

QString first(const std::optional<SearchIndex::Result> &result)
{
    return result && !result->videoIds.isEmpty() ? result->videoIds.first() : QString();
}

} // namespace

class TestCachedSearchIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void repeatsAreServedFromTheCache()
    {
        auto inner = std::make_unique<CountingIndex>();
        CountingIndex *counting = inner.get();
        CachedSearchIndex cache(std::move(inner), 60'000, 16);
        QString error;
        QCOMPARE(first(cache.search(query(QStringLiteral("cats")), &error)), QStringLiteral("answer-1"));
        QCOMPARE(first(cache.search(query(QStringLiteral("cats")), &error)), QStringLiteral("answer-1"));
        // Case and spacing do not make another query.
        QCOMPARE(first(cache.search(query(QStringLiteral("  CATS ")), &error)), QStringLiteral("answer-1"));
        QCOMPARE(counting->searches.load(), 1);
        QCOMPARE(cache.hits(), quint64(2));

        // Other filters, pages or sorts are other entries.
        SearchQuery other = query(QStringLiteral("cats"));
        other.offset = 20;
        QCOMPARE(first(cache.search(other, &error)), QStringLiteral("answer-2"));
        other = query(QStringLiteral("cats"));
        other.sort = SearchQuery::Sort::Views;
        QCOMPARE(first(cache.search(other, &error)), QStringLiteral("answer-3"));
        other = query(QStringLiteral("cats"));
        other.category = QStringLiteral("pets");
        QCOMPARE(first(cache.search(other, &error)), QStringLiteral("answer-4"));
        QCOMPARE(counting->searches.load(), 4);
    }

    void writesInvalidateEverything()
    {
        auto inner = std::make_unique<CountingIndex>();
        CountingIndex *counting = inner.get();
        CachedSearchIndex cache(std::move(inner), 60'000, 16);
        QString error;
        QCOMPARE(first(cache.search(query(QStringLiteral("dogs")), &error)), QStringLiteral("answer-1"));
        QVERIFY(cache.upsert(SearchDocument{7, QStringLiteral("dogs"), {}, {}}, &error));
        QCOMPARE(first(cache.search(query(QStringLiteral("dogs")), &error)), QStringLiteral("answer-2"));
        QVERIFY(cache.remove(7, &error));
        QCOMPARE(first(cache.search(query(QStringLiteral("dogs")), &error)), QStringLiteral("answer-3"));
        QCOMPARE(counting->searches.load(), 3);

        QCOMPARE(cache.suggest(QStringLiteral("do"), 5, 0, &error)->first(), QStringLiteral("suggestion-1"));
        QCOMPARE(cache.suggest(QStringLiteral("do"), 5, 0, &error)->first(), QStringLiteral("suggestion-1"));
        QVERIFY(cache.upsert(SearchDocument{8, QStringLiteral("doves"), {}, {}}, &error));
        QCOMPARE(cache.suggest(QStringLiteral("do"), 5, 0, &error)->first(), QStringLiteral("suggestion-2"));
    }

    void aWriteDuringTheQueryIsNotHidden()
    {
        auto inner = std::make_unique<CountingIndex>();
        CountingIndex *counting = inner.get();
        CachedSearchIndex cache(std::move(inner), 60'000, 16);
        QString error;
        // The index changes while the first query runs: its answer may be
        // older than the write and must not be remembered.
        counting->onSearch = [&] {
            counting->onSearch = nullptr;
            QString e;
            cache.upsert(SearchDocument{9, QStringLiteral("birds"), {}, {}}, &e);
        };
        QCOMPARE(first(cache.search(query(QStringLiteral("birds")), &error)), QStringLiteral("answer-1"));
        QCOMPARE(first(cache.search(query(QStringLiteral("birds")), &error)), QStringLiteral("answer-2"));
        QCOMPARE(first(cache.search(query(QStringLiteral("birds")), &error)), QStringLiteral("answer-2"));
    }

    void entriesExpire()
    {
        auto inner = std::make_unique<CountingIndex>();
        CountingIndex *counting = inner.get();
        CachedSearchIndex cache(std::move(inner), 150, 16);
        QString error;
        QCOMPARE(first(cache.search(query(QStringLiteral("fish")), &error)), QStringLiteral("answer-1"));
        QCOMPARE(first(cache.search(query(QStringLiteral("fish")), &error)), QStringLiteral("answer-1"));
        QThread::msleep(200);
        QCOMPARE(first(cache.search(query(QStringLiteral("fish")), &error)), QStringLiteral("answer-2"));
        QCOMPARE(counting->searches.load(), 2);
    }

    void failuresAndDisabledCacheGoThrough()
    {
        auto inner = std::make_unique<CountingIndex>();
        CountingIndex *counting = inner.get();
        CachedSearchIndex cache(std::move(inner), 60'000, 16);
        QString error;
        QVERIFY(!cache.search(query(QStringLiteral("fail")), &error));
        QCOMPARE(error, QStringLiteral("database is locked"));

        auto inner2 = std::make_unique<CountingIndex>();
        CountingIndex *counting2 = inner2.get();
        CachedSearchIndex off(std::move(inner2), 0, 16);
        QCOMPARE(first(off.search(query(QStringLiteral("owls")), &error)), QStringLiteral("answer-1"));
        QCOMPARE(first(off.search(query(QStringLiteral("owls")), &error)), QStringLiteral("answer-2"));
        QCOMPARE(counting2->searches.load(), 2);
        QCOMPARE(counting->searches.load(), 0);
    }

    void responseBodies()
    {
        CachedSearchIndex cache(std::make_unique<CountingIndex>(), 60'000, 16);
        const QString key = CachedSearchIndex::searchKey(query(QStringLiteral("cats")));
        QVERIFY(!cache.body(key));
        quint64 generation = cache.generation();
        cache.storeBody(key, generation, QByteArrayLiteral("{\"items\":[]}"));
        QCOMPARE(cache.body(key).value_or(QByteArray()), QByteArrayLiteral("{\"items\":[]}"));
        // A write clears it; a body computed across a write is not kept.
        QString error;
        generation = cache.generation();
        QVERIFY(cache.upsert(SearchDocument{1, QStringLiteral("cats"), {}, {}}, &error));
        QVERIFY(!cache.body(key));
        cache.storeBody(key, generation, QByteArrayLiteral("stale"));
        QVERIFY(!cache.body(key));
        // Bodies and id lists of the same query are separate entries.
        QCOMPARE(first(cache.search(query(QStringLiteral("cats")), &error)), QStringLiteral("answer-1"));
        QVERIFY(!cache.body(key));
    }

    void sizeIsBounded()
    {
        auto inner = std::make_unique<CountingIndex>();
        CountingIndex *counting = inner.get();
        CachedSearchIndex cache(std::move(inner), 60'000, 4);
        QString error;
        for (int i = 0; i < 10; ++i)
            cache.search(query(QStringLiteral("word%1").arg(i)), &error);
        QCOMPARE(counting->searches.load(), 10);
        // The oldest were dropped; the newest are still there.
        cache.search(query(QStringLiteral("word9")), &error);
        QCOMPARE(counting->searches.load(), 10);
        cache.search(query(QStringLiteral("word0")), &error);
        QCOMPARE(counting->searches.load(), 11);
    }
};

QTEST_GUILESS_MAIN(TestCachedSearchIndex)
#include "tst_cachedsearchindex.moc"
