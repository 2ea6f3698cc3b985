#include "core/media/transcodejob.h"

#include "core/media/ffmpegerror.h"
#include "core/media/hlsplaylistwriter.h"
#include "core/media/ladderplanner.h"
#include "core/media/mediaprobe.h"

#include <QCoreApplication>
#include <QDir>

#include <cmath>

namespace Kinora::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TranscodeJob", text);
}

constexpr int kMaxWarnings = 20;
constexpr auto kProgressInterval = std::chrono::milliseconds(400);
constexpr auto kQueueWait = std::chrono::milliseconds(100);

} // namespace

TranscodeJob::TranscodeJob(const QString &input, const QString &workDirectory, const TranscodeSettings &settings,
                           const std::atomic_bool *cancelled)
    : m_input(input)
    , m_workDirectory(workDirectory)
    , m_settings(settings)
    , m_cancelled(cancelled)
{
    m_interrupt.setCancelFlag(cancelled);
}

TranscodeJob::~TranscodeJob()
{
    for (auto &rendition : m_renditions)
        rendition->queue().abort();
    m_renditions.clear();   // joins the threads before the decoders go away
}

bool TranscodeJob::wasCancelled() const
{
    return m_cancelled && m_cancelled->load();
}

bool TranscodeJob::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = wasCancelled() ? tr("cancelled") : message;
    return false;
}

void TranscodeJob::warn(const QString &message)
{
    ++m_warnings;
    if (!m_onWarning || m_warnings > kMaxWarnings)
        return;
    m_onWarning(m_warnings == kMaxWarnings ? tr("%1 (further warnings are not shown)").arg(message) : message);
}

bool TranscodeJob::run()
{
    m_started = std::chrono::steady_clock::now();
    m_lastProgress = m_started;
    if (!openInput() || !openDecoders())
        return false;
    reportProgress(true);
    if (!m_plan.hasVideo && !openEncoders(0, 0, AV_PIX_FMT_NONE))
        return false;
    if (!decodeAll() || !finishEncoders() || !writeOutputs())
        return false;
    reportProgress(true);
    return true;
}

bool TranscodeJob::openInput()
{
    MediaProbe probe(m_settings.limits);
    m_format = probe.open(m_input, &m_interrupt);
    if (!m_format)
        return fail(probe.errorString());
    const std::optional<MediaInfo> info = probe.describe(m_format.get(), m_input);
    if (!info)
        return fail(probe.errorString());
    m_info = *info;
    LadderPlanner planner(m_settings.ladder);
    const std::optional<LadderPlan> plan = planner.plan(m_info);
    if (!plan)
        return fail(planner.errorString());
    m_plan = *plan;
    for (const QString &note : std::as_const(m_plan.notes))
        warn(note);
    // Only the chosen streams are demuxed.
    for (unsigned i = 0; i < m_format->nb_streams; ++i) {
        if (int(i) != m_plan.videoStream && int(i) != m_plan.audioStream)
            m_format->streams[i]->discard = AVDISCARD_ALL;
    }
    return true;
}

