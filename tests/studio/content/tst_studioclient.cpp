// StudioClient against the real kinora-server: a draft created and updated
// (the schedule set, then cleared), validation errors as ApiError, a PNG
// thumbnail uploaded and chosen, the creator's own list with its drafts,
// the processing status of a draft, deletion, and another user refused.
#include "tests/app/catalogseed.h"

#include "core/net/apiclient.h"
#include "core/net/studioclient.h"
#include "tests/support/serverprocess.h"

#include <QBuffer>
#include <QImage>
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
    bool ok() const { return done && error.code.isEmpty() && error.httpStatus == 0; }
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
    if (!QTest::qWaitFor([result] { return result->done; }, 30000))
        qWarning("no answer within 30 s");
    return *result;
}

Result<bool> runDone(const std::function<void(QObject *, Core::StudioClient::DoneCallback)> &call)
{
    auto result = std::make_shared<Result<bool>>();
    QObject context;
    call(&context, [result](const Core::ApiError &error) {
        result->done = true;
        result->value = error.code.isEmpty();
        result->error = error;
    });
    if (!QTest::qWaitFor([result] { return result->done; }, 30000))
        qWarning("no answer within 30 s");
    return *result;
}

QByteArray pngImage()
{
    QImage image(64, 36, QImage::Format_RGB32);
    image.fill(QColor(30, 120, 200));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestStudioClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void createAndUpdateDraft();
    void validationErrors();
    void customThumbnail();
    void myVideosListsDrafts();
    void processingStatusOfDraft();
    void deleteVideo();
    void otherUserIsRefused();

private:
    std::unique_ptr<Core::ApiClient> clientFor(const Tests::CatalogSeed::Account &account);
    QString createDraft(Core::StudioClient *studio, const QString &title);

    std::unique_ptr<Tests::ServerProcess> m_server;
    std::unique_ptr<Tests::CatalogSeed> m_seed;
    Tests::TestHttpClient m_http;
    Tests::CatalogSeed::Account m_alice;
    Tests::CatalogSeed::Account m_bob;
};

std::unique_ptr<Core::ApiClient> TestStudioClient::clientFor(const Tests::CatalogSeed::Account &account)
{
    auto client = std::make_unique<Core::ApiClient>();
    client->setBaseUrl(m_server->baseUrl());
    client->setTokens(account.accessToken, account.refreshToken);
    return client;
}

QString TestStudioClient::createDraft(Core::StudioClient *studio, const QString &title)
{
    Core::VideoDraft draft;
    draft.title = title;
    const auto created = run<Core::VideoSummary>(
        [&](QObject *context, auto done) { studio->createVideo(draft, context, done); });
    if (!created.ok())
        qWarning("create %s: %s", qPrintable(title), qPrintable(created.error.message));
    return created.value.id;
}

void TestStudioClient::initTestCase()
{
    m_server = std::make_unique<Tests::ServerProcess>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_seed = std::make_unique<Tests::CatalogSeed>(m_server.get());
    QVERIFY2(m_seed->registerUser(QStringLiteral("alice"), &m_alice, &error), qPrintable(error));
    QVERIFY2(m_seed->registerUser(QStringLiteral("bob"), &m_bob, &error), qPrintable(error));
}

