// The creator's studio against the real kinora-server: signed out it offers
// no upload; signed in, a dropped clip opens the upload wizard, which is
// finished with a transcode on this computer; the queue view shows the
// progress until Done, the video is ready on the server with the wizard's
// metadata, and the tray notifier told the creator. The row actions (pause,
// resume, cancel with confirmation, remove) and a failed item with its
// error and Retry button are driven through the queue view.
#include "core/media/testpatternwriter.h"
#include "core/net/apiclient.h"
#include "core/net/studioclient.h"
#include "studio/studiopage.h"
#include "studio/upload/uploadqueue.h"
#include "studio/wizard/detailspage.h"
#include "studio/wizard/filepage.h"
#include "studio/wizard/traynotifier.h"
#include "studio/wizard/uploadqueuerow.h"
#include "studio/wizard/uploadqueueview.h"
#include "studio/wizard/uploadwizard.h"
#include "tests/app/catalogseed.h"
#include "tests/studio/studiotestsetup.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Kinora;
namespace StudioTestSetup = Kinora::Tests::StudioTestSetup;
using Kinora::Studio::StudioPage;
using Kinora::Studio::UploadItem;
using Kinora::Studio::UploadQueue;
using Kinora::Studio::UploadQueueRow;
using Kinora::Studio::UploadRequest;
using Kinora::Studio::UploadWizard;
using Kinora::Tests::CatalogSeed;
using Kinora::Tests::ServerProcess;
using Stage = UploadItem::Stage;

class TestStudioFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signedOutOffersNoUpload();
    void droppedClipIsUploadedThroughTheWizard();
    void rowActions();
    void failedItemShowsErrorAndRetry();

private:
    UploadQueue::Options options();
    QJsonObject serverVideo(const QString &videoId);
    static QPushButton *rowButton(UploadQueueRow *row, const char *name)
    {
        return row->findChild<QPushButton *>(QString::fromLatin1(name));
    }
    static QString rowText(UploadQueueRow *row, const char *name)
    {
        auto *label = row->findChild<QLabel *>(QString::fromLatin1(name));
        return label ? label->text() : QString();
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<CatalogSeed> m_seed;
    CatalogSeed::Account m_account;
    Tests::TestHttpClient m_http;
    QNetworkAccessManager m_network;
    std::unique_ptr<Core::ApiClient> m_api;
    std::unique_ptr<Core::StudioClient> m_studio;
    QString m_clip;
    int m_queues = 0;
};

UploadQueue::Options TestStudioFlow::options()
{
    ++m_queues;
    UploadQueue::Options o;
    o.journalPath = m_dir->filePath(QStringLiteral("journal%1.sqlite").arg(m_queues));
    o.workDirectory = m_dir->filePath(QStringLiteral("work%1").arg(m_queues));
    o.chunkSize = qint64(256) << 10;
    o.statusPollMs = 200;
    o.transcodeSettings.ladder.heights = {240};
    o.transcodeSettings.ladder.segmentSeconds = 2.0;
    o.transcodeSettings.preset = QStringLiteral("ultrafast");
    o.transcodeSettings.thumbnailCount = 3;
    o.transcodeSettings.thumbnailWidth = 320;
    return o;
}

QJsonObject TestStudioFlow::serverVideo(const QString &videoId)
{
    const auto reply = m_http.get(m_server->url(QStringLiteral("/api/v1/videos/") + videoId), m_account.accessToken.toUtf8());
    return reply.json().value(QLatin1String("video")).toObject();
}

void TestStudioFlow::initTestCase()
{
    qRegisterMetaType<Kinora::Studio::UploadWizard *>();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clip = m_dir->filePath(QStringLiteral("harbour_evening.mp4"));
    QString error;
    QVERIFY2(StudioTestSetup::writeClip(m_clip, QStringLiteral("studio flow"), &error), qPrintable(error));
    m_server = std::make_unique<ServerProcess>(QStringList{}, StudioTestSetup::fastServerEnvironment());
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_seed = std::make_unique<CatalogSeed>(m_server.get());
    QVERIFY2(m_seed->registerUser(QStringLiteral("studioflow"), &m_account, &error), qPrintable(error));
    m_api = StudioTestSetup::signedInApi(*m_server, m_account);
    m_studio = std::make_unique<Core::StudioClient>(m_api.get());
}

void TestStudioFlow::cleanupTestCase()
{
    if (m_server)
        m_server->stop();
}

