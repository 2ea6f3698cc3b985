#include "player/mpv/mpvhlsplayer.h"

#include "player/abr/abrregistry.h"
#include "player/hls/hlssession.h"

#include <QMetaObject>
#include <QTimer>

#include <mpv/client.h>

#include <chrono>
#include <clocale>

namespace Kinora::Player {

namespace {

enum Observed : uint64_t { TimePos = 1, PausedForCache, Duration, DroppedFrames, Decoder, Width, Height, TrackList, SubtitleId, CacheTime };

qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QList<MpvTrack> parseTracks(const mpv_node &list)
{
    QList<MpvTrack> tracks;
    if (list.format != MPV_FORMAT_NODE_ARRAY)
        return tracks;
    for (int i = 0; i < list.u.list->num; ++i) {
        const mpv_node &entry = list.u.list->values[i];
        if (entry.format != MPV_FORMAT_NODE_MAP)
            continue;
        MpvTrack track;
        for (int j = 0; j < entry.u.list->num; ++j) {
            const char *key = entry.u.list->keys[j];
            const mpv_node &value = entry.u.list->values[j];
            if (value.format == MPV_FORMAT_INT64 && qstrcmp(key, "id") == 0)
                track.id = int(value.u.int64);
            else if (value.format == MPV_FORMAT_FLAG && qstrcmp(key, "selected") == 0)
                track.selected = value.u.flag != 0;
            else if (value.format == MPV_FORMAT_FLAG && qstrcmp(key, "external") == 0)
                track.external = value.u.flag != 0;
            else if (value.format == MPV_FORMAT_STRING && qstrcmp(key, "type") == 0)
                track.type = QString::fromUtf8(value.u.string);
            else if (value.format == MPV_FORMAT_STRING && qstrcmp(key, "title") == 0)
                track.title = QString::fromUtf8(value.u.string);
            else if (value.format == MPV_FORMAT_STRING && qstrcmp(key, "lang") == 0)
                track.language = QString::fromUtf8(value.u.string);
        }
        tracks.append(track);
    }
    return tracks;
}

} // namespace

MpvHlsPlayer::MpvHlsPlayer(QNetworkAccessManager *network, const QString &abrId, QObject *parent)
    : QObject(parent)
    , m_session(std::make_unique<HlsSession>(network, AbrRegistry::create(abrId)))
    , m_renditionTracks(network, abrId)
{
    connect(m_session.get(), &HlsSession::ladderLoaded, this,
            [this](int) { m_renditionTracks.load(m_session->variants(), m_session->renditions()); });
    // Both feeds start again where the video plays now.
    connect(&m_renditionTracks, &MpvRenditionTracks::restartRequested, this, &MpvHlsPlayer::restartHere);
    connect(m_session.get(), &HlsSession::segmentReady, this,
            [this](int, int, const QByteArray &data) { m_feed.append(data); });
    connect(m_session.get(), &HlsSession::finished, this, [this] { m_feed.finish(); });
    connect(m_session.get(), &HlsSession::feedRestarted, this, &MpvHlsPlayer::restartFeed);
    connect(m_session.get(), &HlsSession::speedRecommended, this, [this](double) { applySpeed(); });
    connect(m_session.get(), &HlsSession::failed, this, [this](const QString &message) {
        m_feed.cancel();
        Q_EMIT failed(message);
    });
}

MpvHlsPlayer::~MpvHlsPlayer()
{
    if (m_mpv) {
        mpv_set_wakeup_callback(m_mpv, nullptr, nullptr);
        m_feed.cancel();
        mpv_terminate_destroy(m_mpv);
    }
}

bool MpvHlsPlayer::initialize(const Options &options)
{
    std::setlocale(LC_NUMERIC, "C"); // libmpv refuses other numeric locales
    m_mpv = mpv_create();
    if (!m_mpv) {
        m_error = tr("libmpv could not be created");
        return false;
    }
    // The engine keeps its own buffer; mpv's cache lets it report underruns as paused-for-cache.
    // The widget draws its own controls: none of mpv's built-in scripts run
    // (no on-screen controller, no youtube-dl hook on every load).
    Options all = {{"cache", "yes"},         {"keep-open", "no"},          {"input-default-bindings", "no"},
                   {"osc", "no"},            {"ytdl", "no"},               {"load-scripts", "no"},
                   {"load-stats-overlay", "no"}, {"load-osd-console", "no"}, {"load-auto-profiles", "no"}};
    all.append(options);
    for (const auto &[name, value] : std::as_const(all)) {
        if (const int error = mpv_set_option_string(m_mpv, name.constData(), value.constData()); error < 0) {
            m_error = tr("mpv option %1=%2: %3")
                          .arg(QString::fromUtf8(name), QString::fromUtf8(value), QString::fromUtf8(mpv_error_string(error)));
            return false;
        }
    }
    if (const int error = mpv_initialize(m_mpv); error < 0) {
        m_error = tr("mpv did not start: %1").arg(QString::fromUtf8(mpv_error_string(error)));
        return false;
    }
    if (!m_feed.registerProtocol(m_mpv, "kinora") || !m_renditionTracks.attach(m_mpv)) {
        m_error = tr("the stream protocol could not be registered with mpv");
        return false;
    }
    mpv_observe_property(m_mpv, TimePos, "time-pos", MPV_FORMAT_DOUBLE);
    mpv_observe_property(m_mpv, PausedForCache, "paused-for-cache", MPV_FORMAT_FLAG);
    mpv_observe_property(m_mpv, Duration, "duration", MPV_FORMAT_DOUBLE);
    mpv_observe_property(m_mpv, DroppedFrames, "frame-drop-count", MPV_FORMAT_INT64);
    mpv_observe_property(m_mpv, Decoder, "video-codec", MPV_FORMAT_STRING);
    mpv_observe_property(m_mpv, Width, "width", MPV_FORMAT_INT64);
    mpv_observe_property(m_mpv, Height, "height", MPV_FORMAT_INT64);
    mpv_observe_property(m_mpv, TrackList, "track-list", MPV_FORMAT_NODE);
    mpv_observe_property(m_mpv, SubtitleId, "sid", MPV_FORMAT_STRING);
    mpv_observe_property(m_mpv, CacheTime, "demuxer-cache-time", MPV_FORMAT_DOUBLE);
    mpv_set_wakeup_callback(
        m_mpv,
        [](void *self) {
            auto *player = static_cast<MpvHlsPlayer *>(self);
            QMetaObject::invokeMethod(player, [player] { player->drainEvents(); }, Qt::QueuedConnection);
        },
        this);
    return true;
}

double MpvHlsPlayer::duration() const
{
    return m_hls ? (m_session->isLive() ? 0.0 : m_session->durationSeconds()) : m_mpvDuration;
}

double MpvHlsPlayer::stallSeconds() const
{
    return m_stalledSeconds + (m_stallStartedMs >= 0 ? double(nowMs() - m_stallStartedMs) / 1000.0 : 0.0);
}

void MpvHlsPlayer::open(const QUrl &url)
{
    const QString path = url.path().toLower();
    m_hls = path.endsWith(QLatin1String(".m3u8")) || path.endsWith(QLatin1String(".m3u"));
    m_offset = 0.0;
    m_position = 0.0;
    m_playing = false;
    m_stalls = 0;
    m_stalledSeconds = 0.0;
    m_stallStartedMs = -1;
    m_exactTarget = -1.0;
    m_exactArmed = false;
    m_renditionTracks.clear();
    if (m_hls) {
        m_session->open(url); // feedRestarted() loads the feed into mpv
        return;
    }
    const QByteArray target = url.isLocalFile() ? url.toLocalFile().toUtf8() : url.toString().toUtf8();
    const char *command[] = {"loadfile", target.constData(), nullptr};
    ++m_feedGeneration;
    mpv_command_async(m_mpv, 0, command);
}

void MpvHlsPlayer::restartFeed(double streamSeconds)
{
    m_feed.reset();
    m_cacheTime = 0.0;
    m_renditionTracks.onFeedRestarted(streamSeconds);
    m_offset = streamSeconds;
    m_position = streamSeconds;
    ++m_feedGeneration;
    const QByteArray uri = "kinora://feed/" + QByteArray::number(m_feedGeneration);
    const char *command[] = {"loadfile", uri.constData(), nullptr};
    mpv_command_async(m_mpv, 0, command);
}

void MpvHlsPlayer::seek(double seconds)
{
    if (m_hls) {
        // The feed restarts at the segment holding seconds; an exact seek
        // then moves on inside it once mpv has the segment.
        const double start = m_session->seek(seconds);
        m_exactTarget = m_exactSeek && seconds - start > 0.04 ? seconds : -1.0;
        m_exactArmed = false;
        return;
    }
    const QByteArray target = QByteArray::number(seconds, 'f', 3);
    const char *command[] = {"seek", target.constData(), m_exactSeek ? "absolute+exact" : "absolute", nullptr};
    mpv_command_async(m_mpv, 0, command);
}

void MpvHlsPlayer::seekInsideFeed()
{
    // The feed cannot seek: mpv reaches the target through its demuxer
    // cache, so wait until the cache holds it (or the whole stream).
    if (!m_exactArmed || m_exactTarget < 0.0)
        return;
    const double target = m_exactTarget - m_offset;
    const double end = m_session->durationSeconds() - m_offset;
    if (m_cacheTime < target + 0.1 && (end <= 0.0 || m_cacheTime < end - 0.1)) {
        // mpv reports the cache end only when it changes: ask again shortly.
        if (!m_cacheQueryPending) {
            m_cacheQueryPending = true;
            QTimer::singleShot(100, this, [this] {
                mpv_get_property_async(m_mpv, CacheTime, "demuxer-cache-time", MPV_FORMAT_DOUBLE);
            });
        }
        return;
    }
    m_exactTarget = -1.0;
    m_exactArmed = false;
    const QByteArray position = QByteArray::number(target, 'f', 3);
    const char *command[] = {"seek", position.constData(), "absolute+exact", nullptr};
    mpv_command_async(m_mpv, 0, command);
}

void MpvHlsPlayer::restoreVideoTrack()
{
    if (m_videoTrack <= 0)
        return;
    int64_t id = m_videoTrack;
    mpv_set_property_async(m_mpv, 0, "vid", MPV_FORMAT_INT64, &id);
    // Re-selecting the track is not enough for mpv to show frames again on
    // the unseekable feed: a fresh file builds a fresh video chain.
    restartHere();
}

void MpvHlsPlayer::restartHere()
{
    if (!m_hls)
        return;
    const double at = m_position;
    const double start = m_session->seek(at);
    m_exactTarget = at - start > 0.04 ? at : -1.0; // resumed exactly where it was
    m_exactArmed = false;
}

void MpvHlsPlayer::setPaused(bool paused)
{
    int flag = paused ? 1 : 0;
    mpv_set_property_async(m_mpv, 0, "pause", MPV_FORMAT_FLAG, &flag);
}

QList<MpvTrack> MpvHlsPlayer::tracks(const QString &type) const
{
    QList<MpvTrack> result;
    for (const MpvTrack &track : m_tracks) {
        if (track.type == type)
            result.append(track);
    }
    return result;
}

void MpvHlsPlayer::setSubtitleTrack(const QByteArray &sid)
{
    // Remembered by rendition, so that the feed's next file selects it again.
    int choice = -1;
    for (const MpvTrack &track : std::as_const(m_tracks)) {
        if (track.type != QLatin1String("sub") || QByteArray::number(track.id) != sid || !track.external)
            continue;
        const QList<MediaRendition> &subtitles = m_renditionTracks.subtitleRenditions();
        for (int i = 0; i < subtitles.size(); ++i) {
            if (subtitles.at(i).name == track.title)
                choice = i;
        }
    }
    m_renditionTracks.setSubtitleChoice(choice);
    const char *value = sid.constData();
    mpv_set_property_async(m_mpv, 0, "sid", MPV_FORMAT_STRING, &value);
}

void MpvHlsPlayer::setSpeed(double speed)
{
    m_speed = speed;
    applySpeed();
}

void MpvHlsPlayer::applySpeed()
{
    double speed = m_speed * (m_hls ? m_session->recommendedSpeed() : 1.0);
    mpv_set_property_async(m_mpv, 0, "speed", MPV_FORMAT_DOUBLE, &speed);
}

void MpvHlsPlayer::drainEvents()
{
    if (!m_mpv)
        return;
    for (mpv_event *event = mpv_wait_event(m_mpv, 0); event->event_id != MPV_EVENT_NONE;
         event = mpv_wait_event(m_mpv, 0)) {
        switch (event->event_id) {
        case MPV_EVENT_START_FILE:
            m_currentEntry = static_cast<mpv_event_start_file *>(event->data)->playlist_entry_id;
            break;
        case MPV_EVENT_FILE_LOADED:
            if (m_currentEntry == m_feedGeneration) {
                if (m_hls)
                    m_renditionTracks.onFileLoaded();
                Q_EMIT fileLoaded();
            }
            break;
        case MPV_EVENT_PLAYBACK_RESTART:
            if (m_currentEntry == m_feedGeneration) {
                m_playing = true;
                if (m_exactTarget >= 0.0) {
                    m_exactArmed = true;
                    seekInsideFeed();
                    break; // the restart after that seek is the one announced
                }
                Q_EMIT playbackRestarted();
            }
            break;
        case MPV_EVENT_GET_PROPERTY_REPLY: {
            const auto *property = static_cast<mpv_event_property *>(event->data);
            if (event->reply_userdata != CacheTime)
                break;
            m_cacheQueryPending = false;
            if (event->error >= 0 && property->format == MPV_FORMAT_DOUBLE && property->data)
                m_cacheTime = *static_cast<double *>(property->data);
            seekInsideFeed();
            break;
        }
        case MPV_EVENT_END_FILE: {
            const auto *end = static_cast<mpv_event_end_file *>(event->data);
            if (end->playlist_entry_id != m_feedGeneration)
                break; // the stream a restart replaced
            if (end->reason == MPV_END_FILE_REASON_EOF)
                Q_EMIT endReached();
            else if (end->reason == MPV_END_FILE_REASON_ERROR)
                Q_EMIT failed(tr("mpv could not play: %1").arg(QString::fromUtf8(mpv_error_string(end->error))));
            break;
        }
        case MPV_EVENT_PROPERTY_CHANGE: {
            const auto *property = static_cast<mpv_event_property *>(event->data);
            if (m_currentEntry != m_feedGeneration || !property->data)
                break;
            if (event->reply_userdata == TimePos && property->format == MPV_FORMAT_DOUBLE) {
                m_position = m_offset + *static_cast<double *>(property->data);
                if (m_hls) {
                    m_session->setPlaybackPosition(m_position);
                    m_renditionTracks.setPlaybackPosition(m_position);
                }
                Q_EMIT positionChanged(m_position);
            } else if (event->reply_userdata == CacheTime && property->format == MPV_FORMAT_DOUBLE) {
                m_cacheTime = *static_cast<double *>(property->data);
                seekInsideFeed();
            } else if (event->reply_userdata == Duration && property->format == MPV_FORMAT_DOUBLE) {
                m_mpvDuration = *static_cast<double *>(property->data);
            } else if (event->reply_userdata == DroppedFrames && property->format == MPV_FORMAT_INT64) {
                m_droppedFrames = *static_cast<int64_t *>(property->data);
            } else if (event->reply_userdata == Decoder && property->format == MPV_FORMAT_STRING) {
                m_decoder = QString::fromUtf8(*static_cast<char **>(property->data));
            } else if (event->reply_userdata == Width && property->format == MPV_FORMAT_INT64) {
                m_videoSize.setWidth(int(*static_cast<int64_t *>(property->data)));
            } else if (event->reply_userdata == Height && property->format == MPV_FORMAT_INT64) {
                m_videoSize.setHeight(int(*static_cast<int64_t *>(property->data)));
            } else if (event->reply_userdata == SubtitleId && property->format == MPV_FORMAT_STRING) {
                m_subtitleTrack = QString::fromUtf8(*static_cast<char **>(property->data));
                Q_EMIT tracksChanged();
            } else if (event->reply_userdata == TrackList && property->format == MPV_FORMAT_NODE) {
                m_tracks = parseTracks(*static_cast<mpv_node *>(property->data));
                for (const MpvTrack &track : std::as_const(m_tracks)) {
                    if (track.selected && track.type == QLatin1String("video"))
                        m_videoTrack = track.id;
                }
                Q_EMIT tracksChanged();
            } else if (event->reply_userdata == PausedForCache && property->format == MPV_FORMAT_FLAG) {
                const bool waiting = *static_cast<int *>(property->data) != 0;
                if (waiting && m_playing && m_stallStartedMs < 0) {
                    m_stallStartedMs = nowMs();
                    ++m_stalls;
                    Q_EMIT stallStarted();
                } else if (!waiting && m_stallStartedMs >= 0) {
                    const double seconds = double(nowMs() - m_stallStartedMs) / 1000.0;
                    m_stallStartedMs = -1;
                    m_longestStall = std::max(m_longestStall, seconds);
                    m_stalledSeconds += seconds;
                    Q_EMIT stallEnded(seconds);
                }
            }
            break;
        }
        default:
            break;
        }
    }
}

} // namespace Kinora::Player
