#include "player/ui/playerwidget.h"

#include "player/hls/hlssession.h"
#include "player/mpv/mpvhlsplayer.h"
#include "player/mpv/mpvvideowidget.h"
#include "player/ui/miniplayerwindow.h"
#include "player/ui/playbackreporter.h"
#include "player/ui/playbackstatestore.h"
#include "player/ui/trackcontrols.h"

#include <QActionGroup>
#include <QBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPixmap>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

#include <mpv/client.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace Kinora::Player {

namespace {

constexpr std::array<double, 8> Speeds = {0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0};

QString clockText(double seconds)
{
    const qint64 total = qint64(std::max(0.0, seconds));
    const qint64 hours = total / 3600;
    const QString minutesSeconds = QStringLiteral("%1:%2").arg((total / 60) % 60, hours > 0 ? 2 : 1, 10, QLatin1Char('0'))
                                       .arg(total % 60, 2, 10, QLatin1Char('0'));
    return hours > 0 ? QStringLiteral("%1:%2").arg(hours).arg(minutesSeconds) : minutesSeconds;
}

} // namespace

PlayerWidget::PlayerWidget(MpvHlsPlayer *player, PlaybackStateStore *store, PlaybackReporter *reporter,
                           VideoOutput output, QWidget *parent)
    : QWidget(parent)
    , m_player(player)
    , m_store(store)
    , m_reporter(reporter)
    , m_heartbeatTimer(new QTimer(this))
    , m_statsTimer(new QTimer(this))
{
    setFocusPolicy(Qt::StrongFocus);
    m_volume = m_store ? m_store->volume() : 100;
    m_muted = m_store && m_store->isMuted();
    if (output == VideoOutput::Render) {
        m_video = new MpvVideoWidget(m_player->handle(), this);
        connect(m_video, &MpvVideoWidget::rendererRecreated, m_player, &MpvHlsPlayer::restoreVideoTrack);
    }
    buildControls();
    m_player->setExactSeek(m_store && m_store->isExactSeek());
    m_exactSeekAction->setChecked(m_player->isExactSeek());
    setVolume(m_volume);
    if (m_muted) {
        m_muted = false;
        toggleMute();
    }

    m_heartbeatTimer->setInterval(5000);
    connect(m_heartbeatTimer, &QTimer::timeout, this, &PlayerWidget::sendHeartbeat);
    m_statsTimer->setInterval(500);
    connect(m_statsTimer, &QTimer::timeout, this, &PlayerWidget::refreshStats);
    connect(m_player, &MpvHlsPlayer::positionChanged, this, &PlayerWidget::onPositionChanged);
    connect(m_player, &MpvHlsPlayer::playbackRestarted, this, &PlayerWidget::onPlaybackRestarted);
    connect(m_player, &MpvHlsPlayer::fileLoaded, this, [this] {
        if (m_resumePending) {
            m_resumePending = false;
            seekTo(m_resumeAt);
        }
        refreshLabels();
    });
    connect(&m_player->session(), &HlsSession::ladderLoaded, this, [this](int) {
        rebuildQualityMenu();
        m_tracks->rebuild();
    });
    connect(&m_player->session(), &HlsSession::segmentReady, this, [this](int, int rung, const QByteArray &) {
        if (m_lastRung >= 0 && rung != m_lastRung)
            ++m_rungSwitches;
        m_lastRung = rung;
        if (m_lockedRung < 0)
            rebuildQualityMenu(); // "Auto" names the rung in use
    });
}

PlayerWidget::~PlayerWidget()
{
    close();
}

void PlayerWidget::toggleMiniPlayer()
{
    auto *box = qobject_cast<QBoxLayout *>(layout());
    if (!m_miniWindow) {
        m_miniWindow = new MiniPlayerWindow(this);
        connect(m_miniWindow, &MiniPlayerWindow::closeRequested, this, [this] {
            if (m_mini)
                toggleMiniPlayer();
        });
    }
    m_mini = !m_mini;
    if (m_mini) {
        box->replaceWidget(m_videoArea, m_miniPlaceholder);
        m_miniPlaceholder->show();
        m_miniWindow->hold(m_videoArea);
        m_miniWindow->showAt(m_store ? m_store->miniPlayerGeometry() : QByteArray());
    } else {
        if (m_store)
            m_store->setMiniPlayerGeometry(m_miniWindow->saveGeometry());
        m_miniWindow->release();
        m_miniWindow->hide();
        box->replaceWidget(m_miniPlaceholder, m_videoArea);
        m_miniPlaceholder->hide();
        m_videoArea->show();
        setFocus();
    }
    m_miniButton->setChecked(m_mini);
}