void TestStudioFlow::signedOutOffersNoUpload()
{
    UploadQueue queue(m_studio.get(), &m_network, options());
    QVERIFY(queue.open());
    StudioPage page(m_studio.get(), &queue);
    page.show();
    auto *upload = page.findChild<QPushButton *>(QStringLiteral("uploadButton"));
    QVERIFY(upload);
    QVERIFY(!upload->isEnabled());
    bool saysSignIn = false;
    for (QLabel *label : page.findChildren<QLabel *>())
        saysSignIn = saysSignIn || (label->isVisible() && label->text() == QStringLiteral("Sign in to upload"));
    QVERIFY(saysSignIn);

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_clip)});
    QVERIFY(!page.acceptsDrop(&mime));
    page.dropFiles(mime.urls());
    page.openUploadWizard(m_clip);
    QVERIFY(!page.currentWizard());
    QVERIFY(page.pendingFiles().isEmpty());

    page.setSignedIn(true);
    QVERIFY(upload->isEnabled());
    QVERIFY(page.acceptsDrop(&mime));
    QMimeData remote;
    remote.setUrls({QUrl(QStringLiteral("https://example.org/video.mp4"))});
    QVERIFY(!page.acceptsDrop(&remote));
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("uploadHint"))->text().contains(QStringLiteral("drop files here")));
    QCOMPARE(page.queueView()->objectName(), QStringLiteral("uploadQueueView"));
    QCOMPARE(page.queueView()->rowCount(), 0);

    // Several dropped files open one wizard after the other.
    const QString second = m_dir->filePath(QStringLiteral("second_take.mp4"));
    QVERIFY(QFile::copy(m_clip, second));
    page.dropFiles({QUrl::fromLocalFile(m_clip), QUrl::fromLocalFile(second)});
    QVERIFY(page.currentWizard());
    QCOMPARE(page.currentWizard()->filePath(), m_clip);
    QCOMPARE(page.pendingFiles(), QStringList{second});
    page.currentWizard()->reject();
    QTRY_VERIFY(page.currentWizard() && page.currentWizard()->filePath() == second);
    QVERIFY(page.pendingFiles().isEmpty());
    QVERIFY(page.currentWizard()->isVisible());

    // Signing out closes the wizard and disables uploading again.
    page.setSignedIn(false);
    QTRY_VERIFY(!page.currentWizard());
    QVERIFY(!upload->isEnabled());
    QVERIFY(queue.items().isEmpty());
}