void TestStudioClient::createAndUpdateDraft()
{
    auto api = clientFor(m_alice);
    Core::StudioClient studio(api.get());

    const QDateTime later = QDateTime::currentDateTimeUtc().addDays(3);
    Core::VideoDraft draft;
    draft.title = QStringLiteral("Glacier walk");
    draft.description = QStringLiteral("Ice, wind and a long way up.");
    draft.tags = QStringList{QStringLiteral("ice"), QStringLiteral("hiking")};
    draft.category = QStringLiteral("travel");
    draft.language = QStringLiteral("en");
    draft.visibility = QStringLiteral("unlisted");
    draft.scheduledAt = later;
    const auto created = run<Core::VideoSummary>(
        [&](QObject *context, auto done) { studio.createVideo(draft, context, done); });
    QVERIFY2(created.ok(), qPrintable(created.error.message));
    const Core::VideoSummary video = created.value;
    QVERIFY(!video.id.isEmpty());
    QCOMPARE(video.title, QStringLiteral("Glacier walk"));
    QCOMPARE(video.description, QStringLiteral("Ice, wind and a long way up."));
    QCOMPARE(video.tags, (QStringList{QStringLiteral("ice"), QStringLiteral("hiking")}));
    QCOMPARE(video.category, QStringLiteral("travel"));
    QCOMPARE(video.language, QStringLiteral("en"));
    QCOMPARE(video.visibility, QStringLiteral("unlisted"));
    QCOMPARE(video.state, QStringLiteral("draft"));
    QCOMPARE(video.ownerId, m_alice.id);
    QVERIFY(video.scheduledAt.isValid());
    QCOMPARE(video.scheduledAt.toMSecsSinceEpoch(), later.toMSecsSinceEpoch());
    QVERIFY(video.createdAt.isValid());

    // Only the fields set are sent: the description stays.
    Core::VideoDraft changes;
    changes.title = QStringLiteral("Glacier walk, day two");
    changes.tags = QStringList{QStringLiteral("glacier")};
    changes.visibility = QStringLiteral("private");
    changes.scheduledAt = QDateTime(); // clear the schedule
    const auto updated = run<Core::VideoSummary>(
        [&](QObject *context, auto done) { studio.updateVideo(video.id, changes, context, done); });
    QVERIFY2(updated.ok(), qPrintable(updated.error.message));
    QCOMPARE(updated.value.title, QStringLiteral("Glacier walk, day two"));
    QCOMPARE(updated.value.description, QStringLiteral("Ice, wind and a long way up."));
    QCOMPARE(updated.value.tags, QStringList{QStringLiteral("glacier")});
    QCOMPARE(updated.value.visibility, QStringLiteral("private"));
    QVERIFY(!updated.value.scheduledAt.isValid());

    // What the server stored, read back over plain HTTP.
    const auto stored = m_http.get(m_server->url(QStringLiteral("/api/v1/videos/") + video.id), m_alice.accessToken.toUtf8());
    QCOMPARE(stored.status, 200);
    const QJsonObject json = stored.json().value(QLatin1String("video")).toObject();
    QCOMPARE(json.value(QLatin1String("title")).toString(), QStringLiteral("Glacier walk, day two"));
    QVERIFY(json.value(QLatin1String("scheduledAt")).isNull());
    QCOMPARE(json.value(QLatin1String("visibility")).toString(), QStringLiteral("private"));
}

void TestStudioClient::validationErrors()
{
    auto api = clientFor(m_alice);
    Core::StudioClient studio(api.get());

    Core::VideoDraft untitled;
    untitled.description = QStringLiteral("no title");
    const auto created = run<Core::VideoSummary>(
        [&](QObject *context, auto done) { studio.createVideo(untitled, context, done); });
    QVERIFY(created.done);
    QCOMPARE(created.error.httpStatus, 422);
    QCOMPARE(created.error.code, QStringLiteral("validation_failed"));
    QVERIFY(!created.error.message.isEmpty());
    QVERIFY(!created.value.isValid());

    const QString id = createDraft(&studio, QStringLiteral("Validation target"));
    QVERIFY(!id.isEmpty());
    Core::VideoDraft badCategory;
    badCategory.category = QStringLiteral("no-such-category");
    const auto category = run<Core::VideoSummary>(
        [&](QObject *context, auto done) { studio.updateVideo(id, badCategory, context, done); });
    QCOMPARE(category.error.httpStatus, 422);
    QCOMPARE(category.error.code, QStringLiteral("validation_failed"));
    QVERIFY2(category.error.message.contains(QLatin1String("category")), qPrintable(category.error.message));

    Core::VideoDraft past;
    past.scheduledAt = QDateTime::currentDateTimeUtc().addDays(-1);
    const auto schedule = run<Core::VideoSummary>(
        [&](QObject *context, auto done) { studio.updateVideo(id, past, context, done); });
    QCOMPARE(schedule.error.code, QStringLiteral("validation_failed"));

    // "custom" needs an uploaded image first.
    Core::VideoDraft custom;
    custom.thumbnail = QStringLiteral("custom");
    const auto thumbnail = run<Core::VideoSummary>(
        [&](QObject *context, auto done) { studio.updateVideo(id, custom, context, done); });
    QCOMPARE(thumbnail.error.code, QStringLiteral("validation_failed"));
}

