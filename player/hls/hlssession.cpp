#include "player/hls/hlssession.h"

#include "player/hls/aes128decryptor.h"
#include "player/hls/hlstypes.h"
#include "player/net/segmentloader.h"

#include <QNetworkAccessManager>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace Kinora::Player {

namespace {
constexpr double CatchUpSpeed = 1.08;
}

HlsSession::HlsSession(QNetworkAccessManager *network, std::unique_ptr<AbrController> controller, QObject *parent)
    : QObject(parent)
    , m_selector(std::move(controller))
    , m_playlistLoader(new SegmentLoader(network, this))
    , m_segmentLoader(new SegmentLoader(network, this))
    , m_keyLoader(new SegmentLoader(network, this))
    , m_reloadTimer(new QTimer(this))
{
    m_reloadTimer->setSingleShot(true);
    connect(m_reloadTimer, &QTimer::timeout, this, &HlsSession::reloadPlaylists);
    connect(m_playlistLoader, &SegmentLoader::loaded, this,
            [this](quint64, const QByteArray &data, double, double) { onPlaylistLoaded(data); });
    connect(m_playlistLoader, &SegmentLoader::failed, this, [this](quint64, const QString &message, bool) {
        if (m_reloadingRung >= 0) { // a live playlist that did not answer: try again later
            m_reloadingRung = -1;
            scheduleReload(false);
            return;
        }
        fail(message);
    });
    connect(m_keyLoader, &SegmentLoader::loaded, this, [this](quint64 id, const QByteArray &data, double, double) {
        if (id == m_keyRequest)
            onKeyLoaded(data);
    });
    connect(m_keyLoader, &SegmentLoader::failed, this, [this](quint64 id, const QString &message, bool) {
        if (id == m_keyRequest)
            fail(message);
    });
    connect(m_segmentLoader, &SegmentLoader::loaded, this,
            [this](quint64 id, const QByteArray &data, double seconds, double) {
                if (id == m_segmentRequest)
                    onSegmentLoaded(data, seconds);
            });
    connect(m_segmentLoader, &SegmentLoader::abandoned, this, [this](quint64, qint64 bytes, double seconds) {
        m_selector.recordDownload(seconds, double(bytes), 8.0 * double(bytes));
    });
    connect(m_segmentLoader, &SegmentLoader::failed, this, [this](quint64 id, const QString &message, bool abandoned) {
        if (id == m_segmentRequest)
            onSegmentFailed(message, abandoned);
    });
}

HlsSession::~HlsSession() = default;

double HlsSession::durationSeconds() const
{
    return m_mediaPlaylists.isEmpty() ? 0.0 : m_mediaPlaylists.first().totalDuration();
}

double HlsSession::targetLatency() const
{
    if (m_targetLatency > 0.0)
        return m_targetLatency;
    return m_mediaPlaylists.isEmpty() ? 0.0 : 3.0 * m_mediaPlaylists.first().targetDuration;
}

double HlsSession::latencyTolerance() const
{
    if (m_latencyTolerance > 0.0)
        return m_latencyTolerance;
    return m_mediaPlaylists.isEmpty() ? 0.0 : m_mediaPlaylists.first().targetDuration;
}

double HlsSession::liveEdgeSeconds() const
{
    if (m_timeline.isEmpty())
        return 0.0;
    const Timing &last = m_timeline.last();
    return last.start + last.duration;
}

void HlsSession::open(const QUrl &url)
{
    stop();
    m_url = url;
    m_playlistLoader->load(url);
}

void HlsSession::stop()
{
    m_playlistLoader->abort();
    m_segmentLoader->abort();
    m_keyLoader->abort();
    m_reloadTimer->stop();
    m_segmentRequest = 0;
    m_keyRequest = 0;
    m_reloadingRung = -1;
    m_fetching = false;
    m_pendingResync = false;
    m_waitForReload = false;
    m_forceLowest = false;
    m_lastRung = -1;
    m_speed = 1.0;
    m_url.clear();
    m_variants.clear();
    m_renditions.clear();
    m_mediaPlaylists.clear();
    m_timeline.clear();
    m_chosenRungs.clear();
    m_deliveredCount = 0;
    m_started = false;
    m_done = false;
    m_live = false;
}

void HlsSession::setPlaybackPosition(double seconds)
{
    m_positionSeconds = seconds;
    updateSpeed();
    fetchNextSegment();
}

double HlsSession::seek(double seconds)
{
    if (!m_started || m_timeline.isEmpty())
        return 0.0;
    qint64 sequence = m_timeline.firstKey();
    for (auto it = m_timeline.cbegin(); it != m_timeline.cend(); ++it) {
        if (it->start <= seconds)
            sequence = it.key();
    }
    m_done = false;
    restartAt(sequence);
    return m_timeline.value(sequence).start;
}