void PlayerWidget::setExactSeek(bool exact)
{
    m_player->setExactSeek(exact);
    m_exactSeekAction->setChecked(exact);
    if (m_store)
        m_store->setExactSeek(exact);
}

bool PlayerWidget::isExactSeek() const
{
    return m_player->isExactSeek();
}

void PlayerWidget::buildControls()
{
    m_videoArea = new QWidget(this);
    m_videoArea->setAutoFillBackground(true);
    QPalette black = m_videoArea->palette();
    black.setColor(QPalette::Window, Qt::black);
    m_videoArea->setPalette(black);
    auto *videoLayout = new QVBoxLayout(m_videoArea);
    videoLayout->setContentsMargins(0, 0, 0, 0);
    if (m_video)
        videoLayout->addWidget(m_video);
    m_stats = new QLabel(m_videoArea);
    m_stats->setObjectName(QStringLiteral("statsOverlay"));
    // Legible over any frame whatever the palette: light text on a translucent dark box.
    m_stats->setStyleSheet(QStringLiteral("QLabel { background: rgba(0,0,0,170); color: white; padding: 6px; }"));
    m_stats->setTextFormat(Qt::PlainText);
    m_stats->hide();

    m_playButton = new QToolButton(this);
    m_playButton->setToolTip(tr("Play or pause (space, k)"));
    connect(m_playButton, &QToolButton::clicked, this, &PlayerWidget::togglePause);
    m_seekBar = new QSlider(Qt::Horizontal, this);
    m_seekBar->setRange(0, 0);
    m_seekBar->setToolTip(tr("Seek"));
    m_seekBar->setMouseTracking(true);
    m_seekBar->installEventFilter(this);
    m_preview = new QLabel(this);
    m_preview->setObjectName(QStringLiteral("storyboardPreview"));
    m_preview->setFrameShape(QFrame::Box);
    m_preview->hide();
    connect(m_seekBar, &QSlider::sliderReleased, this, [this] { seekTo(m_seekBar->value() / 1000.0); });
    m_timeLabel = new QLabel(this);
    m_muteButton = new QToolButton(this);
    m_muteButton->setToolTip(tr("Mute (m)"));
    connect(m_muteButton, &QToolButton::clicked, this, &PlayerWidget::toggleMute);
    m_volumeSlider = new QSlider(Qt::Horizontal, this);
    m_volumeSlider->setRange(0, 100);
    m_volumeSlider->setMaximumWidth(100);
    m_volumeSlider->setToolTip(tr("Volume (up, down)"));
    connect(m_volumeSlider, &QSlider::valueChanged, this, [this](int value) {
        if (value != m_volume)
            setVolume(value);
    });
    m_speedButton = new QToolButton(this);
    m_speedButton->setToolTip(tr("Playback speed (<, >)"));
    m_speedButton->setPopupMode(QToolButton::InstantPopup);
    auto *speedMenu = new QMenu(m_speedButton);
    for (double speed : Speeds)
        speedMenu->addAction(tr("%1×").arg(speed), this, [this, speed] { setSpeed(speed); });
    speedMenu->addSeparator();
    // Slower to start after a seek (the rest of the segment is decoded first), hence optional.
    m_exactSeekAction = speedMenu->addAction(tr("Exact seeking"), this, [this](bool on) { setExactSeek(on); });
    m_exactSeekAction->setCheckable(true);
    m_speedButton->setMenu(speedMenu);
    m_qualityButton = new QToolButton(this);
    m_qualityButton->setToolTip(tr("Quality"));
    m_qualityButton->setPopupMode(QToolButton::InstantPopup);
    m_qualityMenu = new QMenu(m_qualityButton);
    m_qualityButton->setMenu(m_qualityMenu);
    m_fullScreenButton = new QToolButton(this);
    m_fullScreenButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarMaxButton));
    m_fullScreenButton->setToolTip(tr("Full screen (f)"));
    connect(m_fullScreenButton, &QToolButton::clicked, this, &PlayerWidget::toggleFullScreen);

    m_tracks = new TrackControls(m_player, this);
    m_miniButton = new QToolButton(this);
    m_miniButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarNormalButton));
    m_miniButton->setToolTip(tr("Mini player (p)"));
    m_miniButton->setCheckable(true);
    m_miniPlaceholder = new QLabel(tr("Playing in the mini player"), this);
    m_miniPlaceholder->setAlignment(Qt::AlignCenter);
    m_miniPlaceholder->hide();
    connect(m_miniButton, &QToolButton::clicked, this, &PlayerWidget::toggleMiniPlayer);

    m_controls = new QWidget(this);
    auto *controls = new QHBoxLayout(m_controls);
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_playButton);
    controls->addWidget(m_seekBar, 1);
    controls->addWidget(m_timeLabel);
    controls->addWidget(m_muteButton);
    controls->addWidget(m_volumeSlider);
    controls->addWidget(m_speedButton);
    controls->addWidget(m_qualityButton);
    controls->addWidget(m_tracks->audioButton());
    controls->addWidget(m_tracks->captionsButton());
    controls->addWidget(m_miniButton);
    controls->addWidget(m_fullScreenButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_videoArea, 1);
    layout->addWidget(m_controls);
    rebuildQualityMenu();
    refreshLabels();
}

