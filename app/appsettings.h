#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

class QSettings;

namespace Kinora::App {

// Typed access to the desktop app's persistent preferences. The QSettings
// behind it is passed in, so tests use a file of their own.
class AppSettings
{
public:
    explicit AppSettings(QSettings *settings);

    static QUrl defaultServerUrl();

    QUrl serverUrl() const;                    // stored URL, else the default
    bool hasServerUrl() const;
    void setServerUrl(const QUrl &url);

    QString language() const;                  // "" follows the system, else "en", "de"
    void setLanguage(const QString &language);

    QString theme() const;                     // "system", "light" or "dark"
    void setTheme(const QString &theme);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);

    QString lastPage() const;
    void setLastPage(const QString &page);

    // The account signed in last on a server, to restore its session.
    QString lastUsername(const QUrl &server) const;
    void setLastUsername(const QUrl &server, const QString &username);

    void sync();

private:
    static QString serverKey(const QUrl &server);

    QSettings *m_settings;
};

} // namespace Kinora::App
