#include "core/net/apiclient.h"

#include "core/net/apireply.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace Kinora::Core {

namespace {
const QString RefreshPath = QStringLiteral("/api/v1/auth/refresh");
}

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &url)
{
    if (url == m_baseUrl)
        return;
    m_baseUrl = url;
    ++m_generation;
}

QUrl ApiClient::urlFor(const QString &path) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    const int query = path.indexOf(QLatin1Char('?'));
    url.setPath(basePath + (query < 0 ? path : path.left(query)));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    return url;
}

void ApiClient::setTokens(const QString &accessToken, const QString &refreshToken)
{
    m_accessToken = accessToken;
    m_refreshToken = refreshToken;
    ++m_generation;
}

void ApiClient::clearTokens()
{
    setTokens(QString(), QString());
}

ApiReply *ApiClient::get(const QString &path, Auth auth)
{
    return sendRequest(QByteArrayLiteral("GET"), path, QByteArray(), auth);
}

ApiReply *ApiClient::post(const QString &path, const QJsonObject &body, Auth auth)
{
    return sendRequest(QByteArrayLiteral("POST"), path, QJsonDocument(body).toJson(QJsonDocument::Compact), auth);
}

ApiReply *ApiClient::postEmpty(const QString &path, Auth auth)
{
    return sendRequest(QByteArrayLiteral("POST"), path, QByteArray(), auth);
}

ApiReply *ApiClient::sendRequest(const QByteArray &method, const QString &path, const QByteArray &body, Auth auth)
{
    return sendRaw(method, path, body, QByteArray(), auth);
}

ApiReply *ApiClient::sendRaw(const QByteArray &method, const QString &path, const QByteArray &body,
                             const QByteArray &contentType, Auth auth)
{
    auto *reply = new ApiReply(this);
    PendingRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.contentType = contentType;
    request.auth = auth;
    request.reply = reply;
    // While a refresh runs, authenticated requests wait for the new token
    // instead of spending a round trip on a certain 401.
    if (auth == Auth::Bearer && m_refreshing)
        m_waitingForRefresh.append(request);
    else
        dispatch(request);
    return reply;
}

void ApiClient::dispatch(PendingRequest request)
{
    QNetworkRequest networkRequest(urlFor(request.path));
    networkRequest.setTransferTimeout(m_timeoutMs);
    networkRequest.setRawHeader("Accept", "application/json");
    networkRequest.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Kinora/" KINORA_VERSION));
    if (!request.contentType.isEmpty())
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
    else if (!request.body.isEmpty())
        networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (request.auth == Auth::Bearer && !m_accessToken.isEmpty())
        networkRequest.setRawHeader("Authorization", "Bearer " + m_accessToken.toUtf8());
    request.accessTokenUsed = m_accessToken;

    QNetworkReply *networkReply = m_network->sendCustomRequest(networkRequest, request.method, request.body);
    connect(networkReply, &QNetworkReply::finished, this, [this, networkReply, request] {
        handleFinished(networkReply, request);
    });
}

void ApiClient::handleFinished(QNetworkReply *networkReply, PendingRequest request)
{
    networkReply->deleteLater();
    if (!request.reply)
        return;
    const QVariant statusAttribute = networkReply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray body = networkReply->readAll();
    if (!statusAttribute.isValid()) {
        request.reply->finish(0, body, networkError(networkReply));
        return;
    }
    const int status = statusAttribute.toInt();
    if (status == 401 && request.auth == Auth::Bearer && !request.retried && !m_refreshToken.isEmpty()) {
        request.retried = true;
        if (request.accessTokenUsed != m_accessToken && !m_accessToken.isEmpty()) {
            // Another request renewed the token meanwhile: just try again.
            dispatch(request);
            return;
        }
        m_waitingForRefresh.append(request);
        startRefresh();
        return;
    }
    if (status >= 200 && status < 300)
        request.reply->finish(status, body, ApiError());
    else
        request.reply->finish(status, body, ApiError::fromReply(status, body));
}

void ApiClient::startRefresh()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    QNetworkRequest networkRequest(urlFor(RefreshPath));
    networkRequest.setTransferTimeout(m_timeoutMs);
    networkRequest.setRawHeader("Accept", "application/json");
    networkRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    const QJsonObject body{{QStringLiteral("refreshToken"), m_refreshToken}};
    QNetworkReply *networkReply = m_network->post(networkRequest, QJsonDocument(body).toJson(QJsonDocument::Compact));
    const quint64 generation = m_generation;
    connect(networkReply, &QNetworkReply::finished, this, [this, networkReply, generation] {
        if (generation != m_generation) {
            // The session was replaced while refreshing (sign-out, new server).
            networkReply->deleteLater();
            m_refreshing = false;
            failWaiting(ApiError::fromReply(401, QByteArray()), 401, QByteArray());
            return;
        }
        finishRefresh(networkReply);
    });
}

void ApiClient::finishRefresh(QNetworkReply *networkReply)
{
    networkReply->deleteLater();
    m_refreshing = false;
    const QVariant statusAttribute = networkReply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QByteArray body = networkReply->readAll();
    if (!statusAttribute.isValid()) {
        // Unreachable: keep the session, the caller may try again later.
        failWaiting(networkError(networkReply), 0, body);
        return;
    }
    const int status = statusAttribute.toInt();
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    const QString accessToken = json.value(QLatin1String("accessToken")).toString();
    const QString refreshToken = json.value(QLatin1String("refreshToken")).toString();
    if (status < 200 || status >= 300 || accessToken.isEmpty()) {
        const ApiError error = ApiError::fromReply(status, body);
        if (status == 401 || status == 400 || status == 403) {
            clearTokens();
            failWaiting(error, status, body);
            Q_EMIT sessionExpired(error);
        } else {
            failWaiting(error, status, body);
        }
        return;
    }
    m_accessToken = accessToken;
    if (!refreshToken.isEmpty())
        m_refreshToken = refreshToken;
    Q_EMIT tokensRefreshed(json);

    const QList<PendingRequest> waiting = std::exchange(m_waitingForRefresh, {});
    for (PendingRequest request : waiting) {
        request.retried = true;
        dispatch(request);
    }
}

void ApiClient::failWaiting(const ApiError &error, int httpStatus, const QByteArray &body)
{
    const QList<PendingRequest> waiting = std::exchange(m_waitingForRefresh, {});
    for (const PendingRequest &request : waiting) {
        if (request.reply)
            request.reply->finish(httpStatus, body, error);
    }
}

ApiError ApiClient::networkError(QNetworkReply *networkReply) const
{
    ApiError error;
    error.httpStatus = 0;
    switch (networkReply->error()) {
    case QNetworkReply::OperationCanceledError:
    case QNetworkReply::TimeoutError:
        error.code = QStringLiteral("timeout");
        error.message = tr("The server at %1 did not answer in time.").arg(m_baseUrl.toDisplayString());
        break;
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
        error.code = QStringLiteral("network_error");
        error.message = tr("Cannot reach the server at %1: %2").arg(m_baseUrl.toDisplayString(), networkReply->errorString());
        break;
    default:
        error.code = QStringLiteral("network_error");
        error.message = tr("Network error while talking to %1: %2").arg(m_baseUrl.toDisplayString(), networkReply->errorString());
        break;
    }
    return error;
}

} // namespace Kinora::Core
