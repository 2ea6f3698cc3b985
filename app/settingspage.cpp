#include "app/settingspage.h"

#include "app/appsettings.h"
#include "app/languageswitcher.h"
#include "app/serverurl.h"
#include "app/themecontroller.h"
#include "core/net/apiclient.h"
#include "core/net/apireply.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Kinora::App {

SettingsPage::SettingsPage(AppSettings *settings, ThemeController *theme, LanguageSwitcher *language,
                           const QUrl &serverUrl, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_theme(theme)
    , m_language(language)
    , m_probe(new Core::ApiClient(this))
    , m_serverUrl(serverUrl)
    , m_serverGroup(new QGroupBox(this))
    , m_serverForm(new QFormLayout)
    , m_urlLabel(new QLabel(this))
    , m_urlEdit(new QLineEdit(this))
    , m_urlError(new QLabel(this))
    , m_applyButton(new QPushButton(this))
    , m_testButton(new QPushButton(this))
    , m_testResult(new QLabel(this))
    , m_appearanceGroup(new QGroupBox(this))
    , m_appearanceForm(new QFormLayout)
    , m_languageLabel(new QLabel(this))
    , m_languageCombo(new QComboBox(this))
    , m_themeLabel(new QLabel(this))
    , m_themeCombo(new QComboBox(this))
    , m_languageNote(new QLabel(this))
{
    m_probe->setTimeoutMs(5000);

    m_urlEdit->setObjectName(QStringLiteral("serverUrlEdit"));
    m_urlEdit->setText(serverUrl.toString());
    m_urlEdit->setClearButtonEnabled(true);
    m_urlEdit->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_urlError->setObjectName(QStringLiteral("serverUrlError"));
    m_urlError->setWordWrap(true);
    m_urlError->hide();
    m_applyButton->setObjectName(QStringLiteral("applyServerButton"));
    m_testButton->setObjectName(QStringLiteral("testConnectionButton"));
    m_testResult->setObjectName(QStringLiteral("testConnectionResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->hide();

    auto *urlRow = new QHBoxLayout;
    urlRow->addWidget(m_urlEdit, 1);
    urlRow->addWidget(m_applyButton);
    urlRow->addWidget(m_testButton);
    m_urlLabel->setBuddy(m_urlEdit);
    m_serverForm->addRow(m_urlLabel, urlRow);
    m_serverForm->addRow(m_urlError);
    m_serverForm->addRow(m_testResult);
    m_serverGroup->setLayout(m_serverForm);

    m_languageCombo->setObjectName(QStringLiteral("languageCombo"));
    m_themeCombo->setObjectName(QStringLiteral("themeCombo"));
    m_languageNote->setWordWrap(true);
    m_languageLabel->setBuddy(m_languageCombo);
    m_themeLabel->setBuddy(m_themeCombo);
    m_appearanceForm->addRow(m_languageLabel, m_languageCombo);
    m_appearanceForm->addRow(m_themeLabel, m_themeCombo);
    m_appearanceForm->addRow(m_languageNote);
    m_appearanceGroup->setLayout(m_appearanceForm);

    auto *column = new QVBoxLayout;
    column->addWidget(m_serverGroup);
    column->addWidget(m_appearanceGroup);
    column->addStretch(1);
    // Keep the form at a readable width on very wide windows.
    auto *layout = new QHBoxLayout(this);
    layout->addLayout(column, 3);
    layout->addStretch(1);

    setTabOrder(m_urlEdit, m_applyButton);
    setTabOrder(m_applyButton, m_testButton);
    setTabOrder(m_testButton, m_languageCombo);
    setTabOrder(m_languageCombo, m_themeCombo);

    retranslateUi();

    connect(m_urlEdit, &QLineEdit::textChanged, this, [this] {
        validateUrl();
        m_testResult->clear();
        m_testResult->hide();
    });
    // Reflect changes made elsewhere (start-up, other windows, tests).
    connect(m_theme, &ThemeController::themeChanged, this, [this](ThemeController::Theme theme) {
        m_themeCombo->setCurrentIndex(qMax(0, m_themeCombo->findData(int(theme))));
    });
    connect(m_language, &LanguageSwitcher::languageChanged, this, [this](const QString &language) {
        m_languageCombo->setCurrentIndex(qMax(0, m_languageCombo->findData(language)));
    });
    connect(m_urlEdit, &QLineEdit::returnPressed, this, &SettingsPage::applyUrl);
    connect(m_applyButton, &QPushButton::clicked, this, &SettingsPage::applyUrl);
    connect(m_testButton, &QPushButton::clicked, this, &SettingsPage::testConnection);
    connect(m_languageCombo, &QComboBox::activated, this, [this](int index) {
        const QString code = m_languageCombo->itemData(index).toString();
        m_settings->setLanguage(code);
        m_language->setLanguage(code);
    });
    connect(m_themeCombo, &QComboBox::activated, this, [this](int index) {
        const auto theme = static_cast<ThemeController::Theme>(m_themeCombo->itemData(index).toInt());
        m_settings->setTheme(ThemeController::toString(theme));
        m_theme->apply(theme);
    });
}

void SettingsPage::setServerUrl(const QUrl &url)
{
    m_serverUrl = url;
    m_urlEdit->setText(url.toString());
}

bool SettingsPage::validateUrl()
{
    QString error;
    const QUrl url = ServerUrl::parse(m_urlEdit->text(), &error);
    m_urlError->setText(error);
    m_urlError->setVisible(!error.isEmpty());
    m_applyButton->setEnabled(url.isValid() && !url.isEmpty() && url != m_serverUrl);
    m_testButton->setEnabled(url.isValid() && !url.isEmpty());
    return url.isValid() && !url.isEmpty();
}

void SettingsPage::applyUrl()
{
    if (!validateUrl())
        return;
    const QUrl url = ServerUrl::parse(m_urlEdit->text());
    m_urlEdit->setText(url.toString());
    if (url == m_serverUrl)
        return;
    m_serverUrl = url;
    m_settings->setServerUrl(url);
    m_applyButton->setEnabled(false);
    Q_EMIT serverUrlChanged(url);
}

void SettingsPage::testConnection()
{
    if (!validateUrl())
        return;
    const QUrl url = ServerUrl::parse(m_urlEdit->text());
    m_probe->setBaseUrl(url);
    const int generation = ++m_testGeneration;
    showTestResult(tr("Connecting to %1…").arg(url.toDisplayString()), true);
    m_testButton->setEnabled(false);
    Core::ApiReply *reply = m_probe->get(QStringLiteral("/api/v1/health"));
    connect(reply, &Core::ApiReply::finished, this, [this, reply, url, generation] {
        if (generation != m_testGeneration)
            return;
        m_testButton->setEnabled(true);
        const QJsonObject json = reply->json();
        if (reply->isSuccess() && json.value(QLatin1String("status")).toString() == QLatin1String("ok")) {
            showTestResult(tr("Connected: Kinora server %1 at %2, database %3.")
                               .arg(json.value(QLatin1String("version")).toString(), url.toDisplayString(),
                                    json.value(QLatin1String("database")).toString()),
                           true);
        } else if (reply->isSuccess()) {
            showTestResult(tr("The server at %1 answered, but it is not a working Kinora server.").arg(url.toDisplayString()),
                           false);
        } else {
            showTestResult(tr("Connection failed: %1").arg(reply->error().message), false);
        }
    });
}

void SettingsPage::showTestResult(const QString &text, bool success)
{
    QPalette pal = m_testResult->palette();
    pal.setColor(QPalette::WindowText, success ? palette().color(QPalette::WindowText) : QColor(0xd0, 0x3b, 0x3b));
    m_testResult->setPalette(pal);
    m_testResult->setText(text);
    m_testResult->setProperty("success", success);
    m_testResult->show();
}

void SettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SettingsPage::retranslateUi()
{
    m_serverGroup->setTitle(tr("Server"));
    m_urlLabel->setText(tr("&Address:"));
    m_languageLabel->setText(tr("&Language:"));
    m_themeLabel->setText(tr("T&heme:"));
    m_urlEdit->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080"));
    m_urlEdit->setAccessibleName(tr("Server address"));
    m_applyButton->setText(tr("A&pply"));
    m_testButton->setText(tr("&Test connection"));
    m_appearanceGroup->setTitle(tr("Appearance"));

    const int languageIndex = m_languageCombo->currentIndex();
    m_languageCombo->clear();
    m_languageCombo->addItem(tr("System default"), QString());
    m_languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_languageCombo->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    const int savedLanguage = m_languageCombo->findData(m_language->language());
    m_languageCombo->setCurrentIndex(languageIndex >= 0 ? languageIndex : qMax(0, savedLanguage));

    const int themeIndex = m_themeCombo->currentIndex();
    m_themeCombo->clear();
    m_themeCombo->addItem(tr("System default"), int(ThemeController::Theme::System));
    m_themeCombo->addItem(tr("Light"), int(ThemeController::Theme::Light));
    m_themeCombo->addItem(tr("Dark"), int(ThemeController::Theme::Dark));
    const int savedTheme = m_themeCombo->findData(int(m_theme->theme()));
    m_themeCombo->setCurrentIndex(themeIndex >= 0 ? themeIndex : qMax(0, savedTheme));

    m_languageNote->setText(tr("Language and theme apply immediately and are remembered for the next start."));
    validateUrl();
}

} // namespace Kinora::App
