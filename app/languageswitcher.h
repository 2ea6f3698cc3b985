#pragma once

#include <QLocale>
#include <QObject>
#include <QString>
#include <QTranslator>

namespace Kinora::App {

// Installs Kinora's translation (embedded from translations/) and Qt's own
// for the system locale or a chosen language, live: installing a translator
// sends QEvent::LanguageChange to every widget.
class LanguageSwitcher : public QObject
{
    Q_OBJECT
public:
    explicit LanguageSwitcher(QObject *parent = nullptr);
    ~LanguageSwitcher() override;

    // language: "" follows the system, else a code such as "en" or "de".
    // Returns true when a Kinora translation was loaded.
    bool setLanguage(const QString &language);
    QString language() const { return m_language; }
    QLocale locale() const { return m_locale; }

Q_SIGNALS:
    void languageChanged(const QString &language);

private:
    QString m_language;
    QLocale m_locale;
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
    bool m_appInstalled = false;
    bool m_qtInstalled = false;
};

} // namespace Kinora::App
