#pragma once

#include "player/mpv/mpvstreamfeed.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QSize>
#include <QString>
#include <QUrl>

#include <cstdint>
#include <memory>

class QNetworkAccessManager;
struct mpv_handle;

namespace Kinora::Player {

class HlsSession;

// Plays a presentation in a libmpv handle it owns: HLS through Kinora's own
// engine (HlsSession choosing every rung, MpvStreamFeed carrying the bytes),
// anything else (local files, other URLs) by mpv directly. mpv events are
// hopped to this object's thread with queued calls and never waited for.
// Positions are stream seconds: after a seek or a live resync the feed
// restarts at a segment and mpv's clock is offset by that segment's start.
class MpvHlsPlayer : public QObject
{
    Q_OBJECT

public:
    using Options = QList<QPair<QByteArray, QByteArray>>;

    MpvHlsPlayer(QNetworkAccessManager *network, const QString &abrId, QObject *parent = nullptr);
    ~MpvHlsPlayer() override;

    // Sets the options (vo, ao, ...) and initialises mpv; false with errorString() on failure.
    bool initialize(const Options &options);
    QString errorString() const { return m_error; }
    mpv_handle *handle() const { return m_mpv; }
    HlsSession &session() { return *m_session; }
    bool isHls() const { return m_hls; }

    void open(const QUrl &url);
    void seek(double seconds);
    void setPaused(bool paused);
    void setSpeed(double speed);
    double position() const { return m_position; }
    double speed() const { return m_speed; }
    double duration() const;
    long long droppedFrames() const { return m_droppedFrames; }
    QString decoder() const { return m_decoder; }
    QSize videoSize() const { return m_videoSize; }
    int subtitleTrackCount() const { return m_subtitleTracks; }
    QString subtitleTrack() const { return m_subtitleTrack; } // mpv's sid: "no" or a track id
    void setSubtitleTrack(const QByteArray &sid);
    int stallCount() const { return m_stalls; }
    double longestStallSeconds() const { return m_longestStall; }

Q_SIGNALS:
    void fileLoaded();
    void playbackRestarted(); // first frame after an open or a seek is ready
    void positionChanged(double seconds);
    void stallStarted();
    void stallEnded(double seconds);
    void tracksChanged();
    void endReached();
    void failed(const QString &message);

private:
    void drainEvents();
    void restartFeed(double streamSeconds);
    void applySpeed();

    mpv_handle *m_mpv = nullptr;
    MpvStreamFeed m_feed;
    std::unique_ptr<HlsSession> m_session;
    QString m_error;
    double m_offset = 0.0;
    double m_position = 0.0;
    double m_speed = 1.0;
    double m_longestStall = 0.0;
    double m_mpvDuration = 0.0;
    long long m_droppedFrames = 0;
    QString m_decoder;
    QSize m_videoSize;
    QString m_subtitleTrack;
    int m_subtitleTracks = 0;
    qint64 m_stallStartedMs = -1;
    int m_stalls = 0;
    // mpv numbers playlist entries 1, 2, ... in loadfile order: the entry of
    // the latest loadfile is the only one whose events count.
    int64_t m_feedGeneration = 0;
    int64_t m_currentEntry = 0;
    bool m_hls = false;
    bool m_playing = false; // the feed's first frame was shown
};

} // namespace Kinora::Player
