#pragma once

#include "player/hls/hlstypes.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

class QTimer;

namespace Kinora::Player {

// Fetches one segment (or key, or playlist) at a time over HTTP: retries
// network errors, 5xx, 408 and 429 with exponential backoff, gives up after a
// stall longer than the transfer timeout, and abandons a download that the
// current rate says cannot finish before its deadline (so the ABR can pick a
// lower rung instead of stalling). Reports download and first-byte times.
class SegmentLoader : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        int maxAttempts = 3;
        int initialBackoffMs = 250;
        double backoffFactor = 2.0;
        int transferTimeoutMs = 10000; // no byte for this long fails the attempt
        // Abandon only after this much of the deadline passed, so the rate is measured.
        double abandonAfterFraction = 0.25;
    };

    explicit SegmentLoader(QNetworkAccessManager *network, QObject *parent = nullptr);
    SegmentLoader(QNetworkAccessManager *network, const Settings &settings, QObject *parent = nullptr);
    ~SegmentLoader() override;

    // Starts a download and returns its id; a running one is aborted first.
    // deadlineSeconds <= 0: no abandonment.
    quint64 load(const QUrl &url, const std::optional<ByteRange> &range = std::nullopt, double deadlineSeconds = 0.0);
    void abort();
    bool isBusy() const { return m_reply != nullptr || m_retryPending; }
    int attemptsOfLastLoad() const { return m_attempt; }

Q_SIGNALS:
    void loaded(quint64 id, const QByteArray &data, double seconds, double latencySeconds);
    void failed(quint64 id, const QString &message, bool abandoned);
    // Emitted just before failed(..., true): what the abandoned download had
    // achieved, so the bandwidth estimate learns of the slow link.
    void abandoned(quint64 id, qint64 receivedBytes, double seconds);

private:
    void startAttempt();
    void onProgress(qint64 received, qint64 total);
    void onFinished();
    void scheduleRetry(const QString &reason);

    QNetworkAccessManager *m_network;
    Settings m_settings;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_retryTimer;
    bool m_retryPending = false;
    quint64 m_nextId = 1;
    quint64 m_currentId = 0;
    QUrl m_url;
    std::optional<ByteRange> m_range;
    double m_deadlineSeconds = 0.0;
    int m_attempt = 0;
    QElapsedTimer m_clock;        // since load()
    QElapsedTimer m_attemptClock; // since the current attempt
    double m_latencySeconds = -1.0;
};

} // namespace Kinora::Player