bool TranscodeJob::openDecoders()
{
    auto openDecoder = [this](int index, CodecContextPtr *out) {
        AVStream *stream = m_format->streams[index];
        const AVCodec *codec = avcodec_find_decoder(stream->codecpar->codec_id);
        if (!codec)
            return fail(tr("%1: stream %2: no decoder for %3").arg(m_input).arg(index)
                            .arg(QString::fromUtf8(avcodec_get_name(stream->codecpar->codec_id))));
        CodecContextPtr context(avcodec_alloc_context3(codec));
        if (!context)
            return fail(tr("out of memory"));
        int ret = avcodec_parameters_to_context(context.get(), stream->codecpar);
        if (ret >= 0) {
            context->pkt_timebase = stream->time_base;
            context->thread_count = 0;
            ret = avcodec_open2(context.get(), codec, nullptr);
        }
        if (ret < 0)
            return fail(FfmpegError::format(m_input, index, tr("opening the %1 decoder").arg(QString::fromUtf8(codec->name)), ret));
        *out = std::move(context);
        return true;
    };
    if (m_plan.hasVideo) {
        if (!openDecoder(m_plan.videoStream, &m_videoDecoder))
            return false;
        const AVStream *stream = m_format->streams[m_plan.videoStream];
        m_videoOrigin = stream->start_time != AV_NOPTS_VALUE ? stream->start_time : 0;
        m_originSeconds = m_videoOrigin * av_q2d(stream->time_base);
    } else if (m_plan.hasAudio) {
        const AVStream *stream = m_format->streams[m_plan.audioStream];
        m_originSeconds = stream->start_time != AV_NOPTS_VALUE ? stream->start_time * av_q2d(stream->time_base) : 0.0;
    }
    if (m_plan.hasAudio) {
        if (!openDecoder(m_plan.audioStream, &m_audioDecoder))
            return false;
        QString error;
        if (!m_audioEncoder.open(m_audioDecoder.get(), m_plan, &error))
            return fail(tr("%1: %2").arg(m_input, error));
    }
    return true;
}

bool TranscodeJob::openEncoders(int sourceWidth, int sourceHeight, AVPixelFormat format)
{
    for (const Rendition &rendition : std::as_const(m_plan.renditions)) {
        auto encoder = std::make_unique<RenditionEncoder>(rendition, m_plan, m_settings,
                                                          m_workDirectory + QLatin1Char('/') + rendition.name);
        QString error;
        if (!encoder->open(sourceWidth, sourceHeight, format, m_plan.hasAudio ? m_audioEncoder.context() : nullptr, &error))
            return fail(error);
        if (!encoder->note().isEmpty() && m_renditions.empty())
            warn(encoder->note());
        m_renditions.push_back(std::move(encoder));
    }
    for (auto &encoder : m_renditions)
        encoder->start();
    m_encodersStarted = true;
    for (PacketPtr &packet : m_earlyAudio)
        dispatchAudio(std::move(packet));
    m_earlyAudio.clear();
    return true;
}

bool TranscodeJob::decodeAll()
{
    PacketPtr packet = makePacket();
    for (;;) {
        if (wasCancelled())
            return fail(tr("cancelled"));
        reportProgress(false);
        const int ret = av_read_frame(m_format.get(), packet.get());
        if (ret == AVERROR_EOF)
            break;
        if (ret == AVERROR_EXIT || wasCancelled())
            return fail(tr("cancelled"));
        if (ret == AVERROR(EAGAIN))
            continue;
        if (ret < 0) {
            if (m_format->pb && avio_feof(m_format->pb)) {
                warn(tr("%1: the file ends early (%2); the output stops there.").arg(m_input, FfmpegError::describe(ret)));
                break;
            }
            warn(FfmpegError::format(m_input, -1, tr("reading"), ret));
            if (++m_corrupt > m_settings.maxCorruptPackets)
                return fail(tr("%1: too many read errors; giving up").arg(m_input));
            continue;
        }
        bool ok = true;
        if (packet->stream_index == m_plan.videoStream)
            ok = decodePacket(m_videoDecoder.get(), packet.get(), true);
        else if (packet->stream_index == m_plan.audioStream)
            ok = decodePacket(m_audioDecoder.get(), packet.get(), false);
        av_packet_unref(packet.get());
        if (!ok)
            return false;
    }
    if (m_videoDecoder && !decodePacket(m_videoDecoder.get(), nullptr, true))
        return false;
    if (m_audioDecoder && !decodePacket(m_audioDecoder.get(), nullptr, false))
        return false;

    QString error;
    if (m_plan.hasVideo) {
        if (!m_normalizer.isOpen())
            return fail(tr("%1: stream %2: no picture could be decoded").arg(m_input).arg(m_plan.videoStream));
        // On the same time line as the pictures pushed: relative to the video origin.
        const int64_t end = m_lastVideoPts + std::max<int64_t>(1, m_lastVideoDuration) - m_videoOrigin;
        if (!m_normalizer.finish(end, [this](FramePtr frame) { return handleNormalizedFrame(std::move(frame)); }, &error))
            return fail(error);
    }
    if (m_plan.hasAudio
        && !m_audioEncoder.finish([this](PacketPtr packet) { dispatchAudio(std::move(packet)); }, &error))
        return fail(tr("%1: %2").arg(m_input, error));
    return true;
}

