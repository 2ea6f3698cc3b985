#pragma once

#include "player/abr/renditionselector.h"
#include "player/hls/hlstypes.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace Kinora::Player {

class SegmentLoader;

// Plays an HLS presentation (VOD or live) the Kinora way: loads the master
// playlist and every rendition's media playlist, then for each segment (by
// media sequence number) asks the RenditionSelector for a rung, fetches it
// (decrypting AES-128) and hands it on in order. Times are "stream seconds":
// the start of the first segment ever seen is 0. Downloads pause while the
// buffer is full. Live playlists are reloaded by the RFC 8216 6.3.4 rules,
// playback starts a safe distance from the live edge, and a recommended
// speed keeps the latency at its target. feedRestarted() announces that the
// following segments no longer continue the previous ones (seek, resync).
class HlsSession : public QObject
{
    Q_OBJECT

public:
    HlsSession(QNetworkAccessManager *network, std::unique_ptr<AbrController> controller, QObject *parent = nullptr);
    ~HlsSession() override;

    void open(const QUrl &url);
    void stop(); // forgets the presentation; nothing is fetched until the next open()
    void setPlaybackPosition(double seconds);
    void setMaximumBufferSeconds(double seconds) { m_maximumBufferSeconds = seconds; }
    // Restarts delivery at the segment containing seconds; returns that segment's start.
    double seek(double seconds);

    // Live: the latency aimed at (default: three target durations) and the band above it tolerated.
    void setTargetLatency(double seconds) { m_targetLatency = seconds; }
    void setLatencyTolerance(double seconds) { m_latencyTolerance = seconds; }
    double targetLatency() const;
    double latencyTolerance() const;
    double liveLatency() const { return m_live ? liveEdgeSeconds() - m_positionSeconds : 0.0; }
    double liveEdgeSeconds() const;
    double recommendedSpeed() const { return m_speed; }

    RenditionSelector &selector() { return m_selector; }
    const QList<VariantStream> &variants() const { return m_variants; }
    // The master playlist's alternative renditions (EXT-X-MEDIA), in playlist order.
    const QList<MediaRendition> &renditions() const { return m_renditions; }
    bool isLive() const { return m_live; }
    double bufferSeconds() const { return m_queuedSeconds - m_positionSeconds; }
    double durationSeconds() const;
    QList<int> chosenRungs() const { return m_chosenRungs; }
    int currentRung() const { return m_lastRung; }
    int playlistReloads() const { return m_reloads; }
    int resyncCount() const { return m_resyncs; }
    double lastSegmentSeconds() const { return m_lastSegmentSeconds; }

Q_SIGNALS:
    void ladderLoaded(int rungCount);
    void feedRestarted(double streamSeconds);
    void segmentReady(int index, int rung, const QByteArray &data);
    void speedRecommended(double speed);
    void resynchronised(double streamSeconds);
    void finished();
    void failed(const QString &message);

private:
    struct Timing
    {
        double start = 0.0;
        double duration = 0.0;
    };

    void onPlaylistLoaded(const QByteArray &data);
    void onKeyLoaded(const QByteArray &data);
    void loadNextMediaPlaylist();
    void startPlayback();
    void scheduleReload(bool changed);
    void reloadPlaylists();
    void acceptReload(int rung, const MediaPlaylist &playlist);
    void extendTimeline(const MediaPlaylist &playlist, bool restart);
    qint64 liveStartSequence() const;
    const MediaSegment *segmentAt(int rung, qint64 sequence) const;
    void restartAt(qint64 sequence);
    void fetchNextSegment();
    void onSegmentLoaded(const QByteArray &data, double seconds);
    void onSegmentFailed(const QString &message, bool abandoned);
    void deliver(const QByteArray &data);
    void updateSpeed();
    void fail(const QString &message);

    RenditionSelector m_selector;
    SegmentLoader *m_playlistLoader;
    SegmentLoader *m_segmentLoader;
    SegmentLoader *m_keyLoader;
    QTimer *m_reloadTimer;
    QUrl m_url;
    QList<VariantStream> m_variants;       // ascending bandwidth
    QList<MediaRendition> m_renditions;
    QList<MediaPlaylist> m_mediaPlaylists; // same order
    QMap<qint64, Timing> m_timeline;       // by media sequence number, from rung 0
    QHash<QUrl, QByteArray> m_keys;
    QList<int> m_chosenRungs;
    quint64 m_segmentRequest = 0;
    quint64 m_keyRequest = 0;
    qint64 m_nextSequence = 0;
    int m_reloadingRung = -1; // >= 0 while a live reload walks the ladder
    int m_currentRung = -1;
    int m_lastRung = -1;
    int m_reloads = 0;
    int m_resyncs = 0;
    int m_deliveredCount = 0;
    bool m_live = false;
    bool m_reloadChanged = false;
    bool m_pendingResync = false;
    bool m_waitForReload = false;
    bool m_started = false;
    bool m_fetching = false;
    bool m_forceLowest = false;
    bool m_done = false;
    MediaSegment m_segment; // the one being fetched
    QByteArray m_pendingCipher;
    double m_positionSeconds = 0.0;
    double m_queuedSeconds = 0.0;
    double m_maximumBufferSeconds = 30.0;
    double m_targetLatency = -1.0;
    double m_latencyTolerance = -1.0;
    double m_speed = 1.0;
    double m_lastSegmentSeconds = 0.0;
};

} // namespace Kinora::Player