void HlsSession::fail(const QString &message)
{
    m_done = true;
    m_fetching = false;
    m_reloadTimer->stop();
    Q_EMIT failed(message);
}

void HlsSession::onPlaylistLoaded(const QByteArray &data)
{
    const int rung = m_reloadingRung >= 0 ? m_reloadingRung : int(m_mediaPlaylists.size());
    const QUrl url = m_variants.isEmpty() ? m_url : m_variants.at(rung).uri;
    PlaylistParser parser(url);
    if (!parser.parse(data)) {
        if (m_reloadingRung >= 0) { // a broken reload is skipped, not fatal
            m_reloadingRung = -1;
            scheduleReload(false);
            return;
        }
        return fail(tr("%1: %2").arg(url.toDisplayString(), parser.errorString()));
    }
    if (parser.kind() == PlaylistParser::Kind::Master) {
        if (!m_variants.isEmpty())
            return fail(tr("%1: a master playlist where a media playlist was expected").arg(url.toDisplayString()));
        m_variants = parser.master().variants;
        m_renditions = parser.master().renditions;
        std::stable_sort(m_variants.begin(), m_variants.end(),
                         [](const VariantStream &a, const VariantStream &b) { return a.bandwidth < b.bandwidth; });
        if (m_variants.isEmpty())
            return fail(tr("%1: the master playlist has no variant").arg(url.toDisplayString()));
        loadNextMediaPlaylist();
        return;
    }
    if (m_reloadingRung >= 0)
        return acceptReload(m_reloadingRung, parser.media());
    if (m_variants.isEmpty()) { // opened a media playlist directly: a one-rung ladder
        VariantStream only;
        only.uri = url;
        m_variants.append(only);
    }
    if (parser.media().segments.isEmpty() && parser.media().endList)
        return fail(tr("%1: the playlist has no segment").arg(url.toDisplayString()));
    if (!m_mediaPlaylists.isEmpty() && !parser.media().isLive()
        && parser.media().segments.size() != m_mediaPlaylists.first().segments.size())
        return fail(tr("%1: renditions do not share segment boundaries").arg(url.toDisplayString()));
    m_mediaPlaylists.append(parser.media());
    loadNextMediaPlaylist();
}

void HlsSession::onKeyLoaded(const QByteArray &data)
{
    if (data.size() != 16)
        return fail(tr("the AES-128 key is %1 bytes long instead of 16").arg(data.size()));
    m_keys.insert(m_segment.key.uri, data);
    deliver(m_pendingCipher);
}

void HlsSession::loadNextMediaPlaylist()
{
    if (m_mediaPlaylists.size() < m_variants.size()) {
        m_playlistLoader->load(m_variants.at(m_mediaPlaylists.size()).uri);
        return;
    }
    Q_EMIT ladderLoaded(int(m_variants.size()));
    startPlayback();
}

void HlsSession::startPlayback()
{
    const MediaPlaylist &reference = m_mediaPlaylists.first();
    m_live = reference.isLive();
    extendTimeline(reference, true);
    m_started = true;
    if (m_live)
        scheduleReload(true);
    if (reference.segments.isEmpty())
        return; // live playlist still empty: the next reload brings segments
    restartAt(m_live ? liveStartSequence() : reference.segments.first().sequenceNumber);
}

void HlsSession::scheduleReload(bool changed)
{
    if (m_mediaPlaylists.isEmpty() || m_mediaPlaylists.first().endList)
        return;
    // RFC 8216 6.3.4: wait a target duration, or half of it after an unchanged reload.
    const double target = std::max(0.1, m_mediaPlaylists.first().targetDuration);
    m_reloadTimer->start(int(std::lround(1000.0 * (changed ? target : target / 2.0))));
}

void HlsSession::reloadPlaylists()
{
    if (m_done)
        return;
    m_reloadingRung = 0;
    m_reloadChanged = false;
    m_playlistLoader->load(m_variants.first().uri);
}

