// The account flow through the widgets against the real kinora-server:
// sign up in the dialog, the header shows the account, sign out, sign in
// again, a wrong password shows the server's message, the refresh token goes
// to the credential store, a stored session is restored on the next start,
// and connection problems and a missing keyring show as banners.
#include "app/accountbutton.h"
#include "app/appcontext.h"
#include "app/appsettings.h"
#include "app/mainwindow.h"
#include "app/messagebanner.h"
#include "app/settingspage.h"
#include "app/signindialog.h"
#include "app/signupdialog.h"
#include "core/net/apiclient.h"
#include "core/net/authservice.h"
#include "core/net/healthmonitor.h"
#include "core/net/memorycredentialstore.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Kinora;

class TestSignInFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signUpSignOutSignIn();
    void wrongPasswordShowsServerMessage();
    void storedSessionIsRestoredOnStart();
    void navigationAndMemory();
    void unreachableServerShowsBanner();
    void missingKeyringShowsNotice();

private:
    QSettings *newSettings(const QString &name);

    std::unique_ptr<Tests::ServerProcess> m_server;
    QTemporaryDir m_dir;
    QList<QSettings *> m_settings;
    const QString m_username = QStringLiteral("grace");
    const QString m_password = QStringLiteral("a long enough passphrase");
};

QSettings *TestSignInFlow::newSettings(const QString &name)
{
    auto *settings = new QSettings(m_dir.filePath(name + QStringLiteral(".ini")), QSettings::IniFormat, this);
    m_settings.append(settings);
    return settings;
}

void TestSignInFlow::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<Tests::ServerProcess>();
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
}