void PlayerWidget::play(const QUrl &url, const QString &videoId)
{
    close();
    m_videoId = videoId.isEmpty() ? url.toString() : videoId;
    m_resumeAt = m_store ? m_store->position(m_videoId) : 0.0;
    m_resumePending = m_resumeAt > 5.0;
    m_startupReported = false;
    m_rungSwitches = 0;
    m_lastRung = -1;
    m_startupClock.start();
    if (m_reporter) {
        m_reporter->openSession(m_videoId);
        m_sessionOpen = true;
        m_heartbeatTimer->start();
    }
    m_player->open(url);
}

void PlayerWidget::close()
{
    m_heartbeatTimer->stop();
    if (m_store && !m_videoId.isEmpty())
        m_store->setPosition(m_videoId, m_player->position());
    if (m_sessionOpen && m_reporter)
        m_reporter->closeSession(currentBeat());
    m_sessionOpen = false;
}

void PlayerWidget::setHeartbeatInterval(int milliseconds)
{
    m_heartbeatTimer->setInterval(milliseconds);
}

void PlayerWidget::setStoryboard(const StoryboardTrack &track, const QHash<QUrl, QImage> &sprites)
{
    m_storyboard = track;
    m_sprites = sprites;
}

QImage PlayerWidget::previewAt(double seconds) const
{
    const std::optional<StoryboardTrack::Tile> tile = m_storyboard.tileAt(seconds);
    if (!tile || !m_sprites.contains(tile->image))
        return {};
    const QImage &sprite = m_sprites.value(tile->image);
    return tile->rect.isEmpty() ? sprite : sprite.copy(tile->rect);
}

bool PlayerWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_seekBar && (event->type() == QEvent::MouseMove || event->type() == QEvent::Leave)) {
        const double duration = m_player->duration();
        if (event->type() == QEvent::Leave || duration <= 0.0) {
            m_preview->hide();
            return false;
        }
        const int x = static_cast<QMouseEvent *>(event)->position().toPoint().x();
        const double seconds = duration * std::clamp(double(x) / std::max(1, m_seekBar->width()), 0.0, 1.0);
        const QImage image = previewAt(seconds);
        if (image.isNull()) {
            m_preview->hide();
            return false;
        }
        m_preview->setPixmap(QPixmap::fromImage(image));
        m_preview->adjustSize();
        const QPoint anchor = m_seekBar->mapTo(this, QPoint(x, 0));
        m_preview->move(std::clamp(anchor.x() - m_preview->width() / 2, 0, std::max(0, width() - m_preview->width())),
                        std::max(0, anchor.y() - m_preview->height() - 4));
        m_preview->show();
        m_preview->raise();
    }
    return QWidget::eventFilter(watched, event);
}

void PlayerWidget::togglePause()
{
    m_paused = !m_paused;
    m_player->setPaused(m_paused);
    refreshLabels();
}

void PlayerWidget::seekTo(double seconds)
{
    const double duration = m_player->duration();
    double target = std::max(0.0, seconds);
    if (duration > 0.0)
        target = std::min(target, std::max(0.0, duration - 0.5));
    m_lastSeekTarget = target;
    m_player->seek(target);
}

void PlayerWidget::seekBy(double seconds)
{
    seekTo((m_lastSeekTarget >= 0.0 && m_player->position() < 0.01 ? m_lastSeekTarget : m_player->position()) + seconds);
}

void PlayerWidget::setVolume(int volume)
{
    m_volume = std::clamp(volume, 0, 100);
    if (m_store)
        m_store->setVolume(m_volume);
    double value = m_volume;
    mpv_set_property_async(m_player->handle(), 0, "volume", MPV_FORMAT_DOUBLE, &value);
    refreshLabels();
}

