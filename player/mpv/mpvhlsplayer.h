#pragma once

#include "player/mpv/mpvrenditiontracks.h"
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

// One entry of mpv's track-list.
struct MpvTrack
{
    int id = 0;
    QString type; // "video", "audio", "sub"
    QString title;
    QString language;
    bool selected = false;
    bool external = false;
};

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
    int subtitleTrackCount() const { return int(tracks(QStringLiteral("sub")).size()); }
    QString subtitleTrack() const { return m_subtitleTrack; } // mpv's sid: "no" or a track id
    void setSubtitleTrack(const QByteArray &sid);
    // Selects again the video track mpv played last (after a renderer change turned video off).
    void restoreVideoTrack();
    QList<MpvTrack> tracks(const QString &type) const;
    // HLS alternative renditions: subtitles become mpv tracks once fetched;
    // an audio rendition is chosen here (-1: the variant's own audio).
    MpvRenditionTracks &renditionTracks() { return m_renditionTracks; }
    void chooseAudioRendition(int index) { m_renditionTracks.chooseAudio(index); }
    // Exact seeks land on the requested time instead of the segment or keyframe before it.
    void setExactSeek(bool exact) { m_exactSeek = exact; }
    bool isExactSeek() const { return m_exactSeek; }
    int stallCount() const { return m_stalls; } // since open()
    double longestStallSeconds() const { return m_longestStall; }
    double stallSeconds() const; // all stalls since open(), the one under way included

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
    void seekInsideFeed();
    void restartHere(); // HLS: a new feed from the current position

    mpv_handle *m_mpv = nullptr;
    MpvStreamFeed m_feed;
    std::unique_ptr<HlsSession> m_session;
    MpvRenditionTracks m_renditionTracks;
    QList<MpvTrack> m_tracks;
    int m_videoTrack = 0; // the video track selected last
    QString m_error;
    double m_offset = 0.0;
    double m_position = 0.0;
    double m_speed = 1.0;
    double m_longestStall = 0.0;
    double m_stalledSeconds = 0.0;
    double m_mpvDuration = 0.0;
    long long m_droppedFrames = 0;
    QString m_decoder;
    QSize m_videoSize;
    QString m_subtitleTrack;
    double m_exactTarget = -1.0; // stream seconds to reach inside the restarted feed
    double m_cacheTime = 0.0;    // mpv's demuxer cache end, feed seconds
    bool m_exactArmed = false;
    bool m_cacheQueryPending = false;   // the feed plays: the exact target can be sought once cached
    bool m_exactSeek = false;
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
