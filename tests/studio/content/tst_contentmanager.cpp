// The creator's content manager against the real kinora-server: a creator
// with a ready video and a draft sees both with their status; the title is
// edited through the dialog, the visibility changed from the menu, the
// thumbnail replaced by an image file, and the draft deleted after
// confirming, each checked on the server. Keyboard shortcuts, processing
// progress, the error banner and the signed-out state are covered too.
#include "tests/app/catalogseed.h"

#include "core/net/apiclient.h"
#include "core/net/studioclient.h"
#include "studio/content/contentmanager.h"
#include "studio/content/videoeditdialog.h"
#include "studio/content/videotablemodel.h"
#include "tests/support/serverprocess.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUuid>

#include <memory>

using namespace Kinora;

namespace {

constexpr int Timeout = 30000;

} // namespace

class TestContentManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void showsVideosWithStatus();
    void editTitleThroughDialog();
    void changeVisibility();
    void replaceThumbnail();
    void deleteAfterConfirmation();
    void keyboardShortcuts();
    void errorsShowInBanner();
    void processingProgressIsPolled();
    void signedOutState();
    void loadMoreAppendsNextPage();

private:
    bool setState(const QString &id, const QString &state, const QString &reason = {});
    QJsonObject serverVideo(const QString &id, int *status = nullptr);
    int rowOf(const QString &id) const { return m_manager->model()->rowOf(id); }
    QString cell(const QString &id, int column) const;
    void select(const QString &id);

    std::unique_ptr<Tests::ServerProcess> m_server;
    std::unique_ptr<Tests::CatalogSeed> m_seed;
    Tests::TestHttpClient m_http;
    Tests::CatalogSeed::Account m_alice;
    QString m_readyId;
    QString m_draftId;

    std::unique_ptr<Core::ApiClient> m_api;
    std::unique_ptr<Core::StudioClient> m_studio;
    std::unique_ptr<Studio::ContentManager> m_manager;
};

QJsonObject TestContentManager::serverVideo(const QString &id, int *status)
{
    const auto reply = m_http.get(m_server->url(QStringLiteral("/api/v1/videos/") + id), m_alice.accessToken.toUtf8());
    if (status)
        *status = reply.status;
    return reply.json().value(QLatin1String("video")).toObject();
}

QString TestContentManager::cell(const QString &id, int column) const
{
    const Studio::VideoTableModel *model = m_manager->model();
    return model->index(model->rowOf(id), column).data().toString();
}

void TestContentManager::select(const QString &id)
{
    auto *table = m_manager->findChild<QTableView *>(QStringLiteral("contentTable"));
    QVERIFY(table);
    const int row = rowOf(id);
    QVERIFY(row >= 0);
    table->setFocus();
    table->selectRow(row);
    table->setCurrentIndex(table->model()->index(row, 0));
}

