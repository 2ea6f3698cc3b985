#pragma once

#include "core/net/apierror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Kinora::Core {

class ApiReply;

// Asynchronous JSON client for the Kinora REST API (/api/v1/...). It adds the
// Bearer access token to authenticated requests; when one of them answers 401
// it refreshes the tokens once (POST /api/v1/auth/refresh) and retries, and
// reports sessionExpired() when the refresh token is refused too.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    enum class Auth { None, Bearer };

    explicit ApiClient(QObject *parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &url);
    QUrl urlFor(const QString &path) const;

    QString accessToken() const { return m_accessToken; }
    QString refreshToken() const { return m_refreshToken; }
    void setTokens(const QString &accessToken, const QString &refreshToken);
    void clearTokens();

    int timeoutMs() const { return m_timeoutMs; }
    void setTimeoutMs(int milliseconds) { m_timeoutMs = milliseconds; }

    ApiReply *get(const QString &path, Auth auth = Auth::None);
    ApiReply *post(const QString &path, const QJsonObject &body, Auth auth = Auth::None);
    ApiReply *postEmpty(const QString &path, Auth auth = Auth::None);
    ApiReply *sendRequest(const QByteArray &method, const QString &path, const QByteArray &body, Auth auth);
    // Sends body as is with its own Content-Type (images and other non-JSON bodies).
    ApiReply *sendRaw(const QByteArray &method, const QString &path, const QByteArray &body,
                      const QByteArray &contentType, Auth auth);

Q_SIGNALS:
    // The tokens were renewed silently; body is the refresh answer
    // {user, accessToken, refreshToken, expiresIn}.
    void tokensRefreshed(const QJsonObject &body);
    // The refresh token was refused: the user has to sign in again.
    void sessionExpired(const Kinora::Core::ApiError &error);

private:
    struct PendingRequest
    {
        QByteArray method;
        QString path;
        QByteArray body;
        QByteArray contentType; // empty: application/json
        Auth auth = Auth::None;
        bool retried = false;
        QString accessTokenUsed;
        QPointer<ApiReply> reply;
    };

    void dispatch(PendingRequest request);
    void handleFinished(QNetworkReply *networkReply, PendingRequest request);
    void startRefresh();
    void finishRefresh(QNetworkReply *networkReply);
    void failWaiting(const ApiError &error, int httpStatus, const QByteArray &body);
    ApiError networkError(QNetworkReply *networkReply) const;

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QString m_accessToken;
    QString m_refreshToken;
    int m_timeoutMs = 15000;
    bool m_refreshing = false;
    QList<PendingRequest> m_waitingForRefresh;
    // Bumped when the base URL or the tokens are replaced, so that answers
    // that belong to an earlier session are not applied to the current one.
    quint64 m_generation = 0;
};

} // namespace Kinora::Core
