#include "player/ui/serverplaybackreporter.h"

#include "core/net/playbacksessionclient.h"

#include <QCryptographicHash>
#include <QSysInfo>
#include <QTimer>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <utility>

namespace Kinora::Player {

namespace {

constexpr double DefaultHeartbeatSeconds = 30.0;
constexpr double MinimumHeartbeatSeconds = 0.1;
// Expired again and again without one beat accepted: the server is not
// keeping our sessions, so stop asking.
constexpr int MaximumRestartsWithoutBeat = 3;

qint64 milliseconds(double seconds)
{
    return std::llround(std::max(0.0, seconds) * 1000.0);
}

} // namespace

ServerPlaybackReporter::ServerPlaybackReporter(Core::PlaybackSessionClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_timer(new QTimer(this))
    , m_deviceId(defaultDeviceId())
    , m_deviceName(QSysInfo::machineHostName())
{
    connect(m_timer, &QTimer::timeout, this, &ServerPlaybackReporter::sendBeat);
    connect(m_client, &Core::PlaybackSessionClient::sessionStarted, this, &ServerPlaybackReporter::onSessionStarted);
    connect(m_client, &Core::PlaybackSessionClient::sessionExpired, this, &ServerPlaybackReporter::onSessionExpired);
    connect(m_client, &Core::PlaybackSessionClient::streamLimitReached, this,
            [this](const QString &videoId, const QList<Core::ActivePlaybackSession> &activeSessions) {
                if (!m_starting || videoId != m_videoId)
                    return;
                m_starting = false;
                m_restarting = false;
                if (std::exchange(m_stopWhenStarted, false)) {
                    m_videoId.clear(); // closed meanwhile: nobody to ask
                    return;
                }
                Q_EMIT streamLimitReached(videoId, activeSessions);
            });
    connect(m_client, &Core::PlaybackSessionClient::startFailed, this,
            [this](const QString &videoId, const Core::ApiError &error) { onStartRefused(videoId, error.message); });
    connect(m_client, &Core::PlaybackSessionClient::heartbeatAccepted, this, [this](const QString &sessionId) {
        if (sessionId != m_sessionId)
            return;
        m_beatInFlight = false;
        m_restartsWithoutBeat = 0;
        if (m_startupInFlight)
            m_startupMs.reset();
        m_startupInFlight = false;
    });
    connect(m_client, &Core::PlaybackSessionClient::heartbeatFailed, this, [this](const QString &sessionId) {
        if (sessionId != m_sessionId)
            return;
        // Kept for the next beat: a lost beat is not worth an error in the UI.
        m_beatInFlight = false;
        m_startupInFlight = false;
    });
    connect(m_client, &Core::PlaybackSessionClient::sessionStopped, this, [this](const QString &sessionId) {
        if (sessionId != m_retryAfterStopping)
            return;
        m_retryAfterStopping.clear();
        if (m_open && !m_videoId.isEmpty())
            startSession(m_videoId);
    });
    connect(m_client, &Core::PlaybackSessionClient::stopFailed, this,
            [this](const QString &sessionId, const Core::ApiError &error) {
                if (sessionId != m_retryAfterStopping)
                    return;
                m_retryAfterStopping.clear();
                Q_EMIT reportingFailed(error.message);
            });
}

ServerPlaybackReporter::~ServerPlaybackReporter()
{
    if (m_open)
        closeSession(m_lastBeat);
}

QString ServerPlaybackReporter::defaultDeviceId()
{
    QByteArray machine = QSysInfo::machineUniqueId();
    if (machine.isEmpty())
        machine = QSysInfo::machineHostName().toUtf8();
    if (machine.isEmpty())
        return QUuid::createUuid().toString(QUuid::WithoutBraces);
    // Not the raw machine id: the server only needs it to be stable and distinct.
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray("kinora-device:" + machine), QCryptographicHash::Sha256).toHex().left(32));
}

void ServerPlaybackReporter::setDevice(const QString &deviceId, const QString &deviceName)
{
    m_deviceId = deviceId;
    m_deviceName = deviceName;
}

int ServerPlaybackReporter::heartbeatIntervalMs() const
{
    const double seconds = m_heartbeatSeconds > 0.0 ? m_heartbeatSeconds : DefaultHeartbeatSeconds;
    return int(milliseconds(std::max(seconds, MinimumHeartbeatSeconds)));
}

void ServerPlaybackReporter::startSession(const QString &videoId)
{
    if (videoId == m_videoId && (m_starting || !m_sessionId.isEmpty())) {
        m_stopWhenStarted = false; // wanted again after all
        return; // already opened or being opened for this video
    }
    if (!m_sessionId.isEmpty()) {
        m_timer->stop();
        m_client->finishSession(m_sessionId, reportFrom(m_lastBeat));
        m_sessionId.clear();
    }
    m_videoId = videoId;
    m_masterUrl.clear();
    m_stopWhenStarted = false;
    m_starting = true;
    m_client->startSession(videoId, m_deviceId, m_deviceName);
}

