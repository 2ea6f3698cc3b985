#pragma once

#include <QPointer>
#include <QUrl>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Kinora::Core {
class ApiClient;
}

namespace Kinora::App {

class AppSettings;
class LanguageSwitcher;
class ThemeController;

// Preferences: the server address (validated, with a connection test), the
// language and the theme. Language and theme apply at once.
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    SettingsPage(AppSettings *settings, ThemeController *theme, LanguageSwitcher *language,
                 const QUrl &serverUrl, QWidget *parent = nullptr);

    QUrl serverUrl() const { return m_serverUrl; }
    void setServerUrl(const QUrl &url);

Q_SIGNALS:
    // A valid new address was confirmed (Enter or Apply).
    void serverUrlChanged(const QUrl &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    bool validateUrl();
    void applyUrl();
    void testConnection();
    void showTestResult(const QString &text, bool success);

    AppSettings *m_settings;
    ThemeController *m_theme;
    LanguageSwitcher *m_language;
    Core::ApiClient *m_probe;
    QUrl m_serverUrl;

    QGroupBox *m_serverGroup;
    QFormLayout *m_serverForm;
    QLabel *m_urlLabel;
    QLineEdit *m_urlEdit;
    QLabel *m_urlError;
    QPushButton *m_applyButton;
    QPushButton *m_testButton;
    QLabel *m_testResult;
    QGroupBox *m_appearanceGroup;
    QFormLayout *m_appearanceForm;
    QLabel *m_languageLabel;
    QComboBox *m_languageCombo;
    QLabel *m_themeLabel;
    QComboBox *m_themeCombo;
    QLabel *m_languageNote;
    int m_testGeneration = 0;
};

} // namespace Kinora::App
