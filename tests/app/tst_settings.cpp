// Settings without a server: address validation, live theme and language
// switching through the Settings page, and what is remembered.
#include "app/appsettings.h"
#include "app/languageswitcher.h"
#include "app/serverurl.h"
#include "app/settingspage.h"
#include "app/themecontroller.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Kinora;

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void serverUrl_data();
    void serverUrl();
    void themeChangesPalette();
    void settingsPageSwitchesTheme();
    void settingsPageValidatesAddress();
    void germanTranslationIsEmbedded();
    void settingsPageSwitchesLanguageLive();

private:
    QTemporaryDir m_dir;
};

void TestSettings::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestSettings::serverUrl_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");   // empty: rejected

    QTest::newRow("plain") << "http://127.0.0.1:8080" << "http://127.0.0.1:8080";
    QTest::newRow("trailing slash") << "https://video.example.org/" << "https://video.example.org";
    QTest::newRow("sub path") << "https://example.org/kinora/" << "https://example.org/kinora";
    QTest::newRow("no scheme") << "localhost:8080" << "http://localhost:8080";
    QTest::newRow("spaces") << "  http://host:1234  " << "http://host:1234";
    QTest::newRow("upper-case scheme") << "HTTPS://example.org" << "https://example.org";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("blank") << "   " << "";
    QTest::newRow("ftp") << "ftp://example.org" << "";
    QTest::newRow("no host") << "http://" << "";
    QTest::newRow("credentials") << "http://user:secret@example.org" << "";
    QTest::newRow("query") << "http://example.org/?a=b" << "";
    QTest::newRow("fragment") << "http://example.org/#top" << "";
    QTest::newRow("bad port") << "http://example.org:99999" << "";
    QTest::newRow("space in host") << "http://exa mple.org" << "";
}

void TestSettings::serverUrl()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QString error;
    const QUrl url = App::ServerUrl::parse(input, &error);
    if (expected.isEmpty()) {
        QVERIFY2(url.isEmpty(), qPrintable(url.toString()));
        QVERIFY(!error.isEmpty());
    } else {
        QCOMPARE(url.toString(), expected);
        QVERIFY(error.isEmpty());
    }
}

void TestSettings::themeChangesPalette()
{
    App::ThemeController theme;
    QSignalSpy changed(&theme, &App::ThemeController::themeChanged);
    theme.apply(App::ThemeController::Theme::Dark);
    QVERIFY(theme.isDark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));

    theme.apply(App::ThemeController::Theme::Light);
    QVERIFY(!theme.isDark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 200);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() < 80);
    QCOMPARE(changed.count(), 2);

    // A widget created before the switch follows it.
    QWidget widget;
    theme.apply(App::ThemeController::Theme::Dark);
    QTRY_VERIFY(widget.palette().color(QPalette::Window).lightness() < 80);

    QCOMPARE(App::ThemeController::fromString(QStringLiteral("dark")), App::ThemeController::Theme::Dark);
    QCOMPARE(App::ThemeController::fromString(QStringLiteral("nonsense")), App::ThemeController::Theme::System);
    QCOMPARE(App::ThemeController::toString(App::ThemeController::Theme::Light), QStringLiteral("light"));
}

