#pragma once

#include "core/net/apierror.h"
#include "core/net/userinfo.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

namespace Kinora::Core {

class ApiClient;
class CredentialStore;

// The account session of the desktop app: signs up, in and out through the
// REST API, keeps the refresh token in a CredentialStore (one entry per
// server URL and username) and restores a stored session silently.
// When the store is unavailable the session lives in memory only.
class AuthService : public QObject
{
    Q_OBJECT
public:
    AuthService(ApiClient *client, CredentialStore *store, QObject *parent = nullptr);

    bool isSignedIn() const { return m_user.isValid(); }
    UserInfo user() const { return m_user; }
    bool isBusy() const { return m_busy; }
    // False once the store said it cannot keep anything between runs.
    bool isPersistent() const { return m_persistent; }

    void signUp(const QString &username, const QString &password, const QString &displayName = QString());
    void signIn(const QString &username, const QString &password);
    // Revokes the refresh token on the server, forgets it locally.
    void signOut();
    // Revokes every session of the account on the server, then signs out.
    void signOutEverywhere();
    // Forgets the session locally without telling the server (server changed).
    void forgetSession();
    // Looks for a stored refresh token of username and signs in with it.
    void restoreSession(const QString &username);

    static QString credentialKey(const QUrl &server, const QString &username);

Q_SIGNALS:
    void signedIn(const Kinora::Core::UserInfo &user);
    void signedOut();
    void sessionExpired();
    void signInFailed(const Kinora::Core::ApiError &error);
    void signUpFailed(const Kinora::Core::ApiError &error);
    // restored: true when a stored session was resumed.
    void restoreFinished(bool restored, const Kinora::Core::ApiError &error);
    void busyChanged(bool busy);
    // Emitted once: the refresh token cannot be kept between runs.
    void credentialStorageUnavailable(const QString &reason);

private:
    void authenticate(const QString &path, const QJsonObject &body, bool isSignUp);
    void acceptSession(const QJsonObject &body);
    void storeRefreshToken();
    void removeStoredToken(const QString &key);
    void markStorageUnavailable(const QString &reason);
    void setBusy(bool busy);

    ApiClient *m_client;
    CredentialStore *m_store;
    UserInfo m_user;
    QString m_storedKey;   // key of the credential entry of the current session
    bool m_busy = false;
    bool m_persistent = true;
    bool m_warnedAboutStorage = false;
};

} // namespace Kinora::Core
