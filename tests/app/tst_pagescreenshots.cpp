// Every page of the desktop app on a real X server (Xvfb), against a real
// kinora-server filled by "kinora-server seed-demo" and signed in as its demo
// creator: Home, Search, Watch, Channel, Library, the Studio's upload wizard
// and upload queue, and the content manager, in the light theme (and Home and
// Watch in the dark one). The PNGs are saved under the build directory
// (screenshots/pages-*.png) as test artefacts; each page is checked for what
// it must show before it is captured. It runs twice: a 1280x800 window at
// scale 1, then a 1920x1080 window at scale 2 on a 4K screen (pages-4k-*.png),
// where every page must fill the window's physical pixels.
#include "app/appcontext.h"
#include "app/browse/homepage.h"
#include "app/browse/searchpage.h"
#include "app/browse/videocard.h"
#include "app/browse/videogrid.h"
#include "app/browse/watchpage.h"
#include "app/library/channelpage.h"
#include "app/library/librarypage.h"
#include "app/mainwindow.h"
#include "app/themecontroller.h"
#include "core/media/testpatternwriter.h"
#include "core/net/authservice.h"
#include "core/net/healthmonitor.h"
#include "core/net/memorycredentialstore.h"
#include "studio/studiopage.h"
#include "studio/wizard/uploadwizard.h"
#include "tests/support/serverprocess.h"
#include "tests/support/xvfbrerun.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Kinora;

namespace {

const QString DemoPassword = QStringLiteral("demo screenshots 2026");

// How many distinct colours a coarse sample of the image holds: a blank or
// half-drawn page has very few.
int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 6)
        for (int x = 0; x < image.width(); x += 6)
            colours.insert(image.pixel(x, y) & 0xF0F0F0);
    return int(colours.size());
}

} // namespace

class TestPageScreenshots : public QObject
{
    Q_OBJECT

    void shoot(QWidget *widget, const QString &name)
    {
        QTest::qWait(300); // thumbnails decoded off the GUI thread land
        const QImage image = widget->grab().toImage();
        QVERIFY(!image.isNull());
        const qreal scale = qEnvironmentVariableIntValue("KINORA_PAGES_SCALE") > 1 ? 2.0 : 1.0;
        QCOMPARE(image.devicePixelRatio(), scale);
        QCOMPARE(image.size(), widget->size() * scale);
        const QString prefix = scale > 1.0 ? QStringLiteral("pages-4k-") : QStringLiteral("pages-");
        const QString path = QDir(m_outDir).filePath(prefix + name + QStringLiteral(".png"));
        QVERIFY2(image.save(path), qPrintable(path));
        const int colours = distinctColours(image);
        QVERIFY2(colours >= 12, qPrintable(QStringLiteral("%1 looks blank (%2 colours)").arg(name).arg(colours)));
        qInfo("saved %s", qPrintable(path));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<Tests::ServerProcess>();
        QString error;
        QVERIFY2(m_server->start(&error), qPrintable(error));
        QByteArray output;
        QCOMPARE(m_server->runCommand({QStringLiteral("seed-demo"), QStringLiteral("--videos"), QStringLiteral("6"),
                                       QStringLiteral("--seconds"), QStringLiteral("4"), QStringLiteral("--ladder"),
                                       QStringLiteral("240"), QStringLiteral("--password"), DemoPassword},
                                      {}, &output),
                 0);
        m_outDir = qEnvironmentVariable("KINORA_SCREENSHOT_DIR", QStringLiteral(KINORA_SCREENSHOT_DIR));
        QVERIFY(QDir().mkpath(m_outDir));
    }