bool TranscodeJob::decodePacket(AVCodecContext *decoder, const AVPacket *packet, bool video)
{
    const int stream = video ? m_plan.videoStream : m_plan.audioStream;
    int ret = avcodec_send_packet(decoder, packet);
    if (ret == AVERROR_INVALIDDATA || (ret < 0 && ret != AVERROR(EAGAIN) && ret != AVERROR_EOF && packet)) {
        warn(tr("%1: stream %2: a damaged packet at %3 s was skipped (%4)")
                 .arg(m_input).arg(stream)
                 .arg(packet && packet->pts != AV_NOPTS_VALUE
                          ? packet->pts * av_q2d(m_format->streams[stream]->time_base) : 0.0, 0, 'f', 2)
                 .arg(FfmpegError::describe(ret)));
        if (++m_corrupt > m_settings.maxCorruptPackets)
            return fail(tr("%1: stream %2: too many damaged packets; giving up").arg(m_input).arg(stream));
        return true;
    }
    if (ret < 0 && ret != AVERROR_EOF)
        return fail(FfmpegError::format(m_input, stream, tr("decoding"), ret));
    FramePtr frame = makeFrame();
    for (;;) {
        ret = avcodec_receive_frame(decoder, frame.get());
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
            return true;
        if (ret == AVERROR_INVALIDDATA) {
            warn(tr("%1: stream %2: a damaged frame was skipped").arg(m_input).arg(stream));
            if (++m_corrupt > m_settings.maxCorruptPackets)
                return fail(tr("%1: stream %2: too many damaged frames; giving up").arg(m_input).arg(stream));
            continue;
        }
        if (ret < 0)
            return fail(FfmpegError::format(m_input, stream, tr("decoding"), ret));
        const bool ok = video ? handleVideoFrame(frame.get()) : handleAudioFrame(frame.get());
        av_frame_unref(frame.get());
        if (!ok)
            return false;
    }
}

bool TranscodeJob::handleVideoFrame(AVFrame *frame)
{
    if ((frame->flags & AV_FRAME_FLAG_CORRUPT) || frame->decode_error_flags) {
        warn(tr("%1: stream %2: a corrupt picture was skipped").arg(m_input).arg(m_plan.videoStream));
        ++m_corrupt;
        return true;
    }
    int64_t pts = frame->best_effort_timestamp;
    if (pts == AV_NOPTS_VALUE)
        pts = m_lastVideoPts == AV_NOPTS_VALUE ? m_videoOrigin : m_lastVideoPts + std::max<int64_t>(1, m_lastVideoDuration);
    if (m_lastVideoPts != AV_NOPTS_VALUE && pts <= m_lastVideoPts)
        return true;   // out-of-order or repeated timestamp: the constant-rate output has this time covered
    if (m_lastVideoPts != AV_NOPTS_VALUE)
        m_lastVideoDuration = pts - m_lastVideoPts;
    if (frame->pkt_duration > 0)
        m_lastVideoDuration = frame->pkt_duration;
    m_lastVideoPts = pts;
    frame->pts = pts - m_videoOrigin;
    QString error;
    if (!m_normalizer.isOpen()) {
        if (!m_normalizer.open(frame, m_format->streams[m_plan.videoStream]->time_base, m_plan, &error))
            return fail(tr("%1: stream %2: %3").arg(m_input).arg(m_plan.videoStream).arg(error));
        if (!openEncoders(m_normalizer.width(), m_normalizer.height(), m_normalizer.format()))
            return false;
        m_thumbnails = std::make_unique<ThumbnailSelector>(m_info.durationSeconds, m_settings.thumbnailCount,
                                                           m_settings.thumbnailWidth);
        m_storyboard = std::make_unique<StoryboardBuilder>(m_info.durationSeconds, m_settings.storyboardIntervalSeconds,
                                                           m_settings.storyboardTileWidth, m_settings.storyboardColumns,
                                                           m_settings.storyboardRows, m_normalizer.width(),
                                                           m_normalizer.height());
    } else if (frame->width != m_normalizer.inputWidth() || frame->height != m_normalizer.inputHeight()) {
        warn(tr("%1: stream %2: the picture size changed to %3x%4 mid-stream; those pictures are skipped")
                 .arg(m_input).arg(m_plan.videoStream).arg(frame->width).arg(frame->height));
    }
    frame->pts = pts - m_videoOrigin;
    if (!m_normalizer.push(frame, [this](FramePtr out) { return handleNormalizedFrame(std::move(out)); }, &error))
        return fail(tr("%1: stream %2: %3").arg(m_input).arg(m_plan.videoStream).arg(error));
    return true;
}