void TestSignInFlow::signUpSignOutSignIn()
{
    QSettings *settings = newSettings(QStringLiteral("flow"));
    Core::MemoryCredentialStore store;
    App::AppContext context(settings, &store, m_server->baseUrl());
    App::MainWindow window(&context);
    window.show();
    window.start();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE_WITH_TIMEOUT(context.health()->state(), Core::HealthMonitor::State::Reachable, 15000);
    QVERIFY(!window.connectionBanner()->isVisible());

    // Settings: "Test connection" asks the server's health route.
    auto *testButton = window.settingsPage()->findChild<QPushButton *>(QStringLiteral("testConnectionButton"));
    auto *testResult = window.settingsPage()->findChild<QLabel *>(QStringLiteral("testConnectionResult"));
    QVERIFY(testButton && testResult);
    QTest::mouseClick(testButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(testResult->text().startsWith(QStringLiteral("Connected: Kinora server")), 10000);
    QVERIFY(testResult->text().contains(m_server->baseUrl().toDisplayString()));

    App::AccountButton *account = window.accountButton();
    QCOMPARE(account->text(), QStringLiteral("Sign in"));

    // Sign up through the dialog, typing as a user would.
    account->signUpAction()->trigger();
    QTRY_VERIFY(window.signUpDialog() && window.signUpDialog()->isVisible());
    App::SignUpDialog *signUp = window.signUpDialog();
    QTest::keyClicks(signUp->findChild<QLineEdit *>(QStringLiteral("usernameEdit")), m_username);
    QTest::keyClicks(signUp->findChild<QLineEdit *>(QStringLiteral("displayNameEdit")), QStringLiteral("Grace Hopper"));
    QTest::keyClicks(signUp->findChild<QLineEdit *>(QStringLiteral("passwordEdit")), m_password);
    auto *confirm = signUp->findChild<QLineEdit *>(QStringLiteral("confirmPasswordEdit"));
    QTest::keyClicks(confirm, QStringLiteral("something else"));
    QTest::keyClick(confirm, Qt::Key_Return);   // the default button submits
    QCOMPARE(signUp->errorText(), QStringLiteral("The two passwords do not match."));
    QVERIFY(!context.auth()->isSignedIn());
    confirm->clear();
    QTest::keyClicks(confirm, m_password);
    QTest::keyClick(confirm, Qt::Key_Return);

    QTRY_VERIFY_WITH_TIMEOUT(context.auth()->isSignedIn(), 20000);
    QTRY_VERIFY(!window.signUpDialog());   // accepted and deleted
    QVERIFY(account->text().startsWith(m_username));
    QVERIFY(account->text().contains(App::AccountButton::roleName(context.auth()->user().role)));
    QVERIFY(!account->signInAction()->isVisible());
    QVERIFY(account->signOutAction()->isVisible());

    // The refresh token went to the credential store under server + username.
    const QString key = Core::AuthService::credentialKey(m_server->baseUrl(), m_username);
    QTRY_VERIFY(store.contains(key));
    QCOMPARE(store.secret(key), context.api()->refreshToken());
    QVERIFY(!store.secret(key).isEmpty());
    QCOMPARE(context.settings()->lastUsername(m_server->baseUrl()), m_username);

    // Sign out.
    account->signOutAction()->trigger();
    QVERIFY(!context.auth()->isSignedIn());
    QCOMPARE(account->text(), QStringLiteral("Sign in"));
    QTRY_VERIFY(!store.contains(key));
    QVERIFY(context.api()->refreshToken().isEmpty());

    // Sign in again: the dialog remembers the username.
    account->signInAction()->trigger();
    QTRY_VERIFY(window.signInDialog() && window.signInDialog()->isVisible());
    App::SignInDialog *signIn = window.signInDialog();
    QCOMPARE(signIn->findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->text(), m_username);
    auto *password = signIn->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QTest::keyClicks(password, m_password);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(context.auth()->isSignedIn(), 20000);
    QTRY_VERIFY(!window.signInDialog());
    QVERIFY(account->text().startsWith(m_username));
    QTRY_VERIFY(store.contains(key));
    QCOMPARE(store.secret(key), context.api()->refreshToken());
    QCOMPARE(store.writeCount(), 2);
    window.close();
}

void TestSignInFlow::wrongPasswordShowsServerMessage()
{
    // What the server says to a wrong password.
    Tests::TestHttpClient http;
    const auto reply = http.postJson(m_server->url(QStringLiteral("/api/v1/auth/login")),
                                     QJsonObject{{QStringLiteral("username"), m_username},
                                                 {QStringLiteral("password"), QStringLiteral("wrong password")}});
    QCOMPARE(reply.status, 401);
    const QString serverMessage = reply.json().value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
    QVERIFY(!serverMessage.isEmpty());

    QSettings *settings = newSettings(QStringLiteral("wrong"));
    Core::MemoryCredentialStore store;
    App::AppContext context(settings, &store, m_server->baseUrl());
    App::MainWindow window(&context);
    window.show();
    window.start();
    window.showSignInDialog();
    QTRY_VERIFY(window.signInDialog() && window.signInDialog()->isVisible());
    App::SignInDialog *dialog = window.signInDialog();
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("usernameEdit")), m_username);
    auto *password = dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QTest::keyClicks(password, QStringLiteral("also wrong"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("submitButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->errorText(), serverMessage, 20000);
    QVERIFY(dialog->isVisible());   // stays open for another try
    QVERIFY(!context.auth()->isSignedIn());
    QVERIFY(password->isEnabled());
    QVERIFY(store.keys().isEmpty());

    // Esc closes the dialog.
    QTest::keyClick(password, Qt::Key_Escape);
    QTRY_VERIFY(!window.signInDialog());
    window.close();
}

void TestSignInFlow::storedSessionIsRestoredOnStart()
{
    QSettings *settings = newSettings(QStringLiteral("restore"));
    Core::MemoryCredentialStore store;
    {
        App::AppContext context(settings, &store, m_server->baseUrl());
        context.auth()->signIn(m_username, m_password);
        QTRY_VERIFY_WITH_TIMEOUT(context.auth()->isSignedIn(), 20000);
        QTRY_COMPARE(store.writeCount(), 1);
        // The app ends without signing out.
    }
    // The main window records the account it signed in with; here the
    // session was opened without one, so record it as it would.
    App::AppSettings(settings).setLastUsername(m_server->baseUrl(), m_username);
    App::AppContext context(settings, &store, m_server->baseUrl());
    App::MainWindow window(&context);
    window.show();
    window.start();
    QTRY_VERIFY_WITH_TIMEOUT(context.auth()->isSignedIn(), 20000);
    QTRY_VERIFY(window.accountButton()->text().startsWith(m_username));
    // The refresh rotated the token; the store holds the new one.
    const QString key = Core::AuthService::credentialKey(m_server->baseUrl(), m_username);
    QTRY_COMPARE(store.secret(key), context.api()->refreshToken());
    QCOMPARE(store.writeCount(), 2);
    window.close();
}

void TestSignInFlow::navigationAndMemory()
{
    QSettings *settings = newSettings(QStringLiteral("navigation"));
    Core::MemoryCredentialStore store;
    QRect geometry;
    {
        App::AppContext context(settings, &store, m_server->baseUrl());
        App::MainWindow window(&context);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.currentPage(), App::MainWindow::Page::Home);
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QVERIFY(pages);
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), App::MainWindow::Page::Settings);
        QCOMPARE(pages->currentWidget(), window.settingsPage());
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPage(), App::MainWindow::Page::Studio);
        QCOMPARE(window.findChild<QLabel *>(QStringLiteral("pageTitle"))->text(), QStringLiteral("Studio"));
        // Arrow keys in the sidebar move between pages too.
        auto *sidebar = window.findChild<QListWidget *>(QStringLiteral("sidebar"));
        sidebar->setFocus();
        QTest::keyClick(sidebar, Qt::Key_Down);
        QCOMPARE(window.currentPage(), App::MainWindow::Page::Library);
        window.resize(1000, 640);
        geometry = window.geometry();
        window.close();
    }
    App::AppContext context(settings, &store, m_server->baseUrl());
    App::MainWindow window(&context);
    QCOMPARE(window.currentPage(), App::MainWindow::Page::Library);
    QCOMPARE(window.size(), geometry.size());
}