void TestSettings::settingsPageSwitchesTheme()
{
    QSettings store(m_dir.filePath(QStringLiteral("theme.ini")), QSettings::IniFormat);
    App::AppSettings settings(&store);
    App::ThemeController theme;
    App::LanguageSwitcher language;
    theme.apply(App::ThemeController::Theme::Light);
    App::SettingsPage page(&settings, &theme, &language, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    page.show();

    auto *combo = page.findChild<QComboBox *>(QStringLiteral("themeCombo"));
    QVERIFY(combo);
    const int dark = combo->findData(int(App::ThemeController::Theme::Dark));
    QVERIFY(dark >= 0);
    const QColor before = page.palette().color(QPalette::Window);
    combo->setFocus();
    combo->setCurrentIndex(dark);
    Q_EMIT combo->activated(dark);
    QVERIFY(theme.isDark());
    QTRY_VERIFY(page.palette().color(QPalette::Window) != before);
    QVERIFY(page.palette().color(QPalette::Window).lightness() < 80);
    QCOMPARE(settings.theme(), QStringLiteral("dark"));

    // Keyboard: choosing the first entry with the arrow keys applies it.
    QTest::keyClick(combo, Qt::Key_Up);
    QCOMPARE(combo->currentData().toInt(), int(App::ThemeController::Theme::Light));
    QTRY_VERIFY(page.palette().color(QPalette::Window).lightness() > 200);
    QCOMPARE(settings.theme(), QStringLiteral("light"));
}

void TestSettings::settingsPageValidatesAddress()
{
    QSettings store(m_dir.filePath(QStringLiteral("url.ini")), QSettings::IniFormat);
    App::AppSettings settings(&store);
    App::ThemeController theme;
    App::LanguageSwitcher language;
    App::SettingsPage page(&settings, &theme, &language, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    page.show();
    QSignalSpy changed(&page, &App::SettingsPage::serverUrlChanged);

    auto *edit = page.findChild<QLineEdit *>(QStringLiteral("serverUrlEdit"));
    auto *error = page.findChild<QLabel *>(QStringLiteral("serverUrlError"));
    auto *apply = page.findChild<QPushButton *>(QStringLiteral("applyServerButton"));
    auto *test = page.findChild<QPushButton *>(QStringLiteral("testConnectionButton"));
    QVERIFY(edit && error && apply && test);
    QCOMPARE(edit->text(), QStringLiteral("http://127.0.0.1:8080"));
    QVERIFY(!apply->isEnabled());   // nothing changed yet

    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("ftp://video.example.org"));
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QVERIFY(!apply->isEnabled());
    QVERIFY(!test->isEnabled());
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(changed.count(), 0);
    QVERIFY(!settings.hasServerUrl());

    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("video.example.org:8443/"));
    QVERIFY(!error->isVisible());
    QVERIFY(apply->isEnabled());
    QVERIFY(test->isEnabled());
    QTest::keyClick(edit, Qt::Key_Return);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toUrl(), QUrl(QStringLiteral("http://video.example.org:8443")));
    QCOMPARE(edit->text(), QStringLiteral("http://video.example.org:8443"));
    QCOMPARE(settings.serverUrl(), QUrl(QStringLiteral("http://video.example.org:8443")));
    QCOMPARE(page.serverUrl(), QUrl(QStringLiteral("http://video.example.org:8443")));
}

void TestSettings::germanTranslationIsEmbedded()
{
    App::LanguageSwitcher language;
    QVERIFY(language.setLanguage(QStringLiteral("de")));
    QCOMPARE(QCoreApplication::translate("Kinora::App::MainWindow", "Settings"), QStringLiteral("Einstellungen"));
    QCOMPARE(QCoreApplication::translate("Kinora::App::ServerUrl", "The address has no host name."),
             QStringLiteral("Die Adresse enthält keinen Hostnamen."));
    // English is the source language: no file, the source strings are shown.
    QVERIFY(!language.setLanguage(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("Kinora::App::MainWindow", "Settings"), QStringLiteral("Settings"));
}

void TestSettings::settingsPageSwitchesLanguageLive()
{
    QSettings store(m_dir.filePath(QStringLiteral("language.ini")), QSettings::IniFormat);
    App::AppSettings settings(&store);
    App::ThemeController theme;
    App::LanguageSwitcher language;
    language.setLanguage(QString());
    App::SettingsPage page(&settings, &theme, &language, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    page.show();

    auto *languageCombo = page.findChild<QComboBox *>(QStringLiteral("languageCombo"));
    auto *themeCombo = page.findChild<QComboBox *>(QStringLiteral("themeCombo"));
    auto *test = page.findChild<QPushButton *>(QStringLiteral("testConnectionButton"));
    QVERIFY(languageCombo && themeCombo && test);
    QCOMPARE(test->text(), QStringLiteral("&Test connection"));
    const int german = languageCombo->findData(QStringLiteral("de"));
    QVERIFY(german >= 0);
    languageCombo->setCurrentIndex(german);
    Q_EMIT languageCombo->activated(german);
    QCOMPARE(settings.language(), QStringLiteral("de"));
    QTRY_COMPARE(test->text(), QStringLiteral("Verbindung &testen"));
    QCOMPARE(themeCombo->itemText(themeCombo->findData(int(App::ThemeController::Theme::Dark))), QStringLiteral("Dunkel"));
    // The choice survives the re-translation of the combo box.
    QCOMPARE(languageCombo->currentData().toString(), QStringLiteral("de"));

    const int english = languageCombo->findData(QStringLiteral("en"));
    languageCombo->setCurrentIndex(english);
    Q_EMIT languageCombo->activated(english);
    QTRY_COMPARE(test->text(), QStringLiteral("&Test connection"));
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