bool TranscodeJob::handleNormalizedFrame(FramePtr frame)
{
    const double seconds = frame->pts / m_plan.frameRate();
    QString error;
    if (m_thumbnails && m_thumbnails->wants(seconds))
        m_thumbnails->offer(frame.get(), seconds);
    if (m_storyboard && m_storyboard->wants(seconds) && !m_storyboard->add(frame.get(), &error))
        return fail(error);
    ++m_framesOut;
    return dispatchFrame(frame.get());
}

bool TranscodeJob::dispatchFrame(const AVFrame *frame)
{
    for (auto &rendition : m_renditions) {
        if (!rendition->rendition().hasVideo)
            continue;
        FramePtr copy(av_frame_clone(frame));
        if (!copy)
            return fail(tr("out of memory"));
        while (!rendition->queue().pushFrame(copy, kQueueWait)) {
            if (wasCancelled())
                return fail(tr("cancelled"));
            if (rendition->isDone())   // the encoder stopped on an error; join() reports it
                break;
            reportProgress(false);
        }
    }
    return true;
}

bool TranscodeJob::handleAudioFrame(AVFrame *frame)
{
    const AVStream *stream = m_format->streams[m_plan.audioStream];
    int64_t position = 0;
    if (frame->best_effort_timestamp != AV_NOPTS_VALUE) {
        const double seconds = frame->best_effort_timestamp * av_q2d(stream->time_base) - m_originSeconds;
        position = int64_t(std::llround(seconds * m_plan.audioSampleRate));
    }
    QString error;
    if (!m_audioEncoder.push(frame, position, [this](PacketPtr packet) { dispatchAudio(std::move(packet)); }, &error))
        return fail(tr("%1: stream %2: %3").arg(m_input).arg(m_plan.audioStream).arg(error));
    return true;
}

void TranscodeJob::dispatchAudio(PacketPtr packet)
{
    if (!m_encodersStarted) {
        m_earlyAudio.push_back(std::move(packet));
        return;
    }
    for (auto &rendition : m_renditions) {
        if (rendition->rendition().hasAudio)
            rendition->queue().pushAudio(PacketPtr(av_packet_clone(packet.get())));
    }
}

