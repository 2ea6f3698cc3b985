#pragma once

#include "player/ui/playbackheartbeat.h"
#include "player/ui/storyboardtrack.h"

#include <QElapsedTimer>
#include <QHash>
#include <QImage>
#include <QUrl>
#include <QWidget>

class QAction;
class QLabel;
class QMenu;
class QSlider;
class QTimer;
class QToolButton;

namespace Kinora::Player {

class MiniPlayerWindow;
class MpvHlsPlayer;
class MpvVideoWidget;
class PlaybackReporter;
class PlaybackStateStore;
class TrackControls;

// The player as the viewer sees it: video (mpv's render API, or nothing when
// the player was set up with vo=null), controls, keyboard shortcuts and a
// stats overlay. Playback goes through the MpvHlsPlayer it is given; the
// volume and each video's position go to the store; the reporter hears of
// the session (open, start-up time, heartbeats, close). Nothing blocks the
// GUI thread: every mpv call is asynchronous.
class PlayerWidget : public QWidget
{
    Q_OBJECT

public:
    enum class VideoOutput { Render, None };

    PlayerWidget(MpvHlsPlayer *player, PlaybackStateStore *store, PlaybackReporter *reporter, VideoOutput output,
                 QWidget *parent = nullptr);
    ~PlayerWidget() override;

    void play(const QUrl &url, const QString &videoId);
    void close();
    void setHeartbeatInterval(int milliseconds);
    // Seek-bar previews: the storyboard and its sprite images, already loaded.
    void setStoryboard(const StoryboardTrack &track, const QHash<QUrl, QImage> &sprites);
    QImage previewAt(double seconds) const;

    // Actions behind the controls and the keyboard.
    void togglePause();
    void seekTo(double seconds);
    void seekBy(double seconds);
    void setVolume(int volume);
    void toggleMute();
    void setSpeed(double speed);
    void stepSpeed(int direction);
    void setQuality(int rung); // -1: automatic
    void toggleFullScreen();
    void toggleStats();
    void toggleCaptions();
    void setCaptionTrack(int id); // mpv's subtitle track id, 0: off
    bool areCaptionsOn() const;
    void setAudioRendition(int index); // an HLS audio rendition, -1: the variant's own audio
    // The video moves to a small always-on-top window (p); the controls stay
    // here. Its geometry is remembered in the store.
    void toggleMiniPlayer();
    bool isMiniPlayer() const { return m_mini; }
    MiniPlayerWindow *miniPlayerWindow() const { return m_miniWindow; }
    QWidget *videoArea() const { return m_videoArea; }
    // Seeks land on the exact time instead of the segment start (remembered in the store).
    void setExactSeek(bool exact);
    bool isExactSeek() const;

    int volume() const { return m_volume; }
    bool isMuted() const { return m_muted; }
    bool isPaused() const { return m_paused; }
    double speed() const { return m_speed; }
    double lastSeekTarget() const { return m_lastSeekTarget; }
    int lockedRung() const { return m_lockedRung; }
    bool isStatsVisible() const;
    QString statsText() const;
    MpvVideoWidget *videoWidget() const { return m_video; }

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildControls();
    void rebuildQualityMenu();
    void onPositionChanged(double seconds);
    void onPlaybackRestarted();
    void sendHeartbeat();
    PlaybackHeartbeat currentBeat() const;
    void refreshStats();
    void refreshLabels();

    MpvHlsPlayer *m_player;
    PlaybackStateStore *m_store;
    PlaybackReporter *m_reporter;
    MpvVideoWidget *m_video = nullptr;
    QWidget *m_videoArea = nullptr;
    QLabel *m_stats = nullptr;
    QLabel *m_preview = nullptr;
    StoryboardTrack m_storyboard;
    QHash<QUrl, QImage> m_sprites;
    QToolButton *m_playButton = nullptr;
    QSlider *m_seekBar = nullptr;
    QLabel *m_timeLabel = nullptr;
    QToolButton *m_muteButton = nullptr;
    QSlider *m_volumeSlider = nullptr;
    QToolButton *m_speedButton = nullptr;
    QAction *m_exactSeekAction = nullptr;
    QToolButton *m_qualityButton = nullptr;
    QMenu *m_qualityMenu = nullptr;
    QToolButton *m_fullScreenButton = nullptr;
    QToolButton *m_miniButton = nullptr;
    TrackControls *m_tracks = nullptr;
    QWidget *m_controls = nullptr;
    MiniPlayerWindow *m_miniWindow = nullptr;
    QLabel *m_miniPlaceholder = nullptr;
    bool m_mini = false;
    QTimer *m_heartbeatTimer = nullptr;
    QTimer *m_statsTimer = nullptr;
    QElapsedTimer m_startupClock;
    QString m_videoId;
    bool m_sessionOpen = false;
    bool m_startupReported = false;
    bool m_resumePending = false;
    bool m_paused = false;
    bool m_muted = false;
    int m_volume = 100;
    double m_speed = 1.0;
    double m_lastSeekTarget = -1.0;
    double m_resumeAt = 0.0;
    int m_lockedRung = -1;
    int m_lastRung = -1;
    int m_rungSwitches = 0;
};

} // namespace Kinora::Player