void PlayerWidget::toggleMute()
{
    m_muted = !m_muted;
    if (m_store)
        m_store->setMuted(m_muted);
    int flag = m_muted ? 1 : 0;
    mpv_set_property_async(m_player->handle(), 0, "mute", MPV_FORMAT_FLAG, &flag);
    refreshLabels();
}

void PlayerWidget::setSpeed(double speed)
{
    m_speed = std::clamp(speed, Speeds.front(), Speeds.back());
    m_player->setSpeed(m_speed);
    refreshLabels();
}

void PlayerWidget::stepSpeed(int direction)
{
    auto it = std::find_if(Speeds.begin(), Speeds.end(), [this](double s) { return s >= m_speed - 1e-9; });
    qsizetype index = it == Speeds.end() ? qsizetype(Speeds.size()) - 1 : it - Speeds.begin();
    index = std::clamp<qsizetype>(index + direction, 0, qsizetype(Speeds.size()) - 1);
    setSpeed(Speeds.at(size_t(index)));
}

void PlayerWidget::setQuality(int rung)
{
    const int rungs = int(m_player->session().variants().size());
    m_lockedRung = rung >= 0 && rung < rungs ? rung : -1;
    if (m_lockedRung >= 0)
        m_player->session().selector().lockRung(m_lockedRung);
    else
        m_player->session().selector().unlock();
    rebuildQualityMenu();
}

void PlayerWidget::toggleFullScreen()
{
    QWidget *top = window();
    if (top->isFullScreen())
        top->showNormal();
    else
        top->showFullScreen();
}

void PlayerWidget::toggleCaptions()
{
    m_tracks->toggleCaptions();
}

void PlayerWidget::setCaptionTrack(int id)
{
    m_tracks->setCaptionTrack(id);
}

void PlayerWidget::setAudioRendition(int index)
{
    m_tracks->setAudioRendition(index);
}

bool PlayerWidget::areCaptionsOn() const
{
    return m_tracks->areCaptionsOn();
}

void PlayerWidget::toggleStats()
{
    m_stats->setVisible(!m_stats->isVisible());
    if (m_stats->isVisible()) {
        refreshStats();
        m_statsTimer->start();
    } else {
        m_statsTimer->stop();
    }
}

bool PlayerWidget::isStatsVisible() const
{
    return m_stats->isVisible();
}

