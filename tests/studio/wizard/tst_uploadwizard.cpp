// The upload wizard without a server: the local probe's verdict for a video
// and for a text file, the thumbnail candidates decoded from the file, the
// title taken from the file name, inline validation, the request built from
// the creator's choices, and a pass through the whole wizard by keyboard.
#include "core/media/testpatternwriter.h"
#include "studio/wizard/detailspage.h"
#include "studio/wizard/filepage.h"
#include "studio/wizard/summarypage.h"
#include "studio/wizard/transcodepage.h"
#include "studio/wizard/uploadwizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace Kinora;
using Kinora::Studio::UploadRequest;
using Kinora::Studio::UploadWizard;

class TestUploadWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void verdictAcceptsVideo();
    void verdictRefusesTextFile();
    void titleAndThumbnailCandidates();
    void validationIsInline();
    void requestCarriesChoices();
    void keyboardOnly();

private:
    template<typename T>
    static T *child(QWidget *parent, const char *name)
    {
        T *widget = parent->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }
    static bool waitForAcceptedFile(UploadWizard *wizard);
    static bool tabTo(const QString &objectName);

    QTemporaryDir m_dir;
    QString m_clip;
    QString m_text;
};

void TestUploadWizard::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Core::TestPatternSpec spec;
    spec.width = 320;
    spec.height = 180;
    spec.durationSeconds = 4.0;
    m_clip = m_dir.filePath(QStringLiteral("holiday_at_sea.mp4"));
    Core::TestPatternWriter writer(spec);
    writer.setCrf(30);
    QVERIFY2(writer.write(m_clip), qPrintable(writer.errorString()));

    m_text = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile text(m_text);
    QVERIFY(text.open(QIODevice::WriteOnly));
    for (int i = 0; i < 200; ++i)
        text.write("Shopping list: milk, bread, a camera with a better lens.\n");
}

bool TestUploadWizard::waitForAcceptedFile(UploadWizard *wizard)
{
    return QTest::qWaitFor([wizard] { return wizard->filePage()->isComplete(); }, 30000);
}

bool TestUploadWizard::tabTo(const QString &objectName)
{
    for (int i = 0; i < 40; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            return false;
        if (focus->objectName() == objectName)
            return true;
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    return false;
}

void TestUploadWizard::verdictAcceptsVideo()
{
    UploadWizard wizard(nullptr);
    wizard.show();
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    wizard.setFile(m_clip);
    QVERIFY(wizard.filePage()->isProbing());
    QVERIFY(waitForAcceptedFile(&wizard));
    const QString verdict = child<QLabel>(&wizard, "verdictLabel")->text();
    QVERIFY2(verdict.contains(QStringLiteral("320×180 H.264")), qPrintable(verdict));
    QVERIFY2(verdict.contains(QStringLiteral("4 s")), qPrintable(verdict));
    QVERIFY2(verdict.contains(QStringLiteral("stereo AAC")), qPrintable(verdict));
    QVERIFY2(verdict.contains(QStringLiteral("ready to upload")), qPrintable(verdict));
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QCOMPARE(wizard.filePage()->mediaInfo()->video().width, 320);
}

void TestUploadWizard::verdictRefusesTextFile()
{
    UploadWizard wizard(nullptr);
    wizard.show();
    wizard.setFile(m_text);
    auto *verdict = child<QLabel>(&wizard, "verdictLabel");
    QTRY_VERIFY_WITH_TIMEOUT(!wizard.filePage()->isProbing(), 30000);
    QVERIFY(!wizard.filePage()->isComplete());
    QVERIFY2(verdict->text().contains(QStringLiteral("not a media file")), qPrintable(verdict->text()));
    QVERIFY2(verdict->text().contains(QStringLiteral("notes.txt")), qPrintable(verdict->text()));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());

    // Typing another path probes again; the video is accepted.
    auto *path = child<QLineEdit>(&wizard, "filePathEdit");
    path->setText(m_clip);
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(waitForAcceptedFile(&wizard));
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(verdict->text().contains(QStringLiteral("ready to upload")));
}

