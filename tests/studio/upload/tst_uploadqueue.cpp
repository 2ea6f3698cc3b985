#include "core/media/testpatternwriter.h"
#include "core/net/apiclient.h"
#include "core/net/studioclient.h"
#include "studio/upload/uploadqueue.h"
#include "tests/app/catalogseed.h"
#include "tests/studio/studiotestsetup.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Kinora;
namespace StudioTestSetup = Kinora::Tests::StudioTestSetup;
using Kinora::Studio::UploadItem;
using Kinora::Studio::UploadQueue;
using Kinora::Studio::UploadRequest;
using Kinora::Tests::CatalogSeed;
using Kinora::Tests::ServerProcess;
using Stage = UploadItem::Stage;

// The studio's upload queue against the real kinora-server: a clip converted
// here and sent as a package, a clip converted by the server, an upload
// paused and resumed, and a file that is no video at all.
class tst_UploadQueue : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<CatalogSeed> m_seed;
    CatalogSeed::Account m_account;
    Tests::TestHttpClient m_http;
    QNetworkAccessManager m_network;
    std::unique_ptr<Core::ApiClient> m_api;
    std::unique_ptr<Core::StudioClient> m_studio;
    QString m_clip;   // 10 s, 320x180, H.264 + AAC
    int m_queues = 0;

    UploadQueue::Options options(qint64 chunkSize = qint64(1) << 20)
    {
        ++m_queues;
        UploadQueue::Options o;
        o.journalPath = m_dir->filePath(QStringLiteral("journal%1.sqlite").arg(m_queues));
        o.workDirectory = m_dir->filePath(QStringLiteral("work%1").arg(m_queues));
        o.chunkSize = chunkSize;
        o.statusPollMs = 200;
        // One small rung (the planner caps the 240p rung at the source's 180 lines), fast.
        o.transcodeSettings.ladder.heights = {240};
        o.transcodeSettings.ladder.segmentSeconds = 2.0;
        o.transcodeSettings.preset = QStringLiteral("ultrafast");
        o.transcodeSettings.thumbnailCount = 3;
        o.transcodeSettings.thumbnailWidth = 320;
        return o;
    }

    UploadRequest request(const QString &path, UploadRequest::Mode mode, const QString &title)
    {
        UploadRequest r;
        r.filePath = path;
        r.mode = mode;
        r.metadata.title = title;
        r.metadata.description = QStringLiteral("Made by the upload queue test");
        r.metadata.visibility = QStringLiteral("public");
        r.metadata.thumbnail = QStringLiteral("1");
        return r;
    }

    QJsonObject serverVideo(const QString &videoId)
    {
        const auto reply = m_http.get(m_server->url(QStringLiteral("/api/v1/videos/") + videoId), m_account.accessToken.toUtf8());
        return reply.json().value(QLatin1String("video")).toObject();
    }

    QStringList serverUploads() const
    {
        return QDir(QDir(m_server->dataDir()).filePath(QStringLiteral("uploads"))).entryList(QDir::Files);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clip = m_dir->filePath(QStringLiteral("clip.mp4"));
        QString error;
        QVERIFY2(StudioTestSetup::writeClip(m_clip, QStringLiteral("upload queue"), &error), qPrintable(error));
        m_server = std::make_unique<ServerProcess>(QStringList{}, StudioTestSetup::fastServerEnvironment());
        QVERIFY2(m_server->start(&error), qPrintable(error));
        m_seed = std::make_unique<CatalogSeed>(m_server.get());
        QVERIFY2(m_seed->registerUser(QStringLiteral("uploader"), &m_account, &error), qPrintable(error));
        m_api = StudioTestSetup::signedInApi(*m_server, m_account);
        m_studio = std::make_unique<Core::StudioClient>(m_api.get());
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }

    void transcodedHereAndPublished()
    {
        const UploadQueue::Options o = options();
        UploadQueue queue(m_studio.get(), &m_network, o);
        QString error;
        QVERIFY2(queue.open(&error), qPrintable(error));
        QList<Stage> stages;
        bool sawTranscodeProgress = false;
        connect(&queue, &UploadQueue::itemChanged, this, [&](qint64 id) {
            const auto item = queue.item(id);
            if (stages.isEmpty() || stages.last() != item->stage)
                stages.append(item->stage);
            if (item->stage == Stage::Transcoding && item->percent > 0.0 && item->speed > 0.0)
                sawTranscodeProgress = true;
        });
        QSignalSpy finished(&queue, &UploadQueue::itemFinished);
        const qint64 id = queue.enqueue(request(m_clip, UploadRequest::Mode::TranscodeHere, QStringLiteral("Converted here")));
        QVERIFY(id > 0);
        QCOMPARE(queue.items().size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinished(), 120000);
        QVERIFY2(queue.item(id)->stage == Stage::Done, qPrintable(queue.item(id)->error));
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).toBool(), true);

        // Every stage in order (waiting in the queue in between is allowed).
        stages.removeAll(Stage::Queued);
        QCOMPARE(stages, (QList<Stage>{Stage::Transcoding, Stage::Packaging, Stage::Uploading, Stage::Processing, Stage::Done}));
        QVERIFY(sawTranscodeProgress);

        const QString videoId = queue.item(id)->videoId;
        QVERIFY(!videoId.isEmpty());
        const QJsonObject video = serverVideo(videoId);
        QCOMPARE(video.value(QLatin1String("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(video.value(QLatin1String("title")).toString(), QStringLiteral("Converted here"));
        QCOMPARE(video.value(QLatin1String("visibility")).toString(), QStringLiteral("public"));
        QVERIFY(qAbs(video.value(QLatin1String("durationMs")).toDouble() - 10000) < 500);
        // The server published the ladder made here: one 180-line rendition.
        const auto master = m_http.get(m_server->url(QStringLiteral("/media/videos/%1/master.m3u8").arg(videoId)));
        QCOMPARE(master.status, 200);
        QVERIFY2(master.body.contains("RESOLUTION=320x180"), master.body.constData());
        // The work files are gone.
        QVERIFY(!QFileInfo::exists(QDir(o.workDirectory).filePath(QString::number(id))));
    }

    void serverTranscodes()
    {
        UploadQueue queue(m_studio.get(), &m_network, options());
        QVERIFY(queue.open());
        QList<Stage> stages;
        connect(&queue, &UploadQueue::itemChanged, this, [&](qint64 id) {
            const auto item = queue.item(id);
            if (stages.isEmpty() || stages.last() != item->stage)
                stages.append(item->stage);
        });
        // With a custom thumbnail, uploaded once the video is ready.
        QImage thumbnail(320, 180, QImage::Format_RGB32);
        thumbnail.fill(Qt::darkCyan);
        const QString thumbnailPath = m_dir->filePath(QStringLiteral("thumbnail.png"));
        QVERIFY(thumbnail.save(thumbnailPath));
        UploadRequest withThumbnail = request(m_clip, UploadRequest::Mode::ServerTranscodes, QStringLiteral("Converted by the server"));
        withThumbnail.metadata.thumbnail = QStringLiteral("custom");
        withThumbnail.customThumbnailPath = thumbnailPath;
        const qint64 id = queue.enqueue(withThumbnail);
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinished(), 120000);
        QVERIFY2(queue.item(id)->stage == Stage::Done, qPrintable(queue.item(id)->error));
        stages.removeAll(Stage::Queued);
        QCOMPARE(stages, (QList<Stage>{Stage::Uploading, Stage::Processing, Stage::Done}));
        QCOMPARE(queue.item(id)->bytesSent, QFileInfo(m_clip).size());
        const QJsonObject video = serverVideo(queue.item(id)->videoId);
        QCOMPARE(video.value(QLatin1String("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(video.value(QLatin1String("title")).toString(), QStringLiteral("Converted by the server"));
        QVERIFY(qAbs(video.value(QLatin1String("durationMs")).toDouble() - 10000) < 500);
        QCOMPARE(video.value(QLatin1String("thumbnail")).toString(), QStringLiteral("custom"));
    }

    void pausedTranscodeStartsAgainOnResume()
    {
        const UploadQueue::Options o = options();
        UploadQueue queue(m_studio.get(), &m_network, o);
        QVERIFY(queue.open());
        bool paused = false;
        connect(&queue, &UploadQueue::itemChanged, this, [&](qint64 id) {
            if (!paused && queue.item(id)->stage == Stage::Transcoding && queue.item(id)->percent > 0.0) {
                paused = true;
                queue.pause(id);
            }
        });
        const qint64 id = queue.enqueue(request(m_clip, UploadRequest::Mode::TranscodeHere, QStringLiteral("Paused while converting")));
        QTRY_VERIFY_WITH_TIMEOUT(paused, 60000);
        QCOMPARE(queue.item(id)->stage, Stage::Paused);
        QCOMPARE(queue.item(id)->pausedStage, Stage::Transcoding);
        // A second item may use the free transcode slot meanwhile.
        const qint64 second = queue.enqueue(request(m_clip, UploadRequest::Mode::TranscodeHere, QStringLiteral("Second in line")));
        QTest::qWait(300);
        QCOMPARE(queue.item(id)->stage, Stage::Paused);
        queue.resume(id);
        QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinished() && queue.item(second)->isFinished(), 120000);
        QVERIFY2(queue.item(id)->stage == Stage::Done, qPrintable(queue.item(id)->error));
        QVERIFY2(queue.item(second)->stage == Stage::Done, qPrintable(queue.item(second)->error));
        QCOMPARE(serverVideo(queue.item(id)->videoId).value(QLatin1String("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(serverVideo(queue.item(second)->videoId).value(QLatin1String("title")).toString(), QStringLiteral("Second in line"));
        QVERIFY(QDir(o.workDirectory).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
    }

    void pausedUploadResumesWhereItStopped()
    {
        // Small chunks, so that the upload is still running when it is paused.
        UploadQueue queue(m_studio.get(), &m_network, options(16 * 1024));
        QVERIFY(queue.open());
        qint64 id = 0;
        bool paused = false;
        qint64 sentAtPause = -1;
        qint64 lowestAfterResume = -1;
        bool resumed = false;
        connect(&queue, &UploadQueue::itemChanged, this, [&](qint64 changed) {
            const auto item = queue.item(changed);
            if (item->stage != Stage::Uploading)
                return;
            if (!paused && item->bytesSent >= 64 * 1024) {
                paused = true;
                queue.pause(changed);
                sentAtPause = queue.item(changed)->bytesSent;
            } else if (resumed && (lowestAfterResume < 0 || item->bytesSent < lowestAfterResume)) {
                lowestAfterResume = item->bytesSent;
            }
        });
        id = queue.enqueue(request(m_clip, UploadRequest::Mode::ServerTranscodes, QStringLiteral("Paused once")));
        QVERIFY(id > 0);
        QTRY_VERIFY_WITH_TIMEOUT(paused, 60000);
        QCOMPARE(queue.item(id)->stage, Stage::Paused);
        QCOMPARE(queue.item(id)->pausedStage, Stage::Uploading);
        QVERIFY(queue.item(id)->bytesSent < QFileInfo(m_clip).size());
        // Nothing moves while paused.
        QTest::qWait(700);
        QCOMPARE(queue.item(id)->stage, Stage::Paused);
        QCOMPARE(queue.item(id)->bytesSent, sentAtPause);

        resumed = true;
        queue.resume(id);
        QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinished(), 120000);
        QVERIFY2(queue.item(id)->stage == Stage::Done, qPrintable(queue.item(id)->error));
        // It went on from the server's offset, not from the start (the last
        // unacknowledged chunk at most is sent again).
        QVERIFY(lowestAfterResume >= 0);
        QVERIFY2(lowestAfterResume >= sentAtPause - 16 * 1024, qPrintable(QStringLiteral("%1 < %2").arg(lowestAfterResume).arg(sentAtPause)));
        QCOMPARE(serverVideo(queue.item(id)->videoId).value(QLatin1String("state")).toString(), QStringLiteral("ready"));
    }

    void nonMediaFileFailsWithoutUploading()
    {
        const QString notVideo = m_dir->filePath(QStringLiteral("notes.mp4"));
        QFile file(notVideo);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray text;
        for (int i = 0; i < 20000; ++i)
            text += "These are meeting notes, not a video. ";
        file.write(text);
        file.close();
        const QStringList uploadsBefore = serverUploads();

        for (const auto mode : {UploadRequest::Mode::ServerTranscodes, UploadRequest::Mode::TranscodeHere}) {
            UploadQueue queue(m_studio.get(), &m_network, options());
            QVERIFY(queue.open());
            QList<Stage> stages;
            connect(&queue, &UploadQueue::itemChanged, this, [&](qint64 id) { stages.append(queue.item(id)->stage); });
            QSignalSpy finished(&queue, &UploadQueue::itemFinished);
            const qint64 id = queue.enqueue(request(notVideo, mode, QStringLiteral("Not a video")));
            QVERIFY(id > 0);
            QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinished(), 30000);
            const UploadItem item = *queue.item(id);
            QCOMPARE(item.stage, Stage::Failed);
            QVERIFY2(item.error.contains(QStringLiteral("notes.mp4")), qPrintable(item.error));
            QVERIFY2(item.error.contains(QStringLiteral("Choose a video file")), qPrintable(item.error));
            QCOMPARE(finished.size(), 1);
            QCOMPARE(finished.first().at(1).toBool(), false);
            QCOMPARE(finished.first().at(2).toString(), item.error);
            // Nothing reached the server: no draft, no upload.
            QVERIFY(item.videoId.isEmpty());
            QVERIFY(!stages.contains(Stage::Uploading));
            QVERIFY(!stages.contains(Stage::Transcoding));
            QCOMPARE(serverUploads(), uploadsBefore);
            const auto mine = m_http.get(m_server->url(QStringLiteral("/api/v1/users/me/videos")), m_account.accessToken.toUtf8());
            QCOMPARE(mine.status, 200);
            for (const QJsonValue &v : mine.json().value(QLatin1String("items")).toArray())
                QVERIFY(v.toObject().value(QLatin1String("title")).toString() != QStringLiteral("Not a video"));

            // A finished item can be removed; the journal forgets it.
            QSignalSpy removed(&queue, &UploadQueue::itemRemoved);
            queue.remove(id);
            QCOMPARE(removed.size(), 1);
            QVERIFY(queue.items().isEmpty());
        }
    }

    void journalRestoresItemsAndCancelStops()
    {
        const UploadQueue::Options o = options(16 * 1024);
        qint64 id = 0;
        {
            UploadQueue queue(m_studio.get(), &m_network, o);
            QVERIFY(queue.open());
            id = queue.enqueue(request(m_clip, UploadRequest::Mode::ServerTranscodes, QStringLiteral("Cancelled later")));
            QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->stage == Stage::Uploading && queue.item(id)->bytesSent > 0, 60000);
            queue.pause(id);
            QCOMPARE(queue.item(id)->stage, Stage::Paused);
        }
        // Opened again: the paused item stays paused, with its draft.
        UploadQueue queue(m_studio.get(), &m_network, o);
        QVERIFY(queue.open());
        QCOMPARE(queue.items().size(), 1);
        QCOMPARE(queue.item(id)->stage, Stage::Paused);
        QCOMPARE(queue.item(id)->request.metadata.title.value_or(QString()), QStringLiteral("Cancelled later"));
        const QString videoId = queue.item(id)->videoId;
        QVERIFY(!videoId.isEmpty());
        QTest::qWait(300);
        QCOMPARE(queue.item(id)->stage, Stage::Paused);

        queue.cancel(id);
        QCOMPARE(queue.item(id)->stage, Stage::Cancelled);
        // The draft stays; it never went past uploading.
        const QString state = serverVideo(videoId).value(QLatin1String("state")).toString();
        QVERIFY2(state == QLatin1String("draft") || state == QLatin1String("uploading"), qPrintable(state));
        QVERIFY(!QFileInfo::exists(QDir(o.workDirectory).filePath(QString::number(id))));
    }

    void closedDuringTranscodeStartsItAgain()
    {
        const UploadQueue::Options o = options();
        qint64 id = 0;
        {
            UploadQueue queue(m_studio.get(), &m_network, o);
            QVERIFY(queue.open());
            id = queue.enqueue(request(m_clip, UploadRequest::Mode::TranscodeHere, QStringLiteral("Closed while converting")));
            QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->stage == Stage::Transcoding && queue.item(id)->percent > 0.0, 60000);
        } // the transcode is cancelled and its thread joined here
        UploadQueue queue(m_studio.get(), &m_network, o);
        QList<Stage> stages;
        connect(&queue, &UploadQueue::itemChanged, this, [&](qint64 changed) {
            if (stages.isEmpty() || stages.last() != queue.item(changed)->stage)
                stages.append(queue.item(changed)->stage);
        });
        QVERIFY(queue.open());
        QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinished(), 120000);
        QVERIFY2(queue.item(id)->stage == Stage::Done, qPrintable(queue.item(id)->error));
        QCOMPARE(stages.value(0), Stage::Transcoding);
    }

    void processingItemPollsAgainAfterReopen()
    {
        const UploadQueue::Options o = options();
        qint64 id = 0;
        {
            UploadQueue queue(m_studio.get(), &m_network, o);
            QVERIFY(queue.open());
            id = queue.enqueue(request(m_clip, UploadRequest::Mode::ServerTranscodes, QStringLiteral("Reopened while processing")));
            QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->stage == Stage::Processing, 60000);
        }
        UploadQueue queue(m_studio.get(), &m_network, o);
        QSignalSpy added(&queue, &UploadQueue::itemAdded);
        QVERIFY(queue.open());
        QCOMPARE(added.size(), 1);
        QCOMPARE(queue.item(id)->stage, Stage::Processing);
        QVERIFY(!queue.item(id)->videoId.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinished(), 120000);
        QVERIFY2(queue.item(id)->stage == Stage::Done, qPrintable(queue.item(id)->error));
        QCOMPARE(serverVideo(queue.item(id)->videoId).value(QLatin1String("state")).toString(), QStringLiteral("ready"));
    }

    // Runs last: it makes the client refresh (and so rotate) the account's tokens.
    void expiredTokenIsRefreshedDuringUpload()
    {
        UploadQueue queue(m_studio.get(), &m_network, options(256 * 1024));
        QVERIFY(queue.open());
        bool tokenSpoiled = false;
        connect(&queue, &UploadQueue::itemChanged, this, [&](qint64 id) {
            // Once the draft exists, the access token stops being accepted: the tus upload gets 401.
            if (!tokenSpoiled && !queue.item(id)->videoId.isEmpty()) {
                tokenSpoiled = true;
                m_api->setTokens(QStringLiteral("not-a-valid-token"), m_api->refreshToken());
            }
        });
        const qint64 id = queue.enqueue(request(m_clip, UploadRequest::Mode::ServerTranscodes, QStringLiteral("After a refresh")));
        QVERIFY(id > 0);
        // The tus upload's 401 is what makes the client refresh, while the item is uploading.
        QList<Stage> refreshedDuring;
        connect(m_api.get(), &Core::ApiClient::tokensRefreshed, this, [&] { refreshedDuring.append(queue.item(id)->stage); });
        QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->isFinished(), 120000);
        QVERIFY(tokenSpoiled);
        QVERIFY2(queue.item(id)->stage == Stage::Done, qPrintable(queue.item(id)->error));
        QVERIFY(m_api->accessToken() != QStringLiteral("not-a-valid-token"));
        QCOMPARE(refreshedDuring, QList<Stage>{Stage::Uploading});
        QCOMPARE(serverVideo(queue.item(id)->videoId).value(QLatin1String("title")).toString(), QStringLiteral("After a refresh"));
    }
};

QTEST_GUILESS_MAIN(tst_UploadQueue)
#include "tst_uploadqueue.moc"
