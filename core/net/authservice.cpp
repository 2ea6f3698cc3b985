#include "core/net/authservice.h"

#include "core/net/apiclient.h"
#include "core/net/apireply.h"
#include "core/net/credentialstore.h"

#include <QPointer>

namespace Kinora::Core {

AuthService::AuthService(ApiClient *client, CredentialStore *store, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
{
    connect(m_client, &ApiClient::tokensRefreshed, this, [this](const QJsonObject &body) {
        const UserInfo user = UserInfo::fromJson(body.value(QLatin1String("user")).toObject());
        if (user.isValid())
            m_user = user;
        // The server rotates refresh tokens: the stored one is now spent.
        storeRefreshToken();
    });
    connect(m_client, &ApiClient::sessionExpired, this, [this] {
        if (!isSignedIn())
            return;
        if (!m_storedKey.isEmpty())
            removeStoredToken(m_storedKey);
        m_user = UserInfo();
        m_storedKey.clear();
        Q_EMIT sessionExpired();
        Q_EMIT signedOut();
    });
}

QString AuthService::credentialKey(const QUrl &server, const QString &username)
{
    return server.adjusted(QUrl::StripTrailingSlash).toString() + QLatin1Char('#') + username;
}

void AuthService::signUp(const QString &username, const QString &password, const QString &displayName)
{
    QJsonObject body{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}};
    if (!displayName.isEmpty())
        body.insert(QStringLiteral("displayName"), displayName);
    authenticate(QStringLiteral("/api/v1/auth/register"), body, true);
}

void AuthService::signIn(const QString &username, const QString &password)
{
    authenticate(QStringLiteral("/api/v1/auth/login"),
                 QJsonObject{{QStringLiteral("username"), username}, {QStringLiteral("password"), password}}, false);
}

void AuthService::authenticate(const QString &path, const QJsonObject &body, bool isSignUp)
{
    if (m_busy)
        return;
    setBusy(true);
    ApiReply *reply = m_client->post(path, body);
    connect(reply, &ApiReply::finished, this, [this, reply, isSignUp] {
        setBusy(false);
        if (!reply->isSuccess()) {
            if (isSignUp)
                Q_EMIT signUpFailed(reply->error());
            else
                Q_EMIT signInFailed(reply->error());
            return;
        }
        acceptSession(reply->json());
    });
}

void AuthService::acceptSession(const QJsonObject &body)
{
    const UserInfo user = UserInfo::fromJson(body.value(QLatin1String("user")).toObject());
    m_client->setTokens(body.value(QLatin1String("accessToken")).toString(),
                        body.value(QLatin1String("refreshToken")).toString());
    m_user = user;
    m_storedKey = credentialKey(m_client->baseUrl(), user.username);
    storeRefreshToken();
    Q_EMIT signedIn(m_user);
}

void AuthService::storeRefreshToken()
{
    if (!m_persistent || m_storedKey.isEmpty() || m_client->refreshToken().isEmpty())
        return;
    m_store->writeSecret(m_storedKey, m_client->refreshToken(), this, [this](const CredentialStore::Result &result) {
        if (result.status == CredentialStore::Status::Unavailable || result.status == CredentialStore::Status::Failed)
            markStorageUnavailable(result.message);
    });
}

void AuthService::removeStoredToken(const QString &key)
{
    if (!m_persistent)
        return;
    m_store->removeSecret(key, this, nullptr);
}

void AuthService::markStorageUnavailable(const QString &reason)
{
    m_persistent = false;
    if (m_warnedAboutStorage)
        return;
    m_warnedAboutStorage = true;
    Q_EMIT credentialStorageUnavailable(reason);
}

void AuthService::signOut()
{
    const QString refreshToken = m_client->refreshToken();
    if (!refreshToken.isEmpty()) {
        // Fire and forget: the local sign-out must not wait for the server.
        m_client->post(QStringLiteral("/api/v1/auth/logout"), QJsonObject{{QStringLiteral("refreshToken"), refreshToken}});
    }
    if (!m_storedKey.isEmpty())
        removeStoredToken(m_storedKey);
    forgetSession();
}

void AuthService::signOutEverywhere()
{
    if (!isSignedIn())
        return;
    ApiReply *reply = m_client->postEmpty(QStringLiteral("/api/v1/auth/logout-all"), ApiClient::Auth::Bearer);
    connect(reply, &ApiReply::finished, this, [this] { signOut(); });
}

void AuthService::forgetSession()
{
    const bool wasSignedIn = isSignedIn();
    m_client->clearTokens();
    m_user = UserInfo();
    m_storedKey.clear();
    if (wasSignedIn)
        Q_EMIT signedOut();
}

void AuthService::restoreSession(const QString &username)
{
    if (username.isEmpty() || isSignedIn() || m_busy) {
        Q_EMIT restoreFinished(false, ApiError());
        return;
    }
    const QString key = credentialKey(m_client->baseUrl(), username);
    setBusy(true);
    m_store->readSecret(key, this, [this, key](const CredentialStore::Result &result) {
        if (result.status != CredentialStore::Status::Ok || result.secret.isEmpty()) {
            setBusy(false);
            if (result.status == CredentialStore::Status::Unavailable)
                markStorageUnavailable(result.message);
            Q_EMIT restoreFinished(false, ApiError());
            return;
        }
        ApiReply *reply = m_client->post(QStringLiteral("/api/v1/auth/refresh"),
                                         QJsonObject{{QStringLiteral("refreshToken"), result.secret}});
        connect(reply, &ApiReply::finished, this, [this, reply, key] {
            setBusy(false);
            if (!reply->isSuccess()) {
                // A refused token is spent for good; an unreachable server is not.
                if (!reply->error().isNetworkError() && reply->httpStatus() < 500)
                    removeStoredToken(key);
                Q_EMIT restoreFinished(false, reply->error());
                return;
            }
            acceptSession(reply->json());
            Q_EMIT restoreFinished(true, ApiError());
        });
    });
}

void AuthService::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace Kinora::Core