// Moves a video through the pipeline's states behind the server's back, as
// the processing service would.
bool TestContentManager::setState(const QString &id, const QString &state, const QString &reason)
{
    const QString name = QUuid::createUuid().toString();
    const QString failureReason = reason.isNull() ? QStringLiteral("") : reason; // a null QString binds as NULL
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_server->dataDir() + QStringLiteral("/kinora.sqlite"));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (db.open()) {
            QSqlQuery query(db);
            query.prepare(QStringLiteral("UPDATE videos SET state = ?, failure_reason = ? WHERE id = ?"));
            query.addBindValue(state);
            query.addBindValue(failureReason);
            query.addBindValue(id);
            ok = query.exec() && query.numRowsAffected() == 1;
            if (!ok)
                qWarning("update %s: %s", qPrintable(id), qPrintable(query.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

void TestContentManager::initTestCase()
{
    m_server = std::make_unique<Tests::ServerProcess>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_seed = std::make_unique<Tests::CatalogSeed>(m_server.get());
    QVERIFY2(m_seed->registerUser(QStringLiteral("alice"), &m_alice, &error), qPrintable(error));
    m_readyId = m_seed->createVideo(m_alice, {{QStringLiteral("title"), QStringLiteral("Lighthouse at dusk")}}, &error);
    QVERIFY2(!m_readyId.isEmpty(), qPrintable(error));
    QVERIFY2(m_seed->markReady(m_alice, m_readyId, 4000, &error), qPrintable(error));
    m_draftId = m_seed->createVideo(m_alice,
                                    {{QStringLiteral("title"), QStringLiteral("Unfinished draft")},
                                     {QStringLiteral("visibility"), QStringLiteral("private")}},
                                    &error);
    QVERIFY2(!m_draftId.isEmpty(), qPrintable(error));
}

void TestContentManager::init()
{
    m_api = std::make_unique<Core::ApiClient>();
    m_api->setBaseUrl(m_server->baseUrl());
    m_api->setTokens(m_alice.accessToken, m_alice.refreshToken);
    m_studio = std::make_unique<Core::StudioClient>(m_api.get());
    m_manager = std::make_unique<Studio::ContentManager>(m_studio.get());
    m_manager->resize(900, 500);
    m_manager->show();
    m_manager->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_manager.get()));
    m_manager->setSignedIn(true);
    QTRY_VERIFY_WITH_TIMEOUT(!m_manager->isLoading() && m_manager->model()->rowCount() > 0, Timeout);
}

void TestContentManager::cleanup()
{
    m_manager.reset();
    m_studio.reset();
    m_api.reset();
}

void TestContentManager::showsVideosWithStatus()
{
    QCOMPARE(m_manager->model()->rowCount(), 2);
    QVERIFY(m_manager->errorText().isEmpty());
    // Newest first: the draft was created last.
    QCOMPARE(rowOf(m_draftId), 0);
    QCOMPARE(rowOf(m_readyId), 1);
    QCOMPARE(cell(m_readyId, Studio::VideoTableModel::TitleColumn), QStringLiteral("Lighthouse at dusk"));
    QCOMPARE(cell(m_readyId, Studio::VideoTableModel::StatusColumn), QStringLiteral("Ready"));
    QCOMPARE(cell(m_readyId, Studio::VideoTableModel::VisibilityColumn), QStringLiteral("Public"));
    QCOMPARE(cell(m_draftId, Studio::VideoTableModel::StatusColumn), QStringLiteral("Draft"));
    QCOMPARE(cell(m_draftId, Studio::VideoTableModel::VisibilityColumn), QStringLiteral("Private"));
    QCOMPARE(cell(m_draftId, Studio::VideoTableModel::ViewsColumn), QStringLiteral("0"));
    QVERIFY(!cell(m_draftId, Studio::VideoTableModel::DateColumn).isEmpty());

    auto *table = m_manager->findChild<QTableView *>(QStringLiteral("contentTable"));
    QVERIFY(table && table->isVisible());
    auto *edit = m_manager->findChild<QToolButton *>(QStringLiteral("editButton"));
    QVERIFY(edit);
    QVERIFY(!edit->isEnabled()); // nothing selected yet
    select(m_draftId);
    QVERIFY(edit->isEnabled());
    QVERIFY(m_manager->findChild<QToolButton *>(QStringLiteral("deleteButton"))->isEnabled());
    QVERIFY(!m_manager->findChild<QPushButton *>(QStringLiteral("loadMoreButton"))->isVisible());
}

void TestContentManager::editTitleThroughDialog()
{
    select(m_draftId);
    QTest::mouseClick(m_manager->findChild<QToolButton *>(QStringLiteral("editButton")), Qt::LeftButton);
    QPointer<Studio::VideoEditDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_manager->findChild<Studio::VideoEditDialog *>()) && dialog->isVisible(), Timeout);

    auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
    QVERIFY(title);
    QCOMPARE(title->text(), QStringLiteral("Unfinished draft"));
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Finished at last"));
    auto *tags = dialog->findChild<QLineEdit *>(QStringLiteral("tagsEdit"));
    tags->setText(QStringLiteral(" sea,  lighthouse ,,"));
    auto *category = dialog->findChild<QComboBox *>(QStringLiteral("categoryCombo"));
    QVERIFY(category);
    const int music = category->findData(QStringLiteral("music"));
    QVERIFY2(music > 0, "categories come from the server");
    category->setCurrentIndex(music);
    QCOMPARE(dialog->changes().toJson().keys(),
             (QStringList{QStringLiteral("category"), QStringLiteral("tags"), QStringLiteral("title")}));

    auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, Timeout);

    const QJsonObject stored = serverVideo(m_draftId);
    QCOMPARE(stored.value(QLatin1String("title")).toString(), QStringLiteral("Finished at last"));
    QCOMPARE(stored.value(QLatin1String("category")).toString(), QStringLiteral("music"));
    QCOMPARE(stored.value(QLatin1String("tags")).toArray().size(), 2);
    QCOMPARE(cell(m_draftId, Studio::VideoTableModel::TitleColumn), QStringLiteral("Finished at last"));

    // A refused change keeps the dialog open with the server's message.
    QTest::mouseClick(m_manager->findChild<QToolButton *>(QStringLiteral("editButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_manager->findChild<Studio::VideoEditDialog *>()) && dialog->isVisible(), Timeout);
    dialog->findChild<QPlainTextEdit *>(QStringLiteral("descriptionEdit"))->setPlainText(QString(5001, QLatin1Char('x')));
    buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("errorLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), Timeout);
    QVERIFY2(error->text().contains(QLatin1String("description")), qPrintable(error->text()));
    QVERIFY(dialog->isVisible());
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void TestContentManager::changeVisibility()
{
    select(m_readyId);
    auto *unlisted = m_manager->findChild<QAction *>(QStringLiteral("visibilityUnlistedAction"));
    QVERIFY(unlisted);
    QVERIFY(m_manager->findChild<QAction *>(QStringLiteral("visibilityPublicAction"))->isChecked());
    unlisted->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(m_readyId, Studio::VideoTableModel::VisibilityColumn), QStringLiteral("Unlisted"),
                              Timeout);
    QCOMPARE(serverVideo(m_readyId).value(QLatin1String("visibility")).toString(), QStringLiteral("unlisted"));
    QVERIFY(unlisted->isChecked());

    m_manager->findChild<QAction *>(QStringLiteral("visibilityPublicAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(m_readyId, Studio::VideoTableModel::VisibilityColumn), QStringLiteral("Public"),
                              Timeout);
    QCOMPARE(serverVideo(m_readyId).value(QLatin1String("visibility")).toString(), QStringLiteral("public"));
}

void TestContentManager::replaceThumbnail()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("images")));
    const QString png = dir.filePath(QStringLiteral("images/cover.png"));
    QImage image(64, 36, QImage::Format_RGB32);
    image.fill(QColor(200, 90, 20));
    QVERIFY(image.save(png, "PNG"));
    const QString text = dir.filePath(QStringLiteral("notes.png"));
    {
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("just some text, not an image");
    }

    select(m_readyId);
    auto chooseFile = [this](const QString &path) {
        QTest::mouseClick(m_manager->findChild<QToolButton *>(QStringLiteral("thumbnailButton")), Qt::LeftButton);
        QPointer<QFileDialog> files;
        QTRY_VERIFY((files = m_manager->findChild<QFileDialog *>(QStringLiteral("thumbnailFileDialog"))) && files->isVisible());
        files->setDirectory(QFileInfo(path).absolutePath());
        files->selectFile(QFileInfo(path).fileName());
        QTRY_COMPARE(files->selectedFiles(), QStringList{path});
        static_cast<QDialog *>(files.data())->accept(); // QFileDialog::accept() is protected
    };
    chooseFile(png);
    QTRY_COMPARE_WITH_TIMEOUT(m_manager->model()->video(rowOf(m_readyId)).thumbnail, QStringLiteral("custom"), Timeout);
    QVERIFY2(m_manager->errorText().isEmpty(), qPrintable(m_manager->errorText()));
    QCOMPARE(serverVideo(m_readyId).value(QLatin1String("thumbnail")).toString(), QStringLiteral("custom"));
    QVERIFY(QFile::exists(m_server->dataDir() + QStringLiteral("/media/videos/") + m_readyId + QStringLiteral("/thumbs/custom")));

    // A file that is not an image is refused before anything is sent.
    QTRY_VERIFY(m_manager->findChild<QToolButton *>(QStringLiteral("thumbnailButton"))->isEnabled());
    QTRY_VERIFY(!m_manager->findChild<QFileDialog *>(QStringLiteral("thumbnailFileDialog")));
    chooseFile(text);
    QTRY_VERIFY(!m_manager->errorText().isEmpty());
    QVERIFY2(m_manager->errorText().contains(QLatin1String("notes.png")), qPrintable(m_manager->errorText()));

    // Back to a generated frame through the dialog.
    m_manager->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_manager.get()));
    select(m_readyId);
    QTest::mouseClick(m_manager->findChild<QToolButton *>(QStringLiteral("editButton")), Qt::LeftButton);
    QPointer<Studio::VideoEditDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_manager->findChild<Studio::VideoEditDialog *>()) && dialog->isVisible(), Timeout);
    auto *thumbnail = dialog->findChild<QComboBox *>(QStringLiteral("thumbnailCombo"));
    QCOMPARE(thumbnail->currentData().toString(), QStringLiteral("custom"));
    thumbnail->setCurrentIndex(thumbnail->findData(QStringLiteral("2")));
    dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"))->button(QDialogButtonBox::Save)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, Timeout);
    QCOMPARE(serverVideo(m_readyId).value(QLatin1String("thumbnail")).toString(), QStringLiteral("2"));
    m_manager->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_manager.get()));
}