void TestStudioClient::customThumbnail()
{
    auto api = clientFor(m_alice);
    Core::StudioClient studio(api.get());
    const QString id = createDraft(&studio, QStringLiteral("Thumbnail target"));
    QVERIFY(!id.isEmpty());

    // Bytes that are not the declared type are refused.
    const auto wrong = run<Core::VideoSummary>([&](QObject *context, auto done) {
        studio.uploadThumbnail(id, QByteArrayLiteral("not an image at all"), "image/png", context, done);
    });
    QCOMPARE(wrong.error.httpStatus, 422);
    QCOMPARE(wrong.error.code, QStringLiteral("validation_failed"));

    const QByteArray png = pngImage();
    QVERIFY(png.startsWith("\x89PNG"));
    const auto uploaded = run<Core::VideoSummary>(
        [&](QObject *context, auto done) { studio.uploadThumbnail(id, png, "image/png", context, done); });
    QVERIFY2(uploaded.ok(), qPrintable(uploaded.error.message));
    QCOMPARE(uploaded.value.id, id);
    QVERIFY(QFile::exists(m_server->dataDir() + QStringLiteral("/media/videos/") + id + QStringLiteral("/thumbs/custom")));

    Core::VideoDraft custom;
    custom.thumbnail = QStringLiteral("custom");
    const auto chosen = run<Core::VideoSummary>(
        [&](QObject *context, auto done) { studio.updateVideo(id, custom, context, done); });
    QVERIFY2(chosen.ok(), qPrintable(chosen.error.message));
    QCOMPARE(chosen.value.thumbnail, QStringLiteral("custom"));
    const auto stored = m_http.get(m_server->url(QStringLiteral("/api/v1/videos/") + id), m_alice.accessToken.toUtf8());
    QCOMPARE(stored.json().value(QLatin1String("video")).toObject().value(QLatin1String("thumbnail")).toString(),
             QStringLiteral("custom"));
}

void TestStudioClient::myVideosListsDrafts()
{
    auto api = clientFor(m_bob);
    Core::StudioClient studio(api.get());
    QStringList created;
    for (int i = 0; i < 3; ++i) {
        created.prepend(createDraft(&studio, QStringLiteral("Bob's draft %1").arg(i)));
        QVERIFY(!created.first().isEmpty());
    }

    // One per page: the cursor walks through all of them, newest first.
    QStringList listed;
    QString cursor;
    for (int page = 0; page < 10; ++page) {
        const auto result = run<Core::VideoPage>(
            [&](QObject *context, auto done) { studio.myVideos(cursor, 1, context, done); });
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QVERIFY(result.value.items.size() <= 1);
        for (const Core::VideoSummary &video : result.value.items) {
            QCOMPARE(video.state, QStringLiteral("draft"));
            QCOMPARE(video.ownerId, m_bob.id);
            listed.append(video.id);
        }
        cursor = result.value.nextCursor;
        if (cursor.isEmpty())
            break;
    }
    QCOMPARE(listed, created);

    const auto all = run<Core::VideoPage>([&](QObject *context, auto done) { studio.myVideos({}, 0, context, done); });
    QVERIFY(all.ok());
    QCOMPARE(all.value.items.size(), 3);
    QVERIFY(!all.value.hasMore());
    QCOMPARE(all.value.items.first().title, QStringLiteral("Bob's draft 2"));
}