void TestStudioFlow::droppedClipIsUploadedThroughTheWizard()
{
    UploadQueue queue(m_studio.get(), &m_network, options());
    QVERIFY(queue.open());
    StudioPage page(m_studio.get(), &queue);
    page.setSignedIn(true);
    page.resize(900, 600);
    page.show();
    QSignalSpy opened(&page, &StudioPage::uploadWizardOpened);
    QSignalSpy queued(&page, &StudioPage::uploadQueued);

    page.dropFiles({QUrl::fromLocalFile(m_clip)});
    QCOMPARE(opened.size(), 1);
    UploadWizard *wizard = page.currentWizard();
    QVERIFY(wizard);
    QVERIFY(wizard->isVisible());
    QCOMPARE(wizard->filePath(), m_clip);
    QTRY_VERIFY_WITH_TIMEOUT(wizard->filePage()->isComplete(), 30000);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(UploadWizard::TranscodePageId));
    wizard->next();
    QCOMPARE(wizard->currentId(), int(UploadWizard::DetailsPageId));
    auto *title = wizard->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
    QCOMPARE(title->text(), QStringLiteral("harbour evening"));
    title->setText(QStringLiteral("Harbour at dusk"));
    wizard->findChild<QLineEdit *>(QStringLiteral("tagsEdit"))->setText(QStringLiteral("harbour, evening"));
    // The categories come from the server.
    auto *category = wizard->findChild<QComboBox *>(QStringLiteral("categoryCombo"));
    QTRY_VERIFY_WITH_TIMEOUT(category->count() > 1, 20000);
    category->setCurrentIndex(1);
    const QString chosenCategory = category->currentData().toString();
    QTRY_COMPARE_WITH_TIMEOUT(wizard->detailsPage()->thumbnailCandidateCount(), 3, 30000);
    wizard->next();
    QCOMPARE(wizard->currentId(), int(UploadWizard::SummaryPageId));
    wizard->button(QWizard::FinishButton)->click();

    QTRY_COMPARE_WITH_TIMEOUT(queued.size(), 1, 10000);
    QTRY_VERIFY(!page.currentWizard());
    const qint64 id = queued.first().at(0).toLongLong();
    const UploadItem item = *queue.item(id);
    QCOMPARE(item.request.mode, UploadRequest::Mode::TranscodeHere);
    QCOMPARE(item.request.metadata.title, QStringLiteral("Harbour at dusk"));

    UploadQueueRow *row = page.queueView()->row(id);
    QVERIFY(row);
    QCOMPARE(rowText(row, "titleLabel"), QStringLiteral("Harbour at dusk"));
    auto *progress = row->findChild<QProgressBar *>(QStringLiteral("progressBar"));
    QVERIFY(progress);
    // Watch the row as the queue moves (the view's own slot runs first).
    QStringList stagesShown;
    bool sawPartialProgress = false;
    bool sawSpeed = false;
    connect(&queue, &UploadQueue::itemChanged, row, [&, row](qint64 changed) {
        if (changed != id)
            return;
        const QString stage = rowText(row, "stageLabel");
        if (stagesShown.isEmpty() || stagesShown.last() != stage)
            stagesShown.append(stage);
        if (progress->maximum() > 0 && progress->value() > 0 && progress->value() < progress->maximum())
            sawPartialProgress = true;
        const QString speed = rowText(row, "speedLabel");
        if (speed.contains(QStringLiteral("realtime")) || speed.contains(QStringLiteral("MB/s")))
            sawSpeed = true;
    });
    QTRY_COMPARE_WITH_TIMEOUT(rowText(row, "stageLabel"), QStringLiteral("Done"), 90000);
    QVERIFY2(stagesShown.contains(QStringLiteral("Transcoding")), qPrintable(stagesShown.join(QLatin1Char(','))));
    QVERIFY2(stagesShown.contains(QStringLiteral("Uploading")), qPrintable(stagesShown.join(QLatin1Char(','))));
    QVERIFY(sawPartialProgress);
    QVERIFY(sawSpeed);
    QCOMPARE(progress->value(), progress->maximum());
    QVERIFY(!rowButton(row, "pauseButton")->isVisibleTo(row));
    QVERIFY(!rowButton(row, "cancelButton")->isVisibleTo(row));
    QVERIFY(!rowButton(row, "retryButton")->isVisibleTo(row));
    QVERIFY(rowButton(row, "removeButton")->isVisibleTo(row));

    const QString videoId = queue.item(id)->videoId;
    QVERIFY(!videoId.isEmpty());
    const QJsonObject video = serverVideo(videoId);
    QCOMPARE(video.value(QLatin1String("state")).toString(), QStringLiteral("ready"));
    QCOMPARE(video.value(QLatin1String("title")).toString(), QStringLiteral("Harbour at dusk"));
    QCOMPARE(video.value(QLatin1String("category")).toString(), chosenCategory);
    const QJsonArray tags = video.value(QLatin1String("tags")).toArray();
    QCOMPARE(tags.size(), 2);
    QCOMPARE(tags.at(0).toString(), QStringLiteral("harbour"));

    QCOMPARE(page.trayNotifier()->lastMessage(), QStringLiteral("“Harbour at dusk” is ready"));

    // Remove forgets the finished item and its row.
    rowButton(row, "removeButton")->click();
    QTRY_VERIFY(!page.queueView()->row(id));
    QVERIFY(!queue.item(id));
}