void TestContentManager::deleteAfterConfirmation()
{
    select(m_draftId);
    // Cancelling leaves the video alone.
    QTest::mouseClick(m_manager->findChild<QToolButton *>(QStringLiteral("deleteButton")), Qt::LeftButton);
    QPointer<QMessageBox> box;
    QTRY_VERIFY((box = m_manager->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"))) && box->isVisible());
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!box);
    QTest::qWait(200);
    QCOMPARE(m_manager->model()->rowCount(), 2);

    QTest::mouseClick(m_manager->findChild<QToolButton *>(QStringLiteral("deleteButton")), Qt::LeftButton);
    QTRY_VERIFY((box = m_manager->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"))) && box->isVisible());
    QVERIFY(box->text().contains(cell(m_draftId, Studio::VideoTableModel::TitleColumn)));
    box->findChild<QPushButton *>(QStringLiteral("confirmDeleteButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_manager->model()->rowCount(), 1, Timeout);
    QCOMPARE(rowOf(m_draftId), -1);
    int status = 0;
    serverVideo(m_draftId, &status);
    QCOMPARE(status, 404);

    // Recreate the draft for the tests that follow.
    QString error;
    m_draftId = m_seed->createVideo(m_alice,
                                    {{QStringLiteral("title"), QStringLiteral("Unfinished draft")},
                                     {QStringLiteral("visibility"), QStringLiteral("private")}},
                                    &error);
    QVERIFY2(!m_draftId.isEmpty(), qPrintable(error));
}

void TestContentManager::keyboardShortcuts()
{
    auto *table = m_manager->findChild<QTableView *>(QStringLiteral("contentTable"));
    QCOMPARE(m_manager->model()->rowCount(), 2);
    select(m_readyId);

    // Enter edits, Escape cancels.
    QTest::keyClick(table, Qt::Key_Return);
    QPointer<Studio::VideoEditDialog> dialog;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_manager->findChild<Studio::VideoEditDialog *>()) && dialog->isVisible(), Timeout);
    QCOMPARE(dialog->video().id, m_readyId);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!dialog);

    // Delete asks first. (Offscreen, closing the dialog does not give the activation back.)
    m_manager->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_manager.get()));
    select(m_readyId);
    QTest::keyClick(table, Qt::Key_Delete);
    QPointer<QMessageBox> box;
    QTRY_VERIFY((box = m_manager->findChild<QMessageBox *>(QStringLiteral("deleteConfirmation"))) && box->isVisible());
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(!box);

    // F5 reloads: a video created elsewhere appears.
    QString error;
    const QString extra = m_seed->createVideo(m_alice, {{QStringLiteral("title"), QStringLiteral("Made elsewhere")}}, &error);
    QVERIFY2(!extra.isEmpty(), qPrintable(error));
    m_manager->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_manager.get()));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(extra) == 0, Timeout);
    QCOMPARE(m_manager->model()->rowCount(), 3);
    QCOMPARE(cell(extra, Studio::VideoTableModel::StatusColumn), QStringLiteral("Draft"));
}

