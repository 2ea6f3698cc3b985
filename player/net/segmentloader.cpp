#include "player/net/segmentloader.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <cmath>

namespace Kinora::Player {

SegmentLoader::SegmentLoader(QNetworkAccessManager *network, QObject *parent)
    : SegmentLoader(network, Settings(), parent)
{
}

SegmentLoader::SegmentLoader(QNetworkAccessManager *network, const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_settings(settings)
    , m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    m_retryTimer->setTimerType(Qt::PreciseTimer);
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        m_retryPending = false;
        startAttempt();
    });
}

SegmentLoader::~SegmentLoader()
{
    abort();
}

quint64 SegmentLoader::load(const QUrl &url, const std::optional<ByteRange> &range, double deadlineSeconds)
{
    abort();
    m_currentId = m_nextId++;
    m_url = url;
    m_range = range;
    m_deadlineSeconds = deadlineSeconds;
    m_attempt = 0;
    m_clock.start();
    startAttempt();
    return m_currentId;
}

void SegmentLoader::abort()
{
    m_retryTimer->stop();
    m_retryPending = false;
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void SegmentLoader::startAttempt()
{
    ++m_attempt;
    QNetworkRequest request(m_url);
    request.setTransferTimeout(m_settings.transferTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    if (m_range) {
        const QByteArray value = "bytes=" + QByteArray::number(m_range->offset) + '-'
            + QByteArray::number(m_range->offset + m_range->length - 1);
        request.setRawHeader("Range", value);
    }
    m_latencySeconds = -1.0;
    m_attemptClock.start();
    m_reply = m_network->get(request);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] {
        if (m_latencySeconds < 0.0)
            m_latencySeconds = m_attemptClock.nsecsElapsed() / 1e9;
    });
    connect(m_reply, &QNetworkReply::downloadProgress, this, &SegmentLoader::onProgress);
    connect(m_reply, &QNetworkReply::finished, this, &SegmentLoader::onFinished);
}

void SegmentLoader::onProgress(qint64 received, qint64 total)
{
    if (m_deadlineSeconds <= 0.0 || total <= 0 || received >= total)
        return;
    const double elapsed = m_clock.nsecsElapsed() / 1e9;
    if (elapsed < m_deadlineSeconds * m_settings.abandonAfterFraction)
        return;
    const double attemptSeconds = m_attemptClock.nsecsElapsed() / 1e9;
    const double rate = received > 0 && attemptSeconds > 0.0 ? received / attemptSeconds : 0.0;
    const double projected = rate > 0.0 ? elapsed + double(total - received) / rate : INFINITY;
    if (projected <= m_deadlineSeconds)
        return;
    const quint64 id = m_currentId;
    abort();
    Q_EMIT abandoned(id, received, attemptSeconds);
    Q_EMIT failed(id, tr("download of %1 abandoned: it would take %2 s, %3 s allowed")
                          .arg(m_url.toDisplayString())
                          .arg(projected, 0, 'f', 1)
                          .arg(m_deadlineSeconds, 0, 'f', 1),
                  true);
}

void SegmentLoader::onFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    if (error == QNetworkReply::NoError && (status == 200 || status == 206 || status == 0)) {
        QByteArray data = reply->readAll();
        if (m_range && status == 200) {
            // The server ignored Range: cut the sub-range out of the whole resource.
            if (data.size() < m_range->offset + m_range->length) {
                scheduleRetry(tr("the response is shorter than the requested byte range"));
                return;
            }
            data = data.mid(m_range->offset, m_range->length);
        }
        const double seconds = m_clock.nsecsElapsed() / 1e9;
        const double latency = m_latencySeconds >= 0.0 ? m_latencySeconds : 0.0;
        Q_EMIT loaded(m_currentId, data, seconds, latency);
        return;
    }
    const bool retryable = status >= 500 || status == 408 || status == 429 || status == 0;
    const QString reason = status > 0 ? tr("HTTP status %1 for %2").arg(status).arg(m_url.toDisplayString())
                                      : tr("%1 (%2)").arg(reply->errorString(), m_url.toDisplayString());
    if (!retryable) {
        Q_EMIT failed(m_currentId, reason, false);
        return;
    }
    scheduleRetry(reason);
}

void SegmentLoader::scheduleRetry(const QString &reason)
{
    if (m_attempt >= m_settings.maxAttempts) {
        Q_EMIT failed(m_currentId, tr("%1, gave up after %n attempt(s)", nullptr, m_attempt).arg(reason), false);
        return;
    }
    const int delay = int(m_settings.initialBackoffMs * std::pow(m_settings.backoffFactor, m_attempt - 1));
    m_retryPending = true;
    m_retryTimer->start(delay);
}

} // namespace Kinora::Player