void TestStudioClient::processingStatusOfDraft()
{
    auto api = clientFor(m_alice);
    Core::StudioClient studio(api.get());
    const QString id = createDraft(&studio, QStringLiteral("Status target"));
    QVERIFY(!id.isEmpty());
    const auto status = run<Core::ProcessingStatus>(
        [&](QObject *context, auto done) { studio.processingStatus(id, context, done); });
    QVERIFY2(status.ok(), qPrintable(status.error.message));
    QVERIFY(status.value.isValid());
    // A draft has no media yet: the pipeline waits for its upload.
    QCOMPARE(status.value.state, QStringLiteral("uploading"));
    QCOMPARE(status.value.percent, 0.0);
    QCOMPARE(status.value.attempts, 0);
    QVERIFY(status.value.renditions.isEmpty());

    auto bobApi = clientFor(m_bob);
    Core::StudioClient bobStudio(bobApi.get());
    const auto hidden = run<Core::ProcessingStatus>(
        [&](QObject *context, auto done) { bobStudio.processingStatus(id, context, done); });
    QCOMPARE(hidden.error.httpStatus, 404);
}

void TestStudioClient::deleteVideo()
{
    auto api = clientFor(m_alice);
    Core::StudioClient studio(api.get());
    const QString id = createDraft(&studio, QStringLiteral("Short-lived"));
    QVERIFY(!id.isEmpty());

    const auto deleted = runDone([&](QObject *context, auto done) { studio.deleteVideo(id, context, done); });
    QVERIFY2(deleted.ok(), qPrintable(deleted.error.message));

    const auto stored = m_http.get(m_server->url(QStringLiteral("/api/v1/videos/") + id), m_alice.accessToken.toUtf8());
    QCOMPARE(stored.status, 404);
    QCOMPARE(stored.errorCode(), QByteArray("not_found"));
    const auto again = runDone([&](QObject *context, auto done) { studio.deleteVideo(id, context, done); });
    QCOMPARE(again.error.httpStatus, 404);
    QCOMPARE(again.error.code, QStringLiteral("not_found"));
    const auto status = run<Core::ProcessingStatus>(
        [&](QObject *context, auto done) { studio.processingStatus(id, context, done); });
    QCOMPARE(status.error.httpStatus, 404);

    const auto mine = run<Core::VideoPage>([&](QObject *context, auto done) { studio.myVideos({}, 100, context, done); });
    QVERIFY(mine.ok());
    for (const Core::VideoSummary &video : mine.value.items)
        QVERIFY(video.id != id);
}

void TestStudioClient::otherUserIsRefused()
{
    auto aliceApi = clientFor(m_alice);
    Core::StudioClient alice(aliceApi.get());
    const QString id = createDraft(&alice, QStringLiteral("Alice's own"));
    QVERIFY(!id.isEmpty());

    auto bobApi = clientFor(m_bob);
    Core::StudioClient bob(bobApi.get());
    const auto refused = [](const Core::ApiError &error) { return error.httpStatus == 403 || error.httpStatus == 404; };

    Core::VideoDraft changes;
    changes.title = QStringLiteral("Taken over");
    const auto updated = run<Core::VideoSummary>(
        [&](QObject *context, auto done) { bob.updateVideo(id, changes, context, done); });
    QVERIFY2(refused(updated.error), qPrintable(QString::number(updated.error.httpStatus)));
    const auto thumbnail = run<Core::VideoSummary>(
        [&](QObject *context, auto done) { bob.uploadThumbnail(id, pngImage(), "image/png", context, done); });
    QVERIFY2(refused(thumbnail.error), qPrintable(QString::number(thumbnail.error.httpStatus)));
    const auto deleted = runDone([&](QObject *context, auto done) { bob.deleteVideo(id, context, done); });
    QVERIFY2(refused(deleted.error), qPrintable(QString::number(deleted.error.httpStatus)));

    const auto stored = m_http.get(m_server->url(QStringLiteral("/api/v1/videos/") + id), m_alice.accessToken.toUtf8());
    QCOMPARE(stored.status, 200);
    QCOMPARE(stored.json().value(QLatin1String("video")).toObject().value(QLatin1String("title")).toString(),
             QStringLiteral("Alice's own"));
}

QTEST_GUILESS_MAIN(TestStudioClient)
#include "tst_studioclient.moc"
