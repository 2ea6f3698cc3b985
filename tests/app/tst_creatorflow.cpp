// The creator's whole way with one video, in the real app against the real
// server: a creator signs in, drops a generated 10-second clip on the main
// window, goes through the upload wizard with "transcode on this computer",
// and the queue takes it to Done; the video is then ready, a second user
// finds it in search, likes it, subscribes and reads the creator's comment;
// the creator sees it play on the Watch page with the like and subscriber
// counts updated, edits its title in the content manager and deletes it.
#include "app/appcontext.h"
#include "app/browse/commentsection.h"
#include "app/browse/commentview.h"
#include "app/browse/watchpage.h"
#include "app/mainwindow.h"
#include "core/net/apiclient.h"
#include "core/net/authservice.h"
#include "core/net/catalogclient.h"
#include "core/net/healthmonitor.h"
#include "core/net/memorycredentialstore.h"
#include "player/mpv/mpvhlsplayer.h"
#include "studio/content/contentmanager.h"
#include "studio/content/videoeditdialog.h"
#include "studio/content/videotablemodel.h"
#include "studio/studiopage.h"
#include "studio/wizard/detailspage.h"
#include "studio/wizard/filepage.h"
#include "studio/wizard/uploadwizard.h"
#include "tests/app/catalogseed.h"
#include "tests/studio/studiotestsetup.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Kinora;
namespace StudioTestSetup = Kinora::Tests::StudioTestSetup;

namespace {

constexpr int Timeout = 30000;
const QString Password = QStringLiteral("a long enough passphrase");

} // namespace

class TestCreatorFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_clip = m_dir.filePath(QStringLiteral("evening_ferry.mp4"));
        QString error;
        QVERIFY2(StudioTestSetup::writeClip(m_clip, QStringLiteral("creator flow"), &error), qPrintable(error));
        m_server = std::make_unique<Tests::ServerProcess>(QStringList{}, StudioTestSetup::fastServerEnvironment());
        QVERIFY2(m_server->start(&error), qPrintable(error));
        Tests::CatalogSeed seed(m_server.get());
        QVERIFY2(seed.registerUser(QStringLiteral("maker"), &m_creator, &error), qPrintable(error));
        QVERIFY2(seed.registerUser(QStringLiteral("fan"), &m_fan, &error), qPrintable(error));
    }

    void uploadWatchEngageEditDelete()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        Core::MemoryCredentialStore store;
        App::AppContext context(&settings, &store, m_server->baseUrl());
        App::MainWindow window(&context);
        window.resize(1280, 800);
        window.show();
        window.start();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(context.health()->state(), Core::HealthMonitor::State::Reachable, Timeout);
        context.auth()->signIn(QStringLiteral("maker"), Password);
        QTRY_VERIFY_WITH_TIMEOUT(context.auth()->isSignedIn(), Timeout);
        Studio::StudioPage *studio = window.studioPage();
        QTRY_VERIFY(studio->isSignedIn());

        // Dropped on the window: the Studio page opens the wizard with the file.
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_clip)});
        QDropEvent drop(QPointF(400, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QDragEnterEvent enter(QPoint(400, 300), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QApplication::sendEvent(&window, &drop);
        QTRY_VERIFY_WITH_TIMEOUT(studio->currentWizard() && studio->currentWizard()->isVisible(), Timeout);
        Studio::UploadWizard *wizard = studio->currentWizard();
        QTRY_VERIFY_WITH_TIMEOUT(wizard->filePage()->isComplete(), Timeout);
        wizard->next(); // transcoding: on this computer, the default
        QCOMPARE(wizard->currentId(), int(Studio::UploadWizard::TranscodePageId));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(Studio::UploadWizard::DetailsPageId));
        auto *title = wizard->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
        QVERIFY(title);
        title->setText(m_title);
        QTRY_COMPARE_WITH_TIMEOUT(wizard->detailsPage()->thumbnailCandidateCount(), 3, Timeout);
        wizard->next();
        wizard->button(QWizard::FinishButton)->click();

        // The queue transcodes, packages and uploads it; the server publishes it.
        Tests::TestHttpClient http;
        QString videoId;
        QTRY_VERIFY_WITH_TIMEOUT((videoId = readyVideo(http)).size() > 0, 120000);

        // The second user: finds it, likes it, subscribes.
        Core::ApiClient fanApi;
        fanApi.setBaseUrl(m_server->baseUrl());
        fanApi.setTokens(m_fan.accessToken, m_fan.refreshToken);
        Core::CatalogClient fan(&fanApi);
        QStringList found;
        Core::VideoSearchQuery query;
        query.text = QStringLiteral("ferry");
        fan.search(query, this, [&](const Core::VideoPage &page, const Core::ApiError &) {
            for (const Core::VideoSummary &video : page.items)
                found.append(video.id);
        });
        QTRY_COMPARE_WITH_TIMEOUT(found, QStringList{videoId}, Timeout);
        Core::VideoSummary summary;
        fan.video(videoId, this, [&](const Core::VideoSummary &video, const Core::ApiError &) { summary = video; });
        QTRY_VERIFY_WITH_TIMEOUT(summary.isValid(), Timeout);
        bool liked = false;
        fan.setRating(videoId, Core::RatingState::Rating::Like, this,
                      [&](const Core::RatingState &state, const Core::ApiError &) { liked = state.likeCount == 1; });
        bool subscribed = false;
        fan.setSubscribed(summary.channelId, true, this,
                          [&](const Core::SubscriptionState &state, const Core::ApiError &) { subscribed = state.subscribed; });
        QTRY_VERIFY_WITH_TIMEOUT(liked && subscribed, Timeout);

        // The creator watches it: it plays, with the counts the fan changed, and comments.
        window.openVideo(summary);
        App::WatchPage *watch = window.watchPage();
        QVERIFY(watch);
        QTRY_COMPARE_WITH_TIMEOUT(watch->titleText(), m_title, Timeout);
        QVERIFY2(watch->player(), "the player did not start");
        QTRY_VERIFY_WITH_TIMEOUT(watch->player()->position() > 0.5, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(watch->likeButton()->text(), QStringLiteral("Like 1"), Timeout);
        QTRY_COMPARE_WITH_TIMEOUT(watch->subscription().subscriberCount, 1, Timeout);
        App::CommentSection *comments = watch->comments();
        QTest::keyClicks(comments->editor(), QStringLiteral("Shot from the upper deck."));
        QTest::mouseClick(comments->postButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(comments->comments().size(), 1, Timeout);

        // The second user reads the comment.
        QStringList bodies;
        fan.comments(videoId, QString(), 20, this, [&](const Core::CommentPage &page, const Core::ApiError &) {
            for (const Core::VideoComment &comment : page.items)
                bodies.append(comment.body);
        });
        QTRY_COMPARE_WITH_TIMEOUT(bodies, QStringList{QStringLiteral("Shot from the upper deck.")}, Timeout);
        window.leaveWatchPage();

        // The content manager edits the title, then deletes the video.
        window.setCurrentPage(App::MainWindow::Page::Studio);
        auto *tabs = studio->findChild<QTabWidget *>();
        tabs->setCurrentIndex(tabs->count() - 1);
        Studio::ContentManager *manager = studio->contentManager();
        manager->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(manager->model()->rowOf(videoId) >= 0, Timeout);
        auto *table = manager->findChild<QTableView *>(QStringLiteral("contentTable"));
        const int row = manager->model()->rowOf(videoId);
        table->setFocus();
        table->selectRow(row);
        table->setCurrentIndex(table->model()->index(row, 0));
        QTest::mouseClick(manager->findChild<QToolButton *>(QStringLiteral("editButton")), Qt::LeftButton);
        QPointer<Studio::VideoEditDialog> dialog;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = manager->findChild<Studio::VideoEditDialog *>()) && dialog->isVisible(), Timeout);
        dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"))->setText(QStringLiteral("Evening ferry, retitled"));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog, Timeout);
        auto reply = http.get(m_server->url(QStringLiteral("/api/v1/videos/") + videoId));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(QLatin1String("video")).toObject().value(QLatin1String("title")).toString(),
                 QStringLiteral("Evening ferry, retitled"));

        QTest::mouseClick(manager->findChild<QToolButton *>(QStringLiteral("deleteButton")), Qt::LeftButton);
        QPointer<QMessageBox> box;
        QTRY_VERIFY_WITH_TIMEOUT((box = manager->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"))) && box->isVisible(),
                                 Timeout);
        box->findChild<QPushButton *>(QStringLiteral("confirmDeleteButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(manager->model()->rowOf(videoId), -1, Timeout);
        QCOMPARE(http.get(m_server->url(QStringLiteral("/api/v1/videos/") + videoId)).status, 404);
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }

private:
    // The id of the creator's video with m_title once it is ready, else empty.
    QString readyVideo(Tests::TestHttpClient &http)
    {
        const auto reply = http.get(m_server->url(QStringLiteral("/api/v1/users/me/videos")), m_creator.accessToken.toUtf8());
        if (reply.status != 200)
            return {};
        for (const QJsonValue &value : reply.json().value(QLatin1String("items")).toArray()) {
            const QJsonObject video = value.toObject();
            if (video.value(QLatin1String("title")).toString() == m_title
                && video.value(QLatin1String("state")).toString() == QLatin1String("ready"))
                return video.value(QLatin1String("id")).toString();
        }
        return {};
    }

    QTemporaryDir m_dir;
    QString m_clip;
    std::unique_ptr<Tests::ServerProcess> m_server;
    Tests::CatalogSeed::Account m_creator;
    Tests::CatalogSeed::Account m_fan;
    const QString m_title = QStringLiteral("Evening ferry");
};

QTEST_MAIN(TestCreatorFlow)
#include "tst_creatorflow.moc"