void TestContentManager::errorsShowInBanner()
{
    QVERIFY(m_manager->errorText().isEmpty());
    // A video deleted behind the widget's back: changing it fails visibly.
    QString error;
    const QString gone = m_seed->createVideo(m_alice, {{QStringLiteral("title"), QStringLiteral("Soon gone")}}, &error);
    QVERIFY2(!gone.isEmpty(), qPrintable(error));
    m_manager->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(gone) >= 0, Timeout);
    const auto removed = m_http.request("DELETE", m_server->url(QStringLiteral("/api/v1/videos/") + gone), {},
                                        {{"Authorization", "Bearer " + m_alice.accessToken.toUtf8()}});
    QCOMPARE(removed.status, 204);
    select(gone);
    m_manager->findChild<QAction *>(QStringLiteral("visibilityPrivateAction"))->trigger();
    auto *banner = m_manager->findChild<QWidget *>(QStringLiteral("errorBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), Timeout);
    QVERIFY2(m_manager->errorText().contains(QLatin1String("Soon gone")), qPrintable(m_manager->errorText()));

    // Unreachable server.
    m_api->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:1")));
    m_manager->refresh();
    QVERIFY(!banner->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), Timeout);
    QVERIFY2(m_manager->errorText().startsWith(QLatin1String("Could not load your videos")),
             qPrintable(m_manager->errorText()));
}