void PlayerWidget::keyPressEvent(QKeyEvent *event)
{
    const int key = event->key();
    if (key >= Qt::Key_0 && key <= Qt::Key_9) {
        seekTo(m_player->duration() * double(key - Qt::Key_0) / 10.0);
        return;
    }
    switch (key) {
    case Qt::Key_Space:
    case Qt::Key_K: togglePause(); break;
    case Qt::Key_J: seekBy(-10.0); break;
    case Qt::Key_L: seekBy(10.0); break;
    case Qt::Key_Left: seekBy(-5.0); break;
    case Qt::Key_Right: seekBy(5.0); break;
    case Qt::Key_Up: setVolume(m_volume + 5); break;
    case Qt::Key_Down: setVolume(m_volume - 5); break;
    case Qt::Key_F: toggleFullScreen(); break;
    case Qt::Key_M: toggleMute(); break;
    case Qt::Key_Less: stepSpeed(-1); break;
    case Qt::Key_Greater: stepSpeed(1); break;
    case Qt::Key_I: toggleStats(); break;
    case Qt::Key_C: toggleCaptions(); break;
    case Qt::Key_P: toggleMiniPlayer(); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void PlayerWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_stats->move(8, 8);
    m_stats->setMaximumWidth(std::max(120, m_videoArea->width() - 16));
}

void PlayerWidget::rebuildQualityMenu()
{
    const QList<VariantStream> &variants = m_player->session().variants();
    auto rungName = [&](int rung) {
        const VariantStream &variant = variants.at(rung);
        if (variant.resolution.isValid())
            return tr("%1p").arg(variant.resolution.height());
        return variant.bandwidth > 0 ? tr("%1 kbit/s").arg(variant.bandwidth / 1000) : tr("Source");
    };
    m_qualityMenu->clear();
    auto *group = new QActionGroup(m_qualityMenu);
    const QString autoText = m_lastRung >= 0 && m_lastRung < variants.size() ? tr("Auto (%1)").arg(rungName(m_lastRung))
                                                                             : tr("Auto");
    QAction *automatic = m_qualityMenu->addAction(autoText, this, [this] { setQuality(-1); });
    automatic->setCheckable(true);
    automatic->setChecked(m_lockedRung < 0);
    group->addAction(automatic);
    for (int rung = int(variants.size()) - 1; rung >= 0; --rung) {
        QAction *action = m_qualityMenu->addAction(rungName(rung), this, [this, rung] { setQuality(rung); });
        action->setCheckable(true);
        action->setChecked(m_lockedRung == rung);
        group->addAction(action);
    }
    m_qualityButton->setText(m_lockedRung >= 0 ? rungName(m_lockedRung) : autoText);
    m_qualityButton->setEnabled(!variants.isEmpty());
}

void PlayerWidget::onPositionChanged(double seconds)
{
    const double duration = m_player->duration();
    if (!m_seekBar->isSliderDown()) {
        m_seekBar->setRange(0, int(duration * 1000.0));
        m_seekBar->setValue(int(seconds * 1000.0));
    }
    m_timeLabel->setText(duration > 0.0 ? tr("%1 / %2").arg(clockText(seconds), clockText(duration))
                                        : tr("%1 (live)").arg(clockText(seconds)));
}

void PlayerWidget::onPlaybackRestarted()
{
    if (!m_startupReported && m_reporter && m_sessionOpen) {
        m_startupReported = true;
        m_reporter->reportStartup(double(m_startupClock.elapsed()) / 1000.0);
    }
}

PlaybackHeartbeat PlayerWidget::currentBeat() const
{
    PlaybackHeartbeat beat;
    beat.positionSeconds = m_player->position();
    beat.rung = m_player->isHls() ? m_lastRung : -1;
    const QList<VariantStream> &variants = m_player->session().variants();
    if (beat.rung >= 0 && beat.rung < variants.size()) {
        const VariantStream &variant = variants.at(beat.rung);
        // A name for the server's statistics, not for the viewer: untranslated.
        beat.rendition = variant.resolution.isValid() ? QStringLiteral("%1p").arg(variant.resolution.height())
                                                      : QStringLiteral("%1k").arg(variant.bandwidth / 1000);
        beat.bitrate = variant.bandwidth;
    }
    beat.bufferSeconds = m_player->isHls() ? std::max(0.0, m_player->session().bufferSeconds()) : 0.0;
    beat.stalls = m_player->stallCount();
    beat.stallSeconds = m_player->stallSeconds();
    beat.rungSwitches = m_rungSwitches;
    beat.bandwidthBps = m_player->session().selector().estimateBps();
    beat.droppedFrames = m_player->droppedFrames();
    return beat;
}

void PlayerWidget::sendHeartbeat()
{
    if (m_store && !m_videoId.isEmpty())
        m_store->setPosition(m_videoId, m_player->position());
    if (m_reporter && m_sessionOpen)
        m_reporter->heartbeat(currentBeat());
}

QString PlayerWidget::statsText() const
{
    const PlaybackHeartbeat beat = currentBeat();
    const QSize size = m_player->videoSize();
    QStringList lines;
    lines << tr("Rendition: %1 (%2×%3)").arg(beat.rung >= 0 ? QString::number(beat.rung) : tr("n/a"))
                 .arg(size.width()).arg(size.height());
    lines << tr("Bandwidth estimate: %1 kbit/s").arg(beat.bandwidthBps / 1000.0, 0, 'f', 0);
    lines << tr("Buffer: %1 s").arg(beat.bufferSeconds, 0, 'f', 1);
    lines << tr("Dropped frames: %1").arg(beat.droppedFrames);
    lines << tr("Decoder: %1").arg(m_player->decoder().isEmpty() ? tr("n/a") : m_player->decoder());
    lines << tr("Last segment: %1 ms").arg(m_player->session().lastSegmentSeconds() * 1000.0, 0, 'f', 0);
    if (m_player->isHls() && m_player->session().isLive())
        lines << tr("Live latency: %1 s").arg(m_player->session().liveLatency(), 0, 'f', 1);
    return lines.join(u'\n');
}

void PlayerWidget::refreshStats()
{
    m_stats->setText(statsText());
    m_stats->adjustSize();
}

void PlayerWidget::refreshLabels()
{
    m_playButton->setIcon(style()->standardIcon(m_paused ? QStyle::SP_MediaPlay : QStyle::SP_MediaPause));
    m_muteButton->setIcon(style()->standardIcon(m_muted ? QStyle::SP_MediaVolumeMuted : QStyle::SP_MediaVolume));
    m_volumeSlider->setValue(m_volume);
    m_speedButton->setText(tr("%1×").arg(m_speed));
}

} // namespace Kinora::Player