bool TranscodeJob::finishEncoders()
{
    for (auto &rendition : m_renditions)
        rendition->queue().pushEnd();
    // Wait for the encoders to drain while still reporting progress and honouring cancel.
    for (;;) {
        bool allDone = true;
        for (auto &rendition : m_renditions)
            allDone = allDone && rendition->isDone();
        if (allDone)
            break;
        if (wasCancelled()) {
            for (auto &rendition : m_renditions)
                rendition->queue().abort();
            return fail(tr("cancelled"));
        }
        reportProgress(false);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    for (auto &rendition : m_renditions) {
        QString error;
        if (!rendition->join(&error))
            return fail(error);
    }
    return true;
}

bool TranscodeJob::writeOutputs()
{
    const QList<HlsSegment> *reference = nullptr;
    for (auto &encoder : m_renditions) {
        const Rendition &rendition = encoder->rendition();
        if (encoder->segments().isEmpty())
            return fail(tr("%1: the %2 rendition has no segment").arg(m_input, rendition.name));
        if (rendition.hasVideo) {
            // Players switch renditions at segment boundaries: they must be the same everywhere.
            if (reference && reference->size() != encoder->segments().size())
                return fail(tr("%1: the %2 rendition is cut differently from the others").arg(m_input, rendition.name));
            reference = &encoder->segments();
        }
        const QString error = HlsPlaylistWriter::writeFile(
            m_workDirectory + QLatin1Char('/') + rendition.name + QStringLiteral("/index.m3u8"),
            HlsPlaylistWriter::mediaPlaylist(encoder->segments()));
        if (!error.isEmpty())
            return fail(error);
        HlsVariant variant;
        variant.name = rendition.name;
        variant.segments = encoder->segments();
        QStringList codecs;
        if (rendition.hasVideo) {
            variant.width = rendition.width;
            variant.height = rendition.height;
            variant.frameRate = m_plan.frameRate();
            codecs << (encoder->videoCodecString().isEmpty() ? QStringLiteral("avc1.640028") : encoder->videoCodecString());
        }
        if (rendition.hasAudio)
            codecs << QStringLiteral("mp4a.40.2");
        variant.codecs = codecs.join(QLatin1Char(','));
        m_variants.append(variant);
    }
    QString error = HlsPlaylistWriter::writeFile(m_workDirectory + QStringLiteral("/master.m3u8"),
                                                 HlsPlaylistWriter::masterPlaylist(m_variants));
    if (!error.isEmpty())
        return fail(error);
    if (m_plan.hasVideo) {
        const QString thumbs = m_workDirectory + QStringLiteral("/thumbs");
        const QString storyboard = m_workDirectory + QStringLiteral("/storyboard");
        if (!QDir().mkpath(thumbs) || !QDir().mkpath(storyboard))
            return fail(tr("%1: the thumbnail folders cannot be created").arg(QDir::toNativeSeparators(m_workDirectory)));
        QStringList written;
        if (m_thumbnails && !(error = m_thumbnails->write(thumbs, &written)).isEmpty())
            return fail(error);
        const double duration = double(m_framesOut) / m_plan.frameRate();
        if (m_storyboard && !(error = m_storyboard->write(storyboard, duration)).isEmpty())
            return fail(error);
    }
    return true;
}

void TranscodeJob::reportProgress(bool force)
{
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - m_lastProgress < kProgressInterval)
        return;
    m_lastProgress = now;
    if (!m_onProgress)
        return;
    TranscodeProgress progress;
    progress.durationSeconds = m_info.durationSeconds;
    double position = -1.0;
    qint64 frames = -1;
    for (auto &rendition : m_renditions) {
        double seconds = 0.0;
        if (rendition->rendition().hasVideo) {
            const qint64 done = rendition->framesEncoded();
            frames = frames < 0 ? done : std::min(frames, done);
            seconds = done / m_plan.frameRate();
        } else {
            seconds = rendition->audioSecondsMuxed();
        }
        position = position < 0 ? seconds : std::min(position, seconds);
        RenditionProgress rung;
        rung.name = rendition->rendition().name;
        rung.positionSeconds = seconds;
        if (m_info.durationSeconds > 0.0)
            rung.percent = std::clamp(100.0 * seconds / m_info.durationSeconds, 0.0, 100.0);
        progress.renditions.append(rung);
    }
    progress.positionSeconds = std::max(0.0, position);
    const double elapsed = std::chrono::duration<double>(now - m_started).count();
    if (elapsed > 0.0) {
        progress.fps = frames > 0 ? frames / elapsed : 0.0;
        progress.speed = progress.positionSeconds / elapsed;
    }
    if (progress.durationSeconds > 0.0) {
        progress.percent = std::clamp(100.0 * progress.positionSeconds / progress.durationSeconds, 0.0, 100.0);
        if (progress.speed > 0.0)
            progress.etaSeconds = std::max(0.0, (progress.durationSeconds - progress.positionSeconds) / progress.speed);
    }
    m_onProgress(progress);
}

} // namespace Kinora::Core
