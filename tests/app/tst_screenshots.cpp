// Renders the main window with a signed-in account in the light and the dark
// theme and saves the PNGs under the build directory (screenshots/), for a
// look at the real thing. Run it under xvfb-run with QT_QPA_PLATFORM=xcb to
// go through a real X server; it also works offscreen.
#include "app/accountbutton.h"
#include "app/appcontext.h"
#include "app/languageswitcher.h"
#include "app/mainwindow.h"
#include "app/messagebanner.h"
#include "app/signindialog.h"
#include "app/themecontroller.h"
#include "core/net/authservice.h"
#include "core/net/healthmonitor.h"
#include "core/net/memorycredentialstore.h"
#include "tests/support/serverprocess.h"

#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Kinora;

namespace {

double meanLightness(const QImage &image)
{
    double sum = 0;
    int count = 0;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4) {
            sum += QColor(image.pixel(x, y)).lightness();
            ++count;
        }
    }
    return count ? sum / count : 0;
}

} // namespace

class TestScreenshots : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mainWindowLightAndDark();
};

void TestScreenshots::mainWindowLightAndDark()
{
    Tests::ServerProcess server;
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));

    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    Core::MemoryCredentialStore store;
    App::AppContext context(&settings, &store, server.baseUrl());
    App::MainWindow window(&context);
    window.resize(1280, 720);
    window.show();
    window.start();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE_WITH_TIMEOUT(context.health()->state(), Core::HealthMonitor::State::Reachable, 15000);
    context.auth()->signUp(QStringLiteral("margaret"), QStringLiteral("apollo guidance computer"),
                           QStringLiteral("Margaret Hamilton"));
    QTRY_VERIFY_WITH_TIMEOUT(context.auth()->isSignedIn(), 20000);
    QTRY_VERIFY(window.accountButton()->text().startsWith(QStringLiteral("margaret")));

    const QString outDir = qEnvironmentVariable("KINORA_SCREENSHOT_DIR", QStringLiteral(KINORA_SCREENSHOT_DIR));
    QVERIFY(QDir().mkpath(outDir));

    struct Shot
    {
        App::ThemeController::Theme theme;
        App::MainWindow::Page page;
        QString name;
    };
    const Shot shots[] = {
        {App::ThemeController::Theme::Light, App::MainWindow::Page::Home, QStringLiteral("mainwindow-light.png")},
        {App::ThemeController::Theme::Dark, App::MainWindow::Page::Home, QStringLiteral("mainwindow-dark.png")},
        {App::ThemeController::Theme::Light, App::MainWindow::Page::Settings, QStringLiteral("settings-light.png")},
        {App::ThemeController::Theme::Dark, App::MainWindow::Page::Studio, QStringLiteral("studio-dark.png")},
    };
    QHash<QString, double> lightness;
    for (const Shot &shot : shots) {
        context.theme()->apply(shot.theme);
        window.setCurrentPage(shot.page);
        QTest::qWait(200);
        const QImage image = window.grab().toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size() / image.devicePixelRatio(), window.size());
        const QString path = QDir(outDir).filePath(shot.name);
        QVERIFY2(image.save(path), qPrintable(path));
        lightness.insert(shot.name, meanLightness(image));
        qInfo("saved %s", qPrintable(path));
    }
    // The same window in German, switched live.
    QVERIFY(context.language()->setLanguage(QStringLiteral("de")));
    context.theme()->apply(App::ThemeController::Theme::Dark);
    window.setCurrentPage(App::MainWindow::Page::Settings);
    QTest::qWait(200);
    const QString germanPath = QDir(outDir).filePath(QStringLiteral("settings-de-dark.png"));
    QVERIFY(window.grab().save(germanPath));
    qInfo("saved %s", qPrintable(germanPath));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("pageTitle"))->text(), QStringLiteral("Einstellungen"));
    context.language()->setLanguage(QStringLiteral("en"));

    // The sign-in dialog showing the server's answer to a wrong password.
    context.theme()->apply(App::ThemeController::Theme::Light);
    context.auth()->signOut();
    window.showSignInDialog();
    QTRY_VERIFY(window.signInDialog() && window.signInDialog()->isVisible());
    App::SignInDialog *dialog = window.signInDialog();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), QStringLiteral("wrong"));
    QTest::keyClick(dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 20000);
    QTest::qWait(200);
    const QString dialogPath = QDir(outDir).filePath(QStringLiteral("signin-error-light.png"));
    QVERIFY(dialog->grab().save(dialogPath));
    qInfo("saved %s", qPrintable(dialogPath));
    dialog->reject();

    // A window whose server is down shows the connection banner.
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QUrl deadUrl(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort()));
        probe.close();
        QSettings offlineSettings(dir.filePath(QStringLiteral("offline.ini")), QSettings::IniFormat);
        Core::MemoryCredentialStore offlineStore;
        App::AppContext offline(&offlineSettings, &offlineStore, deadUrl);
        App::MainWindow offlineWindow(&offline);
        offlineWindow.resize(1280, 720);
        offlineWindow.show();
        offlineWindow.start();
        QTRY_VERIFY_WITH_TIMEOUT(offlineWindow.connectionBanner()->isVisible(), 10000);
        QTest::qWait(200);
        const QString offlinePath = QDir(outDir).filePath(QStringLiteral("offline-light.png"));
        QVERIFY(offlineWindow.grab().save(offlinePath));
        qInfo("saved %s", qPrintable(offlinePath));
        offlineWindow.close();
    }

    QVERIFY(lightness.value(QStringLiteral("mainwindow-light.png")) > 180);
    QVERIFY(lightness.value(QStringLiteral("mainwindow-dark.png")) < 90);
    window.close();
}

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