void HlsSession::acceptReload(int rung, const MediaPlaylist &playlist)
{
    ++m_reloads;
    if (rung == 0) {
        const MediaPlaylist &old = m_mediaPlaylists.first();
        const qint64 oldLast = old.segments.isEmpty() ? -1 : old.segments.last().sequenceNumber;
        const qint64 newLast = playlist.segments.isEmpty() ? -1 : playlist.segments.last().sequenceNumber;
        const bool restarted = playlist.mediaSequence < old.mediaSequence;
        m_reloadChanged = restarted || newLast != oldLast;
        m_mediaPlaylists[0] = playlist;
        extendTimeline(playlist, restarted);
        const bool fellBehind = !playlist.segments.isEmpty() && m_nextSequence < playlist.segments.first().sequenceNumber;
        if (restarted || fellBehind || !m_started)
            m_pendingResync = true;
    } else {
        m_mediaPlaylists[rung] = playlist;
    }
    if (rung + 1 < m_variants.size()) {
        m_reloadingRung = rung + 1;
        m_playlistLoader->load(m_variants.at(rung + 1).uri);
        return;
    }
    m_reloadingRung = -1;
    m_waitForReload = false;
    scheduleReload(m_reloadChanged);
    if (m_pendingResync && !m_mediaPlaylists.first().segments.isEmpty()) {
        m_pendingResync = false;
        const bool first = !m_started;
        m_started = true;
        const qint64 sequence = liveStartSequence();
        restartAt(sequence);
        if (!first) {
            ++m_resyncs;
            Q_EMIT resynchronised(m_timeline.value(sequence).start);
        }
        return;
    }
    fetchNextSegment();
}

void HlsSession::extendTimeline(const MediaPlaylist &playlist, bool restart)
{
    if (restart) {
        // Keep stream time moving forward across a restarted stream.
        const double anchor = m_timeline.isEmpty() ? 0.0 : liveEdgeSeconds();
        m_timeline.clear();
        double start = anchor;
        for (const MediaSegment &segment : playlist.segments) {
            m_timeline.insert(segment.sequenceNumber, {start, segment.duration});
            start += segment.duration;
        }
        return;
    }
    for (const MediaSegment &segment : playlist.segments) {
        if (m_timeline.contains(segment.sequenceNumber))
            continue;
        m_timeline.insert(segment.sequenceNumber, {liveEdgeSeconds(), segment.duration});
    }
    // Forget what slid out of the window long ago.
    if (!playlist.segments.isEmpty()) {
        const qint64 oldest = playlist.segments.first().sequenceNumber - 64;
        while (!m_timeline.isEmpty() && m_timeline.firstKey() < oldest)
            m_timeline.erase(m_timeline.begin());
    }
}

qint64 HlsSession::liveStartSequence() const
{
    const MediaPlaylist &reference = m_mediaPlaylists.first();
    const QList<MediaSegment> &segments = reference.segments;
    const double windowStart = m_timeline.value(segments.first().sequenceNumber).start;
    double wanted = 0.0;
    if (reference.start)
        wanted = reference.start->timeOffset < 0.0 ? liveEdgeSeconds() + reference.start->timeOffset
                                                    : windowStart + reference.start->timeOffset;
    else
        wanted = liveEdgeSeconds() - std::max(3.0 * reference.targetDuration, targetLatency());
    qint64 sequence = segments.first().sequenceNumber;
    for (const MediaSegment &segment : segments) {
        if (m_timeline.value(segment.sequenceNumber).start <= wanted + 1e-6)
            sequence = segment.sequenceNumber;
    }
    return sequence;
}

const MediaSegment *HlsSession::segmentAt(int rung, qint64 sequence) const
{
    const QList<MediaSegment> &segments = m_mediaPlaylists.at(rung).segments;
    if (segments.isEmpty())
        return nullptr;
    const qint64 index = sequence - segments.first().sequenceNumber;
    if (index < 0 || index >= segments.size() || segments.at(index).sequenceNumber != sequence)
        return nullptr;
    return &segments.at(index);
}

void HlsSession::restartAt(qint64 sequence)
{
    m_segmentLoader->abort();
    m_keyLoader->abort();
    m_segmentRequest = 0;
    m_keyRequest = 0;
    m_fetching = false;
    m_forceLowest = false;
    m_waitForReload = false;
    m_nextSequence = sequence;
    const double start = m_timeline.value(sequence).start;
    m_positionSeconds = start;
    m_queuedSeconds = start;
    Q_EMIT feedRestarted(start);
    fetchNextSegment();
}