    void everyPage()
    {
        QTemporaryDir dir;
        qputenv("XDG_DATA_HOME", QFile::encodeName(dir.filePath(QStringLiteral("data"))));
        QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        Core::MemoryCredentialStore store;
        App::AppContext context(&settings, &store, m_server->baseUrl());
        context.theme()->apply(App::ThemeController::Theme::Light);
        App::MainWindow window(&context);
        if (qEnvironmentVariableIntValue("KINORA_PAGES_SCALE") > 1)
            window.resize(1920, 1080); // 3840x2160 physical pixels
        else
            window.resize(1280, 800);
        window.show();
        window.start();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(context.health()->state(), Core::HealthMonitor::State::Reachable, 15000);
        context.auth()->signIn(QStringLiteral("demo"), DemoPassword);
        QTRY_VERIFY_WITH_TIMEOUT(context.auth()->isSignedIn(), 20000);

        // Home: the six demo videos with their posters.
        window.setCurrentPage(App::MainWindow::Page::Home);
        window.homePage()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(window.homePage()->grid()->cards().size(), 6, 20000);
        shoot(&window, QStringLiteral("home-light"));
        context.theme()->apply(App::ThemeController::Theme::Dark);
        shoot(&window, QStringLiteral("home-dark"));
        context.theme()->apply(App::ThemeController::Theme::Light);

        // Search: the demo videos are all tagged and described; "demo" finds them.
        window.setCurrentPage(App::MainWindow::Page::Search);
        const Core::VideoSummary first = window.homePage()->grid()->cards().first()->video();
        const QString word = first.title.section(QLatin1Char(' '), 0, 0);
        window.searchPage()->search(word);
        QTRY_VERIFY_WITH_TIMEOUT(!window.searchPage()->grid()->cards().isEmpty(), 20000);
        shoot(&window, QStringLiteral("search"));

        // Watch: title, channel, player and comments.
        window.openVideo(first);
        QTRY_VERIFY_WITH_TIMEOUT(window.isWatching(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window.watchPage()->titleText(), first.title, 20000);
        QTest::qWait(1500); // a few frames on screen
        shoot(&window, QStringLiteral("watch-light"));
        context.theme()->apply(App::ThemeController::Theme::Dark);
        shoot(&window, QStringLiteral("watch-dark"));
        context.theme()->apply(App::ThemeController::Theme::Light);
        window.leaveWatchPage();

        // Channel: the demo channel with its six videos.
        window.openChannel(first.channelId, first.channelName);
        QTRY_VERIFY_WITH_TIMEOUT(window.isShowingChannel(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(window.channelPage()->grid()->cards().size(), 6, 20000);
        shoot(&window, QStringLiteral("channel"));
        window.leaveChannelPage();

        // Library: the history holds the video just watched.
        window.setCurrentPage(App::MainWindow::Page::Library);
        window.libraryPage()->setCurrentTab(App::LibraryPage::Tab::History);
        window.libraryPage()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!window.libraryPage()->historyGrid()->cards().isEmpty(), 20000);
        shoot(&window, QStringLiteral("library"));

        // Studio: the upload wizard with a probed clip, then the uploads tab.
        const QString clip = dir.filePath(QStringLiteral("Harbour walk.mp4"));
        Core::TestPatternSpec spec;
        spec.width = 320;
        spec.height = 180;
        spec.durationSeconds = 3.0;
        Core::TestPatternWriter writer(spec);
        QVERIFY2(writer.write(clip), qPrintable(writer.errorString()));
        window.setCurrentPage(App::MainWindow::Page::Studio);
        Studio::StudioPage *studio = window.studioPage();
        QVERIFY(studio->isSignedIn());
        studio->openUploadWizard(clip);
        QTRY_VERIFY_WITH_TIMEOUT(studio->currentWizard() && studio->currentWizard()->isVisible(), 10000);
        auto *verdict = studio->currentWizard()->findChild<QLabel *>(QStringLiteral("verdictLabel"));
        QVERIFY(verdict);
        QTRY_VERIFY_WITH_TIMEOUT(verdict->text().contains(QStringLiteral("320")), 20000);
        shoot(studio->currentWizard(), QStringLiteral("studio-upload-wizard"));
        shoot(&window, QStringLiteral("studio-uploads"));
        studio->currentWizard()->reject();

        // Content manager: the demo creator's six videos.
        auto *tabs = studio->findChild<QTabWidget *>();
        QVERIFY(tabs);
        tabs->setCurrentIndex(tabs->count() - 1);
        auto *table = studio->findChild<QTableView *>(QStringLiteral("contentTable"));
        QVERIFY(table);
        QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 6, 20000);
        shoot(&window, QStringLiteral("content-manager"));
    }

    void cleanupTestCase() { m_server.reset(); }

private:
    std::unique_ptr<Tests::ServerProcess> m_server;
    QString m_outDir;
};

int main(int argc, char **argv)
{
    const auto test = [](int argc, char **argv) {
        QApplication app(argc, argv);
        TestPageScreenshots test;
        return QTest::qExec(&test, argc, argv);
    };
    if (qgetenv("KINORA_SCREENSHOT_CHILD") == "1")
        return test(argc, argv);
    if (const int code = Kinora::Tests::runUnderXvfb(argc, argv, test); code != 0)
        return code;
    // The same pages at 200 % on a 4K screen.
    qputenv("QT_SCALE_FACTOR", "2");
    qputenv("KINORA_PAGES_SCALE", "2");
    return Kinora::Tests::runUnderXvfb(argc, argv, test, 240000, QStringLiteral("3840x2160x24"));
}

#include "tst_pagescreenshots.moc"
