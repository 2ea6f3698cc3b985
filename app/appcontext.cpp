#include "app/appcontext.h"

#include "app/appsettings.h"
#include "app/languageswitcher.h"
#include "app/themecontroller.h"
#include "core/net/apiclient.h"
#include "core/net/authservice.h"
#include "core/net/credentialstore.h"
#include "core/net/healthmonitor.h"

namespace Kinora::App {

AppContext::AppContext(QSettings *settings, Core::CredentialStore *store, const QUrl &serverOverride, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<AppSettings>(settings))
    , m_store(store)
    , m_api(new Core::ApiClient(this))
    , m_auth(new Core::AuthService(m_api, store, this))
    , m_health(new Core::HealthMonitor(m_api, this))
    , m_theme(new ThemeController(this))
    , m_language(new LanguageSwitcher(this))
{
    m_api->setBaseUrl(serverOverride.isEmpty() ? m_settings->serverUrl() : serverOverride);
}

AppContext::~AppContext() = default;

QUrl AppContext::serverUrl() const
{
    return m_api->baseUrl();
}

void AppContext::setServerUrl(const QUrl &url)
{
    if (url == m_api->baseUrl())
        return;
    // Tokens belong to one server: drop the session (its stored token stays).
    m_auth->forgetSession();
    m_api->setBaseUrl(url);
    m_health->reset();
}

} // namespace Kinora::App
