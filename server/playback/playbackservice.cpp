#include "server/playback/playbackservice.h"

#include "server/catalog/videoservice.h"
#include "server/social/historyservice.h"

#include <QDateTime>
#include <QDebug>
#include <QRandomGenerator>

namespace Kinora::Server::Playback {

namespace {

ServiceError failure(int status, const char *code, const QString &message)
{
    return ServiceError{status, QByteArray(code), message, 0};
}

ServiceError notFound()
{
    return failure(404, "not_found", PlaybackService::tr("No such playback session."));
}

ServiceError gone()
{
    return failure(410, "session_expired", PlaybackService::tr("This playback session has ended; start a new one."));
}

bool validDeviceText(const QString &text, int maxLength)
{
    if (text.size() > maxLength)
        return false;
    for (QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return false;
    }
    return true;
}

} // namespace

PlaybackService::PlaybackService(Storage::Database &database, PlaybackSettings settings, Catalog::VideoService &videos,
                                 Social::HistoryService &history, Delivery::MediaDelivery &delivery, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_videos(videos)
    , m_history(history)
    , m_delivery(delivery)
    , m_store(database)
    , m_startLimiter(m_settings.startBurst, m_settings.startsPerMinute)
{
    m_sweepTimer.setInterval(qBound(1, m_settings.sessionTimeoutSeconds / 2, 30) * 1000);
    connect(&m_sweepTimer, &QTimer::timeout, this, [this] { expireStale(); });
}

void PlaybackService::start()
{
    expireStale();
    m_sweepTimer.start();
}

QString PlaybackService::newId()
{
    QByteArray bytes(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 4);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool PlaybackService::mayUse(const PlaybackSession &session, const Catalog::Viewer &viewer)
{
    // A signed-in user's session belongs to that user; an anonymous session
    // to whoever holds its (unguessable) id.
    if (session.userId > 0)
        return viewer.userId == session.userId;
    return !viewer.signedIn();
}

std::optional<PlaybackService::StartRefusal> PlaybackService::startSession(const Catalog::Viewer &viewer, const Start &request,
                                                                          Started *started)
{
    if (request.deviceId.trimmed().isEmpty() || !validDeviceText(request.deviceId, 128))
        return StartRefusal{failure(422, "validation_failed", tr("deviceId must have 1 to 128 printable characters")), {}};
    if (!validDeviceText(request.deviceName, 100))
        return StartRefusal{failure(422, "validation_failed", tr("deviceName must have at most 100 printable characters")), {}};
    if (!request.clientAddress.isEmpty()) {
        const auto decision = m_startLimiter.take(request.clientAddress, QDateTime::currentMSecsSinceEpoch());
        if (!decision.allowed)
            return StartRefusal{ServiceError{429, QByteArrayLiteral("rate_limited"),
                                             tr("Too many playback starts from this address; try again shortly."),
                                             qMax(1, decision.retryAfterSeconds)},
                                {}};
    }
    const auto video = m_videos.get(request.videoId, viewer);
    if (!video)
        return StartRefusal{video.error(), {}};
    if (video->state != Catalog::VideoState::Ready)
        return StartRefusal{failure(409, "video_not_ready", tr("This video cannot be played yet.")), {}};

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    PlaybackSession session;
    session.id = newId();
    session.userId = viewer.signedIn() ? viewer.userId : 0;
    session.clientKey = viewer.signedIn() ? QString() : request.clientAddress;
    session.deviceId = request.deviceId;
    session.deviceName = request.deviceName;
    session.videoId = video->id;
    session.startedAtMs = now;
    session.lastHeartbeatAtMs = now;
    const int limit = viewer.signedIn() ? m_settings.maxStreamsFor(viewer.role) : m_settings.maxStreamsAnonymous;

    QList<PlaybackSession> active;
    QString error;
    switch (m_store.start(session, limit, staleBefore(now), &active, &error)) {
    case PlaybackSessionStore::StartOutcome::Failed:
        return StartRefusal{ServiceError::internal(error), {}};
    case PlaybackSessionStore::StartOutcome::LimitReached:
        return StartRefusal{failure(429, "stream_limit_reached",
                                    tr("You are already watching on %n device(s); stop one of them to watch here.", nullptr,
                                       int(active.size()))),
                            viewer.signedIn() ? active : QList<PlaybackSession>{}};
    case PlaybackSessionStore::StartOutcome::Started:
        break;
    }
    started->session = session;
    started->links = m_delivery.linksFor(video.value(), session.id, now);
    started->expiresAtMs = now + qint64(m_settings.sessionTimeoutSeconds) * 1000;
    return std::nullopt;
}

ServiceResult<qint64> PlaybackService::heartbeat(const Catalog::Viewer &viewer, const QString &sessionId,
                                                 const PlaybackHeartbeat &beat)
{
    QString error;
    const auto session = m_store.find(sessionId, &error);
    // Unknown ids (swept away, or from another server's database) mean the same to a player: start again.
    if (!session)
        return error.isEmpty() ? gone() : ServiceError::internal(error);
    if (!mayUse(*session, viewer))
        return notFound();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (session->state != PlaybackSession::State::Active)
        return gone();
    if (session->lastHeartbeatAtMs < staleBefore(now)) {
        m_store.end(session->id, PlaybackSession::State::Expired, now, &error);
        return gone();
    }
    bool countView = false;
    if (!m_store.recordHeartbeat(session->id, session->videoId, beat, now, &countView, &error))
        return error.isEmpty() ? gone() : ServiceError::internal(error);
    if (countView) {
        const auto counted = m_videos.addViews(session->videoId, 1);
        if (!counted)
            qWarning().noquote() << "playback: cannot count a view of" << session->videoId << counted.error().message;
    }
    if (session->userId > 0) {
        // The position is a convenience; a video that became hidden just is not recorded.
        m_history.record(viewer, session->videoId, beat.positionMs);
    }
    return now + qint64(m_settings.sessionTimeoutSeconds) * 1000;
}

ServiceStatus PlaybackService::stop(const Catalog::Viewer &viewer, const QString &sessionId)
{
    QString error;
    const auto session = m_store.find(sessionId, &error);
    if (!session)
        return error.isEmpty() ? notFound() : ServiceError::internal(error);
    if (!mayUse(*session, viewer))
        return notFound();
    if (!m_store.end(session->id, PlaybackSession::State::Stopped, QDateTime::currentMSecsSinceEpoch(), &error))
        return ServiceError::internal(error);
    return std::monostate{};
}

ServiceResult<QList<PlaybackSession>> PlaybackService::activeSessions(const Catalog::Viewer &viewer)
{
    QString error;
    const QList<PlaybackSession> sessions = m_store.activeOfUser(viewer.userId, staleBefore(QDateTime::currentMSecsSinceEpoch()), &error);
    if (!error.isEmpty())
        return ServiceError::internal(error);
    return sessions;
}

int PlaybackService::expireStale()
{
    QString error;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const int expired = m_store.expireStale(staleBefore(now), now, &error);
    if (expired < 0)
        qWarning().noquote() << "playback: cannot expire stale sessions:" << error;
    if (m_settings.retentionDays > 0 && now - m_lastPurgeMs >= 3'600'000) {
        m_lastPurgeMs = now;
        if (m_store.purgeEndedBefore(now - qint64(m_settings.retentionDays) * 86'400'000, &error) < 0)
            qWarning().noquote() << "playback: cannot delete old sessions:" << error;
    }
    return expired;
}

} // namespace Kinora::Server::Playback