void HlsSession::fetchNextSegment()
{
    if (m_fetching || m_done || !m_started || m_pendingResync || m_waitForReload || m_mediaPlaylists.isEmpty())
        return;
    const MediaPlaylist &reference = m_mediaPlaylists.first();
    if (reference.segments.isEmpty() || m_nextSequence > reference.segments.last().sequenceNumber) {
        if (!m_live || reference.endList) {
            m_done = true;
            m_reloadTimer->stop();
            Q_EMIT finished();
        }
        return; // live: the next reload brings more
    }
    if (bufferSeconds() >= m_maximumBufferSeconds)
        return; // resumed by setPlaybackPosition()

    const Timing timing = m_timeline.value(m_nextSequence);
    AbrContext context;
    for (const VariantStream &variant : std::as_const(m_variants))
        context.bitratesKbps.append(double(variant.averageBandwidth.value_or(variant.bandwidth)) / 1000.0);
    context.segmentDurationSeconds = timing.duration;
    context.bufferSeconds = std::max(0.0, bufferSeconds());
    context.bufferCapacitySeconds = m_maximumBufferSeconds;
    context.lastRung = m_lastRung;
    context.segmentIndex = m_deliveredCount;
    context.segmentsRemaining = m_live ? -1 : int(reference.segments.last().sequenceNumber - m_nextSequence + 1);
    int rung = m_forceLowest ? 0 : std::clamp(m_selector.decide(context).rung, 0, int(m_variants.size()) - 1);
    const MediaSegment *segment = nullptr;
    for (; rung >= 0 && !segment; --rung) // a live rung whose playlist lags: take a lower one
        segment = segmentAt(rung, m_nextSequence);
    if (!segment)
        return;
    m_currentRung = rung + 1;
    m_segment = *segment;
    // Abandon only what would outlast the buffer, and never the lowest rung.
    // Keep half a segment of margin so the fallback to the lowest rung still arrives in time.
    const double deadline = context.bufferSeconds - 0.5 * timing.duration;
    const double abandonAfter = m_currentRung > 0 && deadline > timing.duration ? deadline : 0.0;
    m_fetching = true;
    m_segmentRequest = m_segmentLoader->load(m_segment.uri, m_segment.byteRange, abandonAfter);
}

void HlsSession::onSegmentLoaded(const QByteArray &data, double seconds)
{
    m_selector.recordDownload(seconds, double(data.size()), 8.0 * double(data.size()));
    m_lastSegmentSeconds = seconds;
    if (m_segment.key.method == SegmentKey::Method::Aes128) {
        if (!m_keys.contains(m_segment.key.uri)) {
            m_pendingCipher = data;
            m_keyRequest = m_keyLoader->load(m_segment.key.uri);
            return;
        }
    } else if (m_segment.key.method == SegmentKey::Method::SampleAes) {
        return fail(tr("SAMPLE-AES segments are not supported"));
    }
    deliver(data);
}

void HlsSession::deliver(const QByteArray &data)
{
    QByteArray payload = data;
    if (m_segment.key.method == SegmentKey::Method::Aes128) {
        Aes128Decryptor decryptor;
        const QByteArray iv = m_segment.key.iv.value_or(Aes128Decryptor::ivForSequence(m_segment.sequenceNumber));
        const std::optional<QByteArray> plain = decryptor.decrypt(data, m_keys.value(m_segment.key.uri), iv);
        if (!plain)
            return fail(tr("%1: %2").arg(m_segment.uri.toDisplayString(), decryptor.errorString()));
        payload = *plain;
    }
    const Timing timing = m_timeline.value(m_nextSequence);
    m_fetching = false;
    m_forceLowest = false;
    m_lastRung = m_currentRung;
    m_chosenRungs.append(m_currentRung);
    m_queuedSeconds = timing.start + timing.duration;
    ++m_nextSequence;
    const int index = m_deliveredCount++;
    Q_EMIT segmentReady(index, m_currentRung, payload);
    fetchNextSegment();
}

void HlsSession::onSegmentFailed(const QString &message, bool abandoned)
{
    m_fetching = false;
    if (abandoned && m_currentRung > 0) {
        m_forceLowest = true;
        fetchNextSegment();
        return;
    }
    if (m_live) { // maybe slid out of the window: the next reload resynchronises
        m_waitForReload = true;
        return;
    }
    fail(message);
}

void HlsSession::updateSpeed()
{
    if (!m_live)
        return;
    const double latency = liveLatency();
    const double targetDuration = m_mediaPlaylists.first().targetDuration;
    if (latency > targetLatency() + std::max(latencyTolerance(), targetDuration) + 3.0 * targetDuration
        && !m_pendingResync && !m_mediaPlaylists.first().segments.isEmpty()) {
        // Too far behind to catch up by speed (a stalled network or playlist): jump.
        const qint64 sequence = liveStartSequence();
        ++m_resyncs;
        restartAt(sequence);
        Q_EMIT resynchronised(m_timeline.value(sequence).start);
        return;
    }
    double speed = m_speed;
    if (latency > targetLatency() + latencyTolerance())
        speed = CatchUpSpeed;
    else if (latency <= targetLatency())
        speed = 1.0;
    if (speed != m_speed) {
        m_speed = speed;
        Q_EMIT speedRecommended(speed);
    }
}

} // namespace Kinora::Player
