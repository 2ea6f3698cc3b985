#pragma once

#include <QObject>
#include <QUrl>

#include <memory>

class QSettings;

namespace Kinora::Core {
class ApiClient;
class AuthService;
class CredentialStore;
class HealthMonitor;
}

namespace Kinora::App {

class AppSettings;
class LanguageSwitcher;
class ThemeController;

// The desktop app's object graph, built once by main() (and by the widget
// tests with their own settings file and credential store) and handed to
// the windows. It owns the services; settings and store are borrowed.
class AppContext : public QObject
{
    Q_OBJECT
public:
    // serverOverride: from --server or KINORA_SERVER_URL; empty uses Settings.
    AppContext(QSettings *settings, Core::CredentialStore *store, const QUrl &serverOverride = QUrl(),
               QObject *parent = nullptr);
    ~AppContext() override;

    AppSettings *settings() const { return m_settings.get(); }
    Core::CredentialStore *credentialStore() const { return m_store; }
    Core::ApiClient *api() const { return m_api; }
    Core::AuthService *auth() const { return m_auth; }
    Core::HealthMonitor *health() const { return m_health; }
    ThemeController *theme() const { return m_theme; }
    LanguageSwitcher *language() const { return m_language; }

    QUrl serverUrl() const;
    void setServerUrl(const QUrl &url);

private:
    std::unique_ptr<AppSettings> m_settings;
    Core::CredentialStore *m_store;
    Core::ApiClient *m_api;
    Core::AuthService *m_auth;
    Core::HealthMonitor *m_health;
    ThemeController *m_theme;
    LanguageSwitcher *m_language;
};

} // namespace Kinora::App