void TestUploadWizard::titleAndThumbnailCandidates()
{
    UploadWizard wizard(nullptr);
    wizard.show();
    wizard.setFile(m_clip);
    QVERIFY(waitForAcceptedFile(&wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(UploadWizard::TranscodePageId));
    QVERIFY(child<QRadioButton>(&wizard, "transcodeHereRadio")->isChecked());
    wizard.next();
    QCOMPARE(wizard.currentId(), int(UploadWizard::DetailsPageId));
    QCOMPARE(child<QLineEdit>(&wizard, "titleEdit")->text(), QStringLiteral("holiday at sea"));

    Studio::DetailsPage *details = wizard.detailsPage();
    QTRY_COMPARE_WITH_TIMEOUT(details->thumbnailCandidateCount(), 3, 30000);
    QList<QImage> pictures;
    for (int i = 0; i < 3; ++i) {
        auto *tile = details->findChild<QToolButton *>(QStringLiteral("thumbnailTile%1").arg(i));
        QVERIFY(tile);
        QVERIFY(tile->isEnabled());
        QVERIFY(tile->isVisible());
        const QPixmap pixmap = tile->icon().pixmap(tile->iconSize());
        QVERIFY(!pixmap.isNull());
        QVERIFY(pixmap.width() > 100);
        pictures.append(pixmap.toImage());
    }
    // Frames from different times of a moving pattern differ.
    QVERIFY(pictures.at(0) != pictures.at(1));
    QVERIFY(pictures.at(1) != pictures.at(2));
    QVERIFY(child<QToolButton>(&wizard, "thumbnailTile0")->isChecked());
    QCOMPARE(wizard.request().metadata.thumbnail, QStringLiteral("0"));
}

void TestUploadWizard::validationIsInline()
{
    UploadWizard wizard(nullptr);
    wizard.show();
    wizard.setFile(m_clip);
    QVERIFY(waitForAcceptedFile(&wizard));
    wizard.next();
    wizard.next();
    auto *next = wizard.button(QWizard::NextButton);
    auto *title = child<QLineEdit>(&wizard, "titleEdit");
    auto *titleError = child<QLabel>(&wizard, "titleError");
    QVERIFY(next->isEnabled());
    QVERIFY(!titleError->isVisible());
    title->clear();
    QVERIFY(!next->isEnabled());
    QVERIFY(titleError->isVisible());
    QCOMPARE(titleError->text(), QStringLiteral("A title is required."));
    title->setText(QString(150, QLatin1Char('x')));
    QCOMPARE(title->text().size(), 100);
    QVERIFY(next->isEnabled());
    QVERIFY(!titleError->isVisible());

    auto *tags = child<QLineEdit>(&wizard, "tagsEdit");
    auto *tagsError = child<QLabel>(&wizard, "tagsError");
    QStringList many;
    for (int i = 0; i < 21; ++i)
        many.append(QStringLiteral("tag%1").arg(i));
    tags->setText(many.join(QStringLiteral(", ")));
    QVERIFY(!next->isEnabled());
    QVERIFY(tagsError->isVisible());
    QVERIFY2(tagsError->text().contains(QStringLiteral("20")), qPrintable(tagsError->text()));
    many.removeLast();
    many.append(QStringLiteral("tag0"));   // a repeated tag counts once
    tags->setText(many.join(QStringLiteral(",")));
    QVERIFY(next->isEnabled());
    QVERIFY(!tagsError->isVisible());

    auto *schedule = child<QCheckBox>(&wizard, "scheduleCheck");
    auto *when = child<QDateTimeEdit>(&wizard, "scheduleEdit");
    auto *scheduleError = child<QLabel>(&wizard, "scheduleError");
    QVERIFY(!when->isEnabled());
    schedule->setChecked(true);
    QVERIFY(when->isEnabled());
    when->setDateTime(QDateTime::currentDateTime().addDays(-1));
    QVERIFY(!next->isEnabled());
    QVERIFY(scheduleError->isVisible());
    when->setDateTime(QDateTime::currentDateTime().addDays(2));
    QVERIFY(next->isEnabled());
    QVERIFY(!scheduleError->isVisible());
}

void TestUploadWizard::requestCarriesChoices()
{
    UploadWizard wizard(nullptr);
    wizard.show();
    wizard.setFile(m_clip);
    QVERIFY(waitForAcceptedFile(&wizard));
    wizard.next();
    child<QRadioButton>(&wizard, "serverTranscodeRadio")->click();
    wizard.next();
    child<QLineEdit>(&wizard, "titleEdit")->setText(QStringLiteral("  Waves   and gulls "));
    child<QPlainTextEdit>(&wizard, "descriptionEdit")->setPlainText(QStringLiteral("Filmed from the ferry."));
    child<QLineEdit>(&wizard, "tagsEdit")->setText(QStringLiteral("sea, ferry,, Sea ,gulls"));
    auto *visibility = child<QComboBox>(&wizard, "visibilityCombo");
    visibility->setCurrentIndex(visibility->findData(QStringLiteral("unlisted")));
    const QDateTime when = QDateTime::currentDateTime().addDays(3);
    child<QCheckBox>(&wizard, "scheduleCheck")->setChecked(true);
    child<QDateTimeEdit>(&wizard, "scheduleEdit")->setDateTime(when);
    QTRY_COMPARE_WITH_TIMEOUT(wizard.detailsPage()->thumbnailCandidateCount(), 3, 30000);
    child<QToolButton>(&wizard, "thumbnailTile2")->click();
    wizard.next();
    QCOMPARE(wizard.currentId(), int(UploadWizard::SummaryPageId));
    const QString summary = wizard.summaryPage()->summaryText();
    QVERIFY2(summary.contains(QStringLiteral("Waves and gulls")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("Unlisted")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("On the server")), qPrintable(summary));
    wizard.button(QWizard::FinishButton)->click();
    QCOMPARE(wizard.result(), int(QDialog::Accepted));

    const UploadRequest request = wizard.request();
    QCOMPARE(request.filePath, m_clip);
    QCOMPARE(request.mode, UploadRequest::Mode::ServerTranscodes);
    QCOMPARE(request.metadata.title, QStringLiteral("Waves and gulls"));
    QCOMPARE(request.metadata.description, QStringLiteral("Filmed from the ferry."));
    QCOMPARE(request.metadata.tags, (QStringList{QStringLiteral("sea"), QStringLiteral("ferry"), QStringLiteral("gulls")}));
    QVERIFY(!request.metadata.category);
    QCOMPARE(request.metadata.visibility, QStringLiteral("unlisted"));
    QVERIFY(request.metadata.scheduledAt);
    QCOMPARE(request.metadata.scheduledAt->toSecsSinceEpoch() / 60, when.toSecsSinceEpoch() / 60);
    QCOMPARE(request.metadata.thumbnail, QStringLiteral("2"));
    QVERIFY(request.customThumbnailPath.isEmpty());

    // A custom image replaces the candidates.
    const QString image = m_dir.filePath(QStringLiteral("cover.png"));
    QImage cover(64, 36, QImage::Format_RGB32);
    cover.fill(Qt::darkCyan);
    QVERIFY(cover.save(image));
    wizard.detailsPage()->setCustomThumbnail(image);
    QCOMPARE(wizard.request().metadata.thumbnail, QStringLiteral("custom"));
    QCOMPARE(wizard.request().customThumbnailPath, image);
    // A file that is no image is refused and the choice stays.
    wizard.detailsPage()->setCustomThumbnail(m_text);
    QCOMPARE(wizard.request().customThumbnailPath, image);
    QVERIFY(child<QLabel>(&wizard, "thumbnailStatus")->text().contains(QStringLiteral("not a PNG")));
}

void TestUploadWizard::keyboardOnly()
{
    UploadWizard wizard(nullptr);
    wizard.show();
    QApplication::setActiveWindow(&wizard);
    QVERIFY(QTest::qWaitForWindowActive(&wizard));
    QTRY_VERIFY(QApplication::focusWidget());
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("filePathEdit"));

    QTest::keyClicks(QApplication::focusWidget(), m_clip);
    QVERIFY(waitForAcceptedFile(&wizard));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(wizard.currentId(), int(UploadWizard::TranscodePageId));

    // Tab to the recommended choice and keep it.
    QVERIFY(tabTo(QStringLiteral("transcodeHereRadio")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(child<QRadioButton>(&wizard, "transcodeHereRadio")->isChecked());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(wizard.currentId(), int(UploadWizard::DetailsPageId));

    // The prefilled title is selected: typing replaces it.
    QCOMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("titleEdit"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("Typed title"));
    QVERIFY(tabTo(QStringLiteral("tagsEdit")));   // Tab leaves the description field
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("keys, only"));
    QVERIFY(tabTo(QStringLiteral("scheduleCheck")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(child<QCheckBox>(&wizard, "scheduleCheck")->isChecked());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(!child<QCheckBox>(&wizard, "scheduleCheck")->isChecked());
    QTRY_COMPARE_WITH_TIMEOUT(wizard.detailsPage()->thumbnailCandidateCount(), 3, 30000);
    QVERIFY(tabTo(QStringLiteral("thumbnailTile1")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space);
    QVERIFY(child<QToolButton>(&wizard, "thumbnailTile1")->isChecked());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QCOMPARE(wizard.currentId(), int(UploadWizard::SummaryPageId));
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &wizard, Qt::Key_Return);
    QTRY_VERIFY(!wizard.isVisible());
    QCOMPARE(wizard.result(), int(QDialog::Accepted));

    const UploadRequest request = wizard.request();
    QCOMPARE(request.filePath, m_clip);
    QCOMPARE(request.mode, UploadRequest::Mode::TranscodeHere);
    QCOMPARE(request.metadata.title, QStringLiteral("Typed title"));
    QCOMPARE(request.metadata.tags, (QStringList{QStringLiteral("keys"), QStringLiteral("only")}));
    QCOMPARE(request.metadata.visibility, QStringLiteral("public"));
    QVERIFY(!request.metadata.scheduledAt);
    QCOMPARE(request.metadata.thumbnail, QStringLiteral("1"));
}

QTEST_MAIN(TestUploadWizard)
#include "tst_uploadwizard.moc"
