#include "core/net/playbacksessionclient.h"

#include "core/net/apiclient.h"
#include "core/net/apireply.h"

namespace Kinora::Core {

namespace {
const QString SessionsPath = QStringLiteral("/api/v1/playback/sessions");

ApiClient::Auth authFor(const ApiClient *api)
{
    return api->accessToken().isEmpty() ? ApiClient::Auth::None : ApiClient::Auth::Bearer;
}

} // namespace

PlaybackSessionClient::PlaybackSessionClient(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
}

QString PlaybackSessionClient::sessionPath(const QString &sessionId)
{
    return SessionsPath + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(sessionId));
}

QUrl PlaybackSessionClient::masterUrl(const PlaybackSession &session) const
{
    const QUrl given(session.masterUrl);
    if (given.isEmpty() || !given.isRelative())
        return given;
    const QString path = session.masterUrl.startsWith(QLatin1Char('/')) ? session.masterUrl
                                                                         : QLatin1Char('/') + session.masterUrl;
    return m_api->urlFor(path);
}

void PlaybackSessionClient::startSession(const QString &videoId, const QString &deviceId, const QString &deviceName)
{
    const QJsonObject body{{QStringLiteral("videoId"), videoId},
                           {QStringLiteral("deviceId"), deviceId},
                           {QStringLiteral("deviceName"), deviceName}};
    ApiReply *reply = m_api->post(SessionsPath, body, authFor(m_api));
    connect(reply, &ApiReply::finished, this, [this, reply, videoId] {
        if (reply->isSuccess()) {
            PlaybackSession session = PlaybackSession::fromJson(reply->json());
            if (session.videoId.isEmpty())
                session.videoId = videoId;
            if (session.isValid()) {
                Q_EMIT sessionStarted(session);
                return;
            }
            ApiError error = ApiError::fromReply(reply->httpStatus(), reply->body());
            error.code = QStringLiteral("invalid_response");
            error.message = tr("The server did not say which playback session it opened.");
            Q_EMIT startFailed(videoId, error);
            return;
        }
        // 429 is also "rate_limited" (too many starts): that one is a plain failure.
        if (reply->httpStatus() == StreamLimitStatus && reply->error().code == QLatin1String("stream_limit_reached")) {
            const QJsonObject error = reply->json().value(QLatin1String("error")).toObject();
            Q_EMIT streamLimitReached(videoId,
                                      ActivePlaybackSession::listFromJson(error.value(QLatin1String("activeSessions"))));
            return;
        }
        Q_EMIT startFailed(videoId, reply->error());
    });
}

void PlaybackSessionClient::sendHeartbeat(const QString &sessionId, const PlaybackSessionReport &report)
{
    ApiReply *reply = m_api->post(sessionPath(sessionId) + QStringLiteral("/heartbeat"), report.toJson(),
                                  authFor(m_api));
    connect(reply, &ApiReply::finished, this, [this, reply, sessionId] {
        if (reply->isSuccess()) {
            const QString expiresAt = reply->json().value(QLatin1String("expiresAt")).toString();
            Q_EMIT heartbeatAccepted(sessionId, QDateTime::fromString(expiresAt, Qt::ISODateWithMs));
        } else if (reply->httpStatus() == SessionGoneStatus) {
            Q_EMIT sessionExpired(sessionId);
        } else {
            Q_EMIT heartbeatFailed(sessionId, reply->error());
        }
    });
}

void PlaybackSessionClient::stopSession(const QString &sessionId)
{
    ApiReply *reply = m_api->sendRequest(QByteArrayLiteral("DELETE"), sessionPath(sessionId), QByteArray(),
                                         authFor(m_api));
    connect(reply, &ApiReply::finished, this, [this, reply, sessionId] {
        // 404/410: already gone, which is what was asked for.
        if (reply->isSuccess() || reply->httpStatus() == 404 || reply->httpStatus() == SessionGoneStatus)
            Q_EMIT sessionStopped(sessionId);
        else
            Q_EMIT stopFailed(sessionId, reply->error());
    });
}

void PlaybackSessionClient::finishSession(const QString &sessionId, const PlaybackSessionReport &report)
{
    ApiReply *reply = m_api->post(sessionPath(sessionId) + QStringLiteral("/heartbeat"), report.toJson(),
                                  authFor(m_api));
    connect(reply, &ApiReply::finished, this, [this, reply, sessionId] {
        if (reply->httpStatus() == SessionGoneStatus)
            return; // nothing left to close
        stopSession(sessionId);
    });
}

void PlaybackSessionClient::listSessions()
{
    ApiReply *reply = m_api->get(SessionsPath, authFor(m_api));
    connect(reply, &ApiReply::finished, this, [this, reply] {
        if (reply->isSuccess())
            Q_EMIT sessionsListed(ActivePlaybackSession::listFromJson(reply->json().value(QLatin1String("items"))));
        else
            Q_EMIT listFailed(reply->error());
    });
}

} // namespace Kinora::Core