void TestSignInFlow::unreachableServerShowsBanner()
{
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const QUrl deadUrl(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort()));
    probe.close();

    QSettings *settings = newSettings(QStringLiteral("offline"));
    Core::MemoryCredentialStore store;
    App::AppContext context(settings, &store, deadUrl);
    context.health()->setIntervals(300, 30000);
    App::MainWindow window(&context);
    window.show();
    window.start();
    App::MessageBanner *banner = window.connectionBanner();
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10000);
    QCOMPARE(banner->text(), QStringLiteral("Cannot reach the server at %1. Check that kinora-server is running.")
                                 .arg(deadUrl.toDisplayString()));
    QVERIFY(banner->actionButton()->isVisible());
    QCOMPARE(banner->actionButton()->text(), QStringLiteral("&Retry"));

    // Retried by itself: more checks happen while the server is down.
    int failures = 0;
    connect(context.health(), &Core::HealthMonitor::unreachable, this, [&failures] { ++failures; });
    QTRY_VERIFY_WITH_TIMEOUT(failures >= 2, 10000);

    // Pointing the app at a running server makes the banner go away.
    auto *edit = window.settingsPage()->findChild<QLineEdit *>(QStringLiteral("serverUrlEdit"));
    edit->clear();
    QTest::keyClicks(edit, m_server->baseUrl().toString());
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(context.health()->state(), Core::HealthMonitor::State::Reachable, 10000);
    QVERIFY(!banner->isVisible());
    QTest::qWait(1000);   // later checks keep it away
    QVERIFY(!banner->isVisible());
    QCOMPARE(context.api()->baseUrl(), m_server->baseUrl());
    window.close();
}

void TestSignInFlow::missingKeyringShowsNotice()
{
    QSettings *settings = newSettings(QStringLiteral("nokeyring"));
    Core::MemoryCredentialStore store;
    store.setAvailable(false);
    App::AppContext context(settings, &store, m_server->baseUrl());
    App::MainWindow window(&context);
    window.show();
    window.start();
    QVERIFY(!window.noticeBanner()->isVisible());
    context.auth()->signIn(m_username, m_password);
    QTRY_VERIFY_WITH_TIMEOUT(context.auth()->isSignedIn(), 20000);
    QTRY_VERIFY(window.noticeBanner()->isVisible());
    QVERIFY(window.noticeBanner()->text().contains(QStringLiteral("keyring")));
    QVERIFY(store.keys().isEmpty());
    // Still signed in for this run.
    QVERIFY(window.accountButton()->text().startsWith(m_username));
    window.close();
}

QTEST_MAIN(TestSignInFlow)
#include "tst_signinflow.moc"