void ServerPlaybackReporter::stopSessionAndRetry(const QString &otherSessionId)
{
    m_retryAfterStopping = otherSessionId;
    m_client->stopSession(otherSessionId);
}

void ServerPlaybackReporter::openSession(const QString &videoId)
{
    if (videoId != m_videoId && m_open)
        closeSession(m_lastBeat);
    m_open = true;
    m_lastBeat = PlaybackHeartbeat();
    m_startupMs.reset();
    m_restartsWithoutBeat = 0;
    m_beatsSent = 0;
    startSession(videoId);
    if (!m_sessionId.isEmpty() && !m_timer->isActive())
        m_timer->start(heartbeatIntervalMs());
}

void ServerPlaybackReporter::reportStartup(double seconds)
{
    m_startupMs = milliseconds(seconds);
}

void ServerPlaybackReporter::heartbeat(const PlaybackHeartbeat &beat)
{
    m_lastBeat = beat;
}

void ServerPlaybackReporter::closeSession(const PlaybackHeartbeat &last)
{
    m_open = false;
    m_timer->stop();
    m_lastBeat = last;
    if (!m_sessionId.isEmpty())
        m_client->finishSession(m_sessionId, reportFrom(last));
    m_sessionId.clear();
    if (m_starting)
        m_stopWhenStarted = true; // the video id stays until the answer is matched
    else
        m_videoId.clear();
    m_beatInFlight = false;
    m_startupInFlight = false;
    m_restarting = false;
}

void ServerPlaybackReporter::onSessionStarted(const Core::PlaybackSession &session)
{
    if (!m_starting || session.videoId != m_videoId)
        return; // another reporter's
    m_starting = false;
    if (m_stopWhenStarted) {
        // Closed while the server was opening it.
        m_stopWhenStarted = false;
        m_videoId.clear();
        m_client->stopSession(session.sessionId);
        return;
    }
    const bool restarted = std::exchange(m_restarting, false);
    m_sessionId = session.sessionId;
    m_masterUrl = m_client->masterUrl(session);
    m_heartbeatSeconds = session.heartbeatSeconds;
    m_beatInFlight = false;
    if (m_open)
        m_timer->start(heartbeatIntervalMs());
    Q_EMIT sessionStarted(m_sessionId, m_masterUrl, restarted);
}

void ServerPlaybackReporter::onSessionExpired(const QString &sessionId)
{
    if (sessionId != m_sessionId || m_sessionId.isEmpty())
        return;
    m_timer->stop();
    m_sessionId.clear();
    m_beatInFlight = false;
    m_startupInFlight = false;
    if (!m_open)
        return;
    if (++m_restartsWithoutBeat > MaximumRestartsWithoutBeat) {
        Q_EMIT reportingFailed(tr("The server keeps ending this playback session."));
        return;
    }
    m_restarting = true;
    m_starting = true;
    m_client->startSession(m_videoId, m_deviceId, m_deviceName);
}

void ServerPlaybackReporter::onStartRefused(const QString &videoId, const QString &message)
{
    if (!m_starting || videoId != m_videoId)
        return;
    m_starting = false;
    m_restarting = false;
    if (std::exchange(m_stopWhenStarted, false)) {
        m_videoId.clear();
        return;
    }
    Q_EMIT reportingFailed(message);
}

void ServerPlaybackReporter::sendBeat()
{
    if (m_sessionId.isEmpty() || m_beatInFlight)
        return;
    m_beatInFlight = true;
    m_startupInFlight = m_startupMs.has_value();
    ++m_beatsSent;
    m_client->sendHeartbeat(m_sessionId, reportFrom(m_lastBeat));
}

Core::PlaybackSessionReport ServerPlaybackReporter::reportFrom(const PlaybackHeartbeat &beat) const
{
    Core::PlaybackSessionReport report;
    report.positionMs = milliseconds(beat.positionSeconds);
    // The server wants a name even before the first segment or for a plain file.
    report.rendition = beat.rendition.isEmpty() ? QStringLiteral("unknown") : beat.rendition.left(64);
    report.bitrate = beat.bitrate;
    report.bufferMs = milliseconds(beat.bufferSeconds);
    report.stalls = beat.stalls;
    report.stallMs = milliseconds(beat.stallSeconds);
    report.bandwidthBps = std::llround(std::max(0.0, beat.bandwidthBps));
    report.droppedFrames = beat.droppedFrames;
    if (m_startupMs)
        report.startupMs = std::min<qint64>(*m_startupMs, 10 * 60 * 1000); // the API's bound
    report.rungSwitches = beat.rungSwitches;
    return report;
}

} // namespace Kinora::Player
