#include "server/catalog/catalogsettings.h"
#include "server/catalog/channelservice.h"
#include "server/catalog/videoservice.h"
#include "server/search/postgressearchindex.h"
#include "server/storage/database.h"
#include "tests/support/postgresinstance.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Kinora::Server;
using namespace Kinora::Tests;

// The catalog and its search on PostgreSQL: the real kinora-server binary on
// a throwaway cluster, videos made ready through the same VideoService the
// processing pipeline uses (no transcoding needed to test search), then
// searched, filtered, hidden and deleted over HTTP.
class tst_PostgresCatalog : public QObject
{
    Q_OBJECT

private:
    PostgresInstance m_postgres;
    std::unique_ptr<ServerProcess> m_server;
    TestHttpClient m_http;
    QByteArray m_token;
    qint64 m_userId = 0;
    QTemporaryDir m_media;
    // Public ids by role in the test.
    QString m_titleMatch;       // "volcano" in the title, short
    QString m_tagMatch;         // "volcano" as a tag, medium
    QString m_descriptionMatch; // "volcano" in the description, long
    QString m_private;          // "volcano" in the title, but private
    QString m_draft;            // "volcano" in the title, never processed

    Storage::DatabaseSettings settings() const
    {
        Storage::DatabaseSettings s;
        s.backend = Storage::DatabaseSettings::Backend::Postgres;
        s.host = m_postgres.socketDir();
        s.port = m_postgres.port();
        s.databaseName = m_postgres.databaseName();
        s.user = m_postgres.user();
        return s;
    }

    QString createVideo(const QJsonObject &fields)
    {
        const auto r = m_http.postJson(m_server->url(QStringLiteral("/api/v1/videos")), fields, m_token);
        if (r.status != 201)
            qWarning() << "create video" << r.status << r.body;
        return r.json().value(QLatin1String("video")).toObject().value(QLatin1String("id")).toString();
    }