void TestStudioFlow::rowActions()
{
    UploadQueue::Options o = options();
    o.chunkSize = qint64(16) << 10;   // many chunks: the upload is still running when paused
    UploadQueue queue(m_studio.get(), &m_network, o);
    QVERIFY(queue.open());
    StudioPage page(m_studio.get(), &queue);
    page.setSignedIn(true);
    page.show();

    UploadRequest request;
    request.filePath = m_clip;
    request.mode = UploadRequest::Mode::ServerTranscodes;
    request.metadata.title = QStringLiteral("Paused and cancelled");
    request.metadata.visibility = QStringLiteral("private");
    bool paused = false;
    qint64 id = 0;
    connect(&queue, &UploadQueue::itemChanged, this, [&](qint64 changed) {
        UploadQueueRow *row = page.queueView()->row(changed);
        const auto item = queue.item(changed);
        if (!paused && row && item && item->stage == Stage::Uploading && item->bytesSent > 0) {
            paused = true;
            QVERIFY(rowButton(row, "pauseButton")->isVisibleTo(row));
            rowButton(row, "pauseButton")->click();
        }
    });
    id = queue.enqueue(request);
    QVERIFY(id > 0);
    UploadQueueRow *row = page.queueView()->row(id);
    QVERIFY(row);
    QTRY_VERIFY_WITH_TIMEOUT(paused, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(queue.item(id)->stage, Stage::Paused, 20000);
    QVERIFY2(rowText(row, "stageLabel").startsWith(QStringLiteral("Paused")), qPrintable(rowText(row, "stageLabel")));
    QVERIFY(!rowButton(row, "pauseButton")->isVisibleTo(row));
    QVERIFY(rowButton(row, "resumeButton")->isVisibleTo(row));
    const qint64 sentWhenPaused = queue.item(id)->bytesSent;
    QVERIFY(sentWhenPaused < queue.item(id)->bytesTotal);

    rowButton(row, "resumeButton")->click();
    QTRY_VERIFY_WITH_TIMEOUT(queue.item(id)->stage != Stage::Paused, 20000);
    QVERIFY(!rowButton(row, "resumeButton")->isVisibleTo(row));

    // Cancel asks first; "Keep Uploading" changes nothing.
    rowButton(row, "cancelButton")->click();
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = row->findChild<QMessageBox *>(QStringLiteral("cancelConfirmation"))) && box->isVisible());
    box->button(QMessageBox::No)->click();
    QTRY_VERIFY(!row->findChild<QMessageBox *>(QStringLiteral("cancelConfirmation")));
    QVERIFY(queue.item(id)->stage != Stage::Cancelled);
    if (!queue.item(id)->isFinished()) {
        rowButton(row, "cancelButton")->click();
        QTRY_VERIFY((box = row->findChild<QMessageBox *>(QStringLiteral("cancelConfirmation"))) && box->isVisible());
        box->button(QMessageBox::Yes)->click();
        QTRY_COMPARE_WITH_TIMEOUT(queue.item(id)->stage, Stage::Cancelled, 20000);
        QCOMPARE(rowText(row, "stageLabel"), QStringLiteral("Cancelled"));
    }
    QTRY_VERIFY(rowButton(row, "removeButton")->isVisibleTo(row));
    QVERIFY(!rowButton(row, "cancelButton")->isVisibleTo(row));
    // Keyboard: the remove button takes the focus and Space presses it.
    rowButton(row, "removeButton")->setFocus(Qt::TabFocusReason);
    QCOMPARE(rowButton(row, "removeButton")->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
    QTest::keyClick(rowButton(row, "removeButton"), Qt::Key_Space);
    QTRY_VERIFY(!page.queueView()->row(id));
    QVERIFY(!queue.item(id));
}

void TestStudioFlow::failedItemShowsErrorAndRetry()
{
    const QString notVideo = m_dir->filePath(QStringLiteral("minutes.mp4"));
    QFile file(notVideo);
    QVERIFY(file.open(QIODevice::WriteOnly));
    for (int i = 0; i < 5000; ++i)
        file.write("Minutes of the meeting, not a video. ");
    file.close();

    UploadQueue queue(m_studio.get(), &m_network, options());
    QVERIFY(queue.open());
    StudioPage page(m_studio.get(), &queue);
    page.setSignedIn(true);
    page.show();
    UploadRequest request;
    request.filePath = notVideo;
    request.metadata.title = QStringLiteral("Meeting");
    const qint64 id = queue.enqueue(request);
    QVERIFY(id > 0);
    UploadQueueRow *row = page.queueView()->row(id);
    QVERIFY(row);
    QTRY_COMPARE_WITH_TIMEOUT(rowText(row, "stageLabel"), QStringLiteral("Failed"), 30000);
    const QString error = queue.item(id)->error;
    QVERIFY(!error.isEmpty());
    QCOMPARE(rowText(row, "errorLabel"), error);
    QVERIFY(row->findChild<QLabel *>(QStringLiteral("errorLabel"))->isVisibleTo(row));
    QVERIFY(rowButton(row, "retryButton")->isVisibleTo(row));
    QVERIFY(rowButton(row, "removeButton")->isVisibleTo(row));
    QVERIFY(!rowButton(row, "pauseButton")->isVisibleTo(row));
    QCOMPARE(page.trayNotifier()->lastMessage(), QStringLiteral("“Meeting” failed: ") + error);

    // Retry runs the failed stage again; the file is still no video.
    QSignalSpy finished(&queue, &UploadQueue::itemFinished);
    rowButton(row, "retryButton")->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.first().at(1).toBool(), false);
    QCOMPARE(rowText(row, "stageLabel"), QStringLiteral("Failed"));
}

QTEST_MAIN(TestStudioFlow)
#include "tst_studioflow.moc"
