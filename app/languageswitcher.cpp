#include "app/languageswitcher.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace Kinora::App {

LanguageSwitcher::LanguageSwitcher(QObject *parent)
    : QObject(parent)
{
}

LanguageSwitcher::~LanguageSwitcher()
{
    if (m_appInstalled)
        QCoreApplication::removeTranslator(&m_appTranslator);
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qtTranslator);
}

bool LanguageSwitcher::setLanguage(const QString &language)
{
    if (m_appInstalled)
        QCoreApplication::removeTranslator(&m_appTranslator);
    if (m_qtInstalled)
        QCoreApplication::removeTranslator(&m_qtTranslator);
    m_appInstalled = false;
    m_qtInstalled = false;

    m_language = language;
    m_locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(m_locale);

    // English is the source language: no file to load for it.
    if (m_appTranslator.load(m_locale, QStringLiteral("kinora"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        m_appInstalled = QCoreApplication::installTranslator(&m_appTranslator);
    if (m_qtTranslator.load(m_locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        m_qtInstalled = QCoreApplication::installTranslator(&m_qtTranslator);

    Q_EMIT languageChanged(language);
    return m_appInstalled;
}

} // namespace Kinora::App