void TestContentManager::processingProgressIsPolled()
{
    QString error;
    const QString id = m_seed->createVideo(m_alice, {{QStringLiteral("title"), QStringLiteral("In the pipeline")}}, &error);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QVERIFY(setState(id, QStringLiteral("processing")));
    m_manager->refresh();
    // The status route's progress replaces the bare state.
    QTRY_COMPARE_WITH_TIMEOUT(cell(id, Studio::VideoTableModel::StatusColumn), QStringLiteral("Processing 0%"), Timeout);

    // The next poll sees the failure and its reason, without a refresh.
    QVERIFY(setState(id, QStringLiteral("failed"), QStringLiteral("rendition 720p: decoder gave up")));
    QTRY_COMPARE_WITH_TIMEOUT(cell(id, Studio::VideoTableModel::StatusColumn),
                              QStringLiteral("Failed: rendition 720p: decoder gave up"), Timeout);
    const Studio::VideoTableModel *model = m_manager->model();
    QCOMPARE(model->index(model->rowOf(id), Studio::VideoTableModel::StatusColumn).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Failed: rendition 720p: decoder gave up"));

    // A fresh list reads the reason from the video itself.
    m_manager->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!m_manager->isLoading() && rowOf(id) >= 0, Timeout);
    QCOMPARE(cell(id, Studio::VideoTableModel::StatusColumn), QStringLiteral("Failed: rendition 720p: decoder gave up"));
}

void TestContentManager::signedOutState()
{
    auto *signedOut = m_manager->findChild<QLabel *>(QStringLiteral("signedOutLabel"));
    QVERIFY(signedOut);
    QVERIFY(!signedOut->isVisible());
    m_manager->setSignedIn(false);
    QVERIFY(signedOut->isVisible());
    QVERIFY(signedOut->text().contains(QLatin1String("Sign in")));
    QCOMPARE(m_manager->model()->rowCount(), 0);
    QVERIFY(!m_manager->findChild<QToolButton *>(QStringLiteral("editButton"))->isEnabled());
    QVERIFY(!m_manager->findChild<QToolButton *>(QStringLiteral("refreshButton"))->isEnabled());
    m_manager->refresh(); // nothing to do while signed out
    QVERIFY(!m_manager->isLoading());

    m_manager->setSignedIn(true);
    QVERIFY(!signedOut->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!m_manager->isLoading() && m_manager->model()->rowCount() >= 2, Timeout);

    // Small sizes keep the widget usable.
    m_manager->resize(320, 240);
    QTest::qWait(50);
    QVERIFY(m_manager->findChild<QTableView *>(QStringLiteral("contentTable"))->isVisible());
}

void TestContentManager::loadMoreAppendsNextPage()
{
    QString error;
    for (int i = 0; i < 20; ++i) {
        const QString id = m_seed->createVideo(m_alice, {{QStringLiteral("title"), QStringLiteral("Batch %1").arg(i)}}, &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
    }
    const auto all = m_http.get(m_server->url(QStringLiteral("/api/v1/users/me/videos?limit=100")),
                                m_alice.accessToken.toUtf8());
    QCOMPARE(all.status, 200);
    const qsizetype total = all.json().value(QLatin1String("items")).toArray().size();
    QVERIFY(total > 20);

    m_manager->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!m_manager->isLoading(), Timeout);
    QCOMPARE(m_manager->model()->rowCount(), 20); // one page
    QVERIFY(m_manager->hasMore());
    auto *more = m_manager->findChild<QPushButton *>(QStringLiteral("loadMoreButton"));
    QVERIFY(more->isVisible());
    QTest::mouseClick(more, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_manager->model()->rowCount(), int(total), Timeout);
    QVERIFY(!m_manager->hasMore());
    QTRY_VERIFY(!more->isVisible());
    QCOMPARE(m_manager->model()->video(0).title, QStringLiteral("Batch 19"));
}

QTEST_MAIN(TestContentManager)
#include "tst_contentmanager.moc"
