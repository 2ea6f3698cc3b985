#include "app/appsettings.h"

#include <QCryptographicHash>
#include <QSettings>

namespace Kinora::App {

AppSettings::AppSettings(QSettings *settings)
    : m_settings(settings)
{
}

QUrl AppSettings::defaultServerUrl()
{
    return QUrl(QStringLiteral("http://127.0.0.1:8080"));
}

QUrl AppSettings::serverUrl() const
{
    const QUrl url(m_settings->value(QStringLiteral("server/url")).toString());
    return url.isValid() && !url.isEmpty() ? url : defaultServerUrl();
}

bool AppSettings::hasServerUrl() const
{
    return m_settings->contains(QStringLiteral("server/url"));
}

void AppSettings::setServerUrl(const QUrl &url)
{
    m_settings->setValue(QStringLiteral("server/url"), url.toString());
}

QString AppSettings::language() const
{
    return m_settings->value(QStringLiteral("ui/language")).toString();
}

void AppSettings::setLanguage(const QString &language)
{
    m_settings->setValue(QStringLiteral("ui/language"), language);
}

QString AppSettings::theme() const
{
    return m_settings->value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString();
}

void AppSettings::setTheme(const QString &theme)
{
    m_settings->setValue(QStringLiteral("ui/theme"), theme);
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
}

QString AppSettings::lastPage() const
{
    return m_settings->value(QStringLiteral("window/page")).toString();
}

void AppSettings::setLastPage(const QString &page)
{
    m_settings->setValue(QStringLiteral("window/page"), page);
}

QString AppSettings::serverKey(const QUrl &server)
{
    // QSettings keys cannot hold every character of a URL: use a digest.
    const QByteArray url = server.adjusted(QUrl::StripTrailingSlash).toString().toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(url, QCryptographicHash::Sha1).toHex().left(16));
}

QString AppSettings::lastUsername(const QUrl &server) const
{
    return m_settings->value(QStringLiteral("accounts/") + serverKey(server) + QStringLiteral("/username")).toString();
}

void AppSettings::setLastUsername(const QUrl &server, const QString &username)
{
    const QString key = QStringLiteral("accounts/") + serverKey(server) + QStringLiteral("/username");
    if (username.isEmpty())
        m_settings->remove(key);
    else
        m_settings->setValue(key, username);
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace Kinora::App