    // The ids of a search, in result order; *nextCursor gets the page's cursor.
    QStringList search(const QList<std::pair<QString, QString>> &parameters, QString *nextCursor = nullptr)
    {
        QUrl url = m_server->url(QStringLiteral("/api/v1/search"));
        QStringList query;
        for (const auto &[name, value] : parameters)
            query.append(name + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value)));
        url.setQuery(query.join(QLatin1Char('&')));
        const auto r = m_http.get(url);
        if (r.status != 200) {
            qWarning() << "search" << r.status << r.body;
            return {QStringLiteral("<status %1>").arg(r.status)};
        }
        QStringList ids;
        const QJsonArray items = r.json().value(QLatin1String("items")).toArray();
        for (const QJsonValue &item : items)
            ids.append(item.toObject().value(QLatin1String("id")).toString());
        if (nextCursor)
            *nextCursor = r.json().value(QLatin1String("nextCursor")).toString();
        return ids;
    }

    QStringList suggest(const QString &prefix)
    {
        QUrl url = m_server->url(QStringLiteral("/api/v1/search/suggest"));
        url.setQuery(QStringLiteral("q=") + QString::fromLatin1(QUrl::toPercentEncoding(prefix)));
        const auto r = m_http.get(url);
        if (r.status != 200) {
            qWarning() << "suggest" << r.status << r.body;
            return {QStringLiteral("<status %1>").arg(r.status)};
        }
        QStringList titles;
        const QJsonArray items = r.json().value(QLatin1String("suggestions")).toArray();
        for (const QJsonValue &item : items)
            titles.append(item.toString());
        return titles;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            QSKIP("Qt's QPSQL driver is not installed (Debian: libqt6sql6-psql)");
        if (PostgresInstance::binDir().isEmpty())
            QSKIP("PostgreSQL server binaries are not installed");
        QString error;
        QVERIFY2(m_postgres.start(&error), qPrintable(error));

        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_DATABASE_BACKEND"), QStringLiteral("postgres"));
        env.insert(QStringLiteral("KINORA_DATABASE_HOST"), m_postgres.socketDir());
        env.insert(QStringLiteral("KINORA_DATABASE_PORT"), QString::number(m_postgres.port()));
        env.insert(QStringLiteral("KINORA_DATABASE_NAME"), m_postgres.databaseName());
        env.insert(QStringLiteral("KINORA_DATABASE_USER"), m_postgres.user());
        env.insert(QStringLiteral("KINORA_AUTH_KDF_OPS_LIMIT"), QStringLiteral("1"));
        env.insert(QStringLiteral("KINORA_AUTH_KDF_MEM_LIMIT_KIB"), QStringLiteral("64"));
        env.insert(QStringLiteral("KINORA_PROCESSING_LADDER"), QStringLiteral("240"));
        env.insert(QStringLiteral("KINORA_PROCESSING_PRESET"), QStringLiteral("ultrafast"));
        m_server = std::make_unique<ServerProcess>(QStringList{}, env);
        QVERIFY2(m_server->start(&error), qPrintable(error));

        const auto registered = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/register")),
                                                QJsonObject{{QStringLiteral("username"), QStringLiteral("pgcreator")},
                                                            {QStringLiteral("password"), QStringLiteral("password1")}});
        QCOMPARE(registered.status, 201);
        m_token = registered.json().value(QLatin1String("accessToken")).toString().toUtf8();
        QVERIFY(!m_token.isEmpty());

        auto video = [](const char *title, const char *description, const QStringList &tags, const char *category,
                        const char *visibility) {
            return QJsonObject{{QStringLiteral("title"), QString::fromUtf8(title)},
                               {QStringLiteral("description"), QString::fromUtf8(description)},
                               {QStringLiteral("tags"), QJsonArray::fromStringList(tags)},
                               {QStringLiteral("category"), QString::fromUtf8(category)},
                               {QStringLiteral("visibility"), QString::fromUtf8(visibility)}};
        };
        m_titleMatch = createVideo(video("Volcano expedition", "A long walk up a mountain.", {QStringLiteral("hiking")},
                                         "science", "public"));
        m_tagMatch = createVideo(video("Kitchen notes", "Bread and soup.", {QStringLiteral("volcano"), QStringLiteral("food")},
                                       "howto", "public"));
        m_descriptionMatch = createVideo(video("Mountain walk", "On the way we saw a volcano from afar.", {QStringLiteral("nature")},
                                               "travel", "public"));
        m_private = createVideo(video("Volcano secrets", "Only for me.", {}, "science", "private"));
        m_draft = createVideo(video("Volcano draft", "Not processed yet.", {}, "science", "public"));
        for (const QString &id : {m_titleMatch, m_tagMatch, m_descriptionMatch, m_private, m_draft})
            QVERIFY(!id.isEmpty());

        // What the processing pipeline does when a transcode finishes, on the
        // same database the server uses.
        Storage::Database database(settings());
        Catalog::CatalogSettings catalogSettings;
        Catalog::ChannelService channels(database, catalogSettings, m_media.path());
        Search::PostgresSearchIndex index(database);
        Catalog::VideoService videos(database, catalogSettings, channels, index, m_media.path());
        const QList<std::pair<QString, qint64>> durations{
            {m_titleMatch, 60'000}, {m_tagMatch, 600'000}, {m_descriptionMatch, 1'800'000}, {m_private, 60'000}};
        for (const auto &[id, durationMs] : durations) {
            const auto processing = videos.setProcessingState(id, Catalog::VideoState::Processing);
            QVERIFY2(processing, qPrintable(processing.error().message));
            const auto ready = videos.setProcessingState(id, Catalog::VideoState::Ready, {}, durationMs);
            QVERIFY2(ready, qPrintable(ready.error().message));
            QCOMPARE(ready->state, Catalog::VideoState::Ready);
            QTest::qWait(5); // distinct publish times for the date order
        }
    }

    void cleanupTestCase()
    {
        if (m_server) {
            m_server->stop();
            QCOMPARE(m_server->exitCode(), 0);
        }
        m_postgres.stop();
    }

    void queryExpressions()
    {
        using Search::PostgresSearchIndex;
        const QStringList words{QStringLiteral("ab"), QStringLiteral("c'd"), QStringLiteral("e\\")};
        QCOMPARE(PostgresSearchIndex::tsQueryExpression(words, false), QStringLiteral("'ab' & 'c''d' & 'e\\\\'"));
        QCOMPARE(PostgresSearchIndex::tsQueryExpression(words.mid(0, 2), true), QStringLiteral("'ab' & 'c''d':*"));
        QCOMPARE(PostgresSearchIndex::tsQueryExpression(words.mid(0, 2), true, true), QStringLiteral("'ab':A & 'c''d':*A"));
    }

    // Title above tags above description; unlisted videos never appear.
    void rankedByField()
    {
        const QStringList expected{m_titleMatch, m_tagMatch, m_descriptionMatch};
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("volcano")}}), expected);
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("VOLCANO")}}), expected);
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("volcano expedition")}}), QStringList{m_titleMatch});
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("volcano pizza")}}), QStringList{});
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("secrets")}}), QStringList{});
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("draft")}}), QStringList{});
        // Whole words only in results; prefixes are for suggestions.
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("volc")}}), QStringList{});
    }

    // tsquery syntax typed by users is a separator, never an error.
    void userSyntaxIsPlainText()
    {
        const QStringList expected{m_titleMatch, m_tagMatch, m_descriptionMatch};
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("volcano:* | !bread")}}), QStringList{m_tagMatch}); // volcano AND bread
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("'volcano' <-> (")}}), expected);
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("volcano\\':A & '); DROP TABLE videos; --")}}),
                 QStringList{});
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("&|!':*")}}), QStringList{});
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("volcano")}}).size(), 3);
    }

    void filtersAndSorts()
    {
        const QString q = QStringLiteral("volcano");
        QCOMPARE(search({{QStringLiteral("q"), q}, {QStringLiteral("duration"), QStringLiteral("short")}}), QStringList{m_titleMatch});
        QCOMPARE(search({{QStringLiteral("q"), q}, {QStringLiteral("duration"), QStringLiteral("medium")}}), QStringList{m_tagMatch});
        QCOMPARE(search({{QStringLiteral("q"), q}, {QStringLiteral("duration"), QStringLiteral("long")}}), QStringList{m_descriptionMatch});
        QCOMPARE(search({{QStringLiteral("q"), q}, {QStringLiteral("category"), QStringLiteral("howto")}}), QStringList{m_tagMatch});
        QCOMPARE(search({{QStringLiteral("q"), q}, {QStringLiteral("category"), QStringLiteral("music")}}), QStringList{});
        QCOMPARE(search({{QStringLiteral("q"), q}, {QStringLiteral("date"), QStringLiteral("today")}}).size(), 3);
        QCOMPARE(search({{QStringLiteral("q"), q}, {QStringLiteral("sort"), QStringLiteral("date")}}),
                 (QStringList{m_descriptionMatch, m_tagMatch, m_titleMatch}));

        // Pages by offset cursor.
        QString cursor;
        QCOMPARE(search({{QStringLiteral("q"), q}, {QStringLiteral("limit"), QStringLiteral("2")}}, &cursor),
                 (QStringList{m_titleMatch, m_tagMatch}));
        QVERIFY(!cursor.isEmpty());
        QCOMPARE(search({{QStringLiteral("q"), q}, {QStringLiteral("limit"), QStringLiteral("2")}, {QStringLiteral("cursor"), cursor}}, &cursor),
                 QStringList{m_descriptionMatch});
        QVERIFY(cursor.isEmpty());
    }

    void suggestionsByTitlePrefix()
    {
        QCOMPARE(suggest(QStringLiteral("volc")), QStringList{QStringLiteral("Volcano expedition")});
        QCOMPARE(suggest(QStringLiteral("volcano exp")), QStringList{QStringLiteral("Volcano expedition")});
        QCOMPARE(suggest(QStringLiteral("mountain w")), QStringList{QStringLiteral("Mountain walk")});
        QCOMPARE(suggest(QStringLiteral("!kit:*|")), QStringList{QStringLiteral("Kitchen notes")});
        QCOMPARE(suggest(QStringLiteral("bread")), QStringList{}); // description words are not titles
    }

    // Edits through the server binary keep the index in step.
    void changesAreIndexed()
    {
        const QUrl descriptionVideo = m_server->url(QStringLiteral("/api/v1/videos/") + m_descriptionMatch);
        auto patch = [&](const QUrl &url, const QJsonObject &body) {
            return m_http.request("PATCH", url, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                  {{"Content-Type", "application/json"}, {"Authorization", "Bearer " + m_token}});
        };
        QCOMPARE(patch(descriptionVideo, QJsonObject{{QStringLiteral("title"), QStringLiteral("Volcano walk")}}).status, 200);
        // Both words in the title rank above one in the title and one in the description.
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("walk volcano")}}), (QStringList{m_descriptionMatch, m_titleMatch}));
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("mountain")}}), QStringList{m_titleMatch}); // old title gone

        const QUrl titleVideo = m_server->url(QStringLiteral("/api/v1/videos/") + m_titleMatch);
        QCOMPARE(patch(titleVideo, QJsonObject{{QStringLiteral("visibility"), QStringLiteral("private")}}).status, 200);
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("volcano")}}), (QStringList{m_descriptionMatch, m_tagMatch}));
        QCOMPARE(suggest(QStringLiteral("volc")), QStringList{QStringLiteral("Volcano walk")});
        QCOMPARE(patch(titleVideo, QJsonObject{{QStringLiteral("visibility"), QStringLiteral("public")}}).status, 200);
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("expedition")}}), QStringList{m_titleMatch});

        const QUrl tagVideo = m_server->url(QStringLiteral("/api/v1/videos/") + m_tagMatch);
        QCOMPARE(m_http.request("DELETE", tagVideo, {}, {{"Authorization", "Bearer " + m_token}}).status, 204);
        // Now in a title and a description of one video, and in a title only of the other.
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("volcano")}}), (QStringList{m_descriptionMatch, m_titleMatch}));
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("kitchen")}}), QStringList{});
    }

    // Accents are folded on both sides, as SQLite's FTS5 does.
    void accentsAreFolded()
    {
        const QString id = createVideo(QJsonObject{{QStringLiteral("title"), QStringLiteral("Crème brûlée à la maison")},
                                                   {QStringLiteral("description"), QStringLiteral("Dessert du café.")},
                                                   {QStringLiteral("category"), QStringLiteral("howto")},
                                                   {QStringLiteral("visibility"), QStringLiteral("public")}});
        QVERIFY(!id.isEmpty());
        Storage::Database database(settings());
        Catalog::CatalogSettings catalogSettings;
        Catalog::ChannelService channels(database, catalogSettings, m_media.path());
        Search::PostgresSearchIndex index(database);
        Catalog::VideoService videos(database, catalogSettings, channels, index, m_media.path());
        QVERIFY(videos.setProcessingState(id, Catalog::VideoState::Processing));
        QVERIFY(videos.setProcessingState(id, Catalog::VideoState::Ready, {}, 30'000));
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("creme brulee")}}), QStringList{id});
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("CRÈME")}}), QStringList{id});
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("cafe")}}), QStringList{id});
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("maîson")}}), QStringList{id});
        QCOMPARE(suggest(QStringLiteral("brul")), QStringList{QStringLiteral("Crème brûlée à la maison")});
        QCOMPARE(m_http.request("DELETE", m_server->url(QStringLiteral("/api/v1/videos/") + id), {},
                                {{"Authorization", "Bearer " + m_token}}).status, 204);
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("creme")}}), QStringList{});
    }

    // The whole way: a raw upload transcoded by the server binary becomes searchable.
    void uploadedVideoBecomesSearchable()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty())
            QSKIP("ffmpeg is needed to generate the clip");
        const QString clip = m_media.filePath(QStringLiteral("clip.mp4"));
        QProcess ffmpeg;
        ffmpeg.setProcessChannelMode(QProcess::MergedChannels);
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-y"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                      QStringLiteral("-i"), QStringLiteral("testsrc2=size=320x180:rate=25"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                      QStringLiteral("-i"), QStringLiteral("sine"), QStringLiteral("-t"), QStringLiteral("1"), QStringLiteral("-c:v"),
                      QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("ultrafast"), QStringLiteral("-pix_fmt"),
                      QStringLiteral("yuv420p"), QStringLiteral("-c:a"), QStringLiteral("aac"), clip});
        QVERIFY(ffmpeg.waitForFinished(60000));
        QVERIFY2(ffmpeg.exitCode() == 0, ffmpeg.readAll().constData());

        const QString id = createVideo(QJsonObject{{QStringLiteral("title"), QStringLiteral("Glacier timelapse")},
                                                   {QStringLiteral("visibility"), QStringLiteral("public")}});
        QVERIFY(!id.isEmpty());
        QFile file(clip);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray data = file.readAll();
        using Headers = QList<std::pair<QByteArray, QByteArray>>;
        const auto created = m_http.request(
            "POST", m_server->url(QStringLiteral("/api/v1/uploads/")), {},
            Headers{{"Tus-Resumable", "1.0.0"}, {"Authorization", "Bearer " + m_token},
                    {"Upload-Length", QByteArray::number(data.size())},
                    {"Upload-Metadata", "filename " + QByteArray("clip.mp4").toBase64() + ",videoId " + id.toUtf8().toBase64()}});
        QCOMPARE(created.status, 201);
        const auto patched = m_http.request("PATCH", m_server->url(QString::fromUtf8(created.header("Location"))), data,
                                            Headers{{"Tus-Resumable", "1.0.0"}, {"Authorization", "Bearer " + m_token},
                                                    {"Upload-Offset", "0"}, {"Content-Type", "application/offset+octet-stream"}});
        QCOMPARE(patched.status, 204);

        QString state;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000 && state != QLatin1String("ready") && state != QLatin1String("failed")) {
            QTest::qWait(200);
            state = m_http.get(m_server->url(QStringLiteral("/api/v1/videos/") + id), m_token)
                        .json().value(QLatin1String("video")).toObject().value(QLatin1String("state")).toString();
        }
        if (state != QLatin1String("ready"))
            qWarning() << m_http.get(m_server->url(QStringLiteral("/api/v1/videos/%1/status").arg(id)), m_token).body
                       << m_server->output().right(4000);
        QCOMPARE(state, QStringLiteral("ready"));
        QCOMPARE(search({{QStringLiteral("q"), QStringLiteral("glacier")}}), QStringList{id});
        QCOMPARE(suggest(QStringLiteral("glacier time")), QStringList{QStringLiteral("Glacier timelapse")});
    }
};

QTEST_GUILESS_MAIN(tst_PostgresCatalog)
#include "tst_postgrescatalog.moc"
