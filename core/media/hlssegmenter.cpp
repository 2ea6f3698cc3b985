#include "core/media/hlssegmenter.h"

#include "core/media/ffmpegerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

extern "C" {
#include <libavutil/opt.h>
}

namespace Kinora::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HlsSegmenter", text);
}

double seconds(int64_t ts, AVRational base)
{
    return ts == AV_NOPTS_VALUE ? 0.0 : ts * av_q2d(base);
}

} // namespace

QString HlsSegmenter::segmentPath(int index) const
{
    return m_directory + QStringLiteral("/seg_%1.ts").arg(index, 5, 10, QLatin1Char('0'));
}

bool HlsSegmenter::open(const QString &directory, const AVCodecContext *video, const AVCodecContext *audio,
                        double segmentSeconds, QString *error)
{
    m_directory = directory;
    m_segmentSeconds = segmentSeconds;
    if (!QDir().mkpath(directory)) {
        *error = tr("%1: the folder cannot be created").arg(QDir::toNativeSeparators(directory));
        return false;
    }
    AVFormatContext *raw = nullptr;
    int ret = avformat_alloc_output_context2(&raw, nullptr, "mpegts", nullptr);
    if (ret < 0 || !raw) {
        *error = FfmpegError::format(directory, -1, tr("creating the MPEG-TS muxer"), ret);
        return false;
    }
    m_context.reset(raw);
    // Timestamps start a fixed 1.4 s in (as the ffmpeg tool does), so B-frame decode
    // times before zero need no shifting that could differ between renditions.
    m_context->max_delay = 700000;
    m_context->avoid_negative_ts = AVFMT_AVOID_NEG_TS_DISABLED;

    auto addStream = [&](const AVCodecContext *encoder, int *index, AVRational *base) {
        AVStream *stream = avformat_new_stream(m_context.get(), nullptr);
        if (!stream)
            return AVERROR(ENOMEM);
        const int r = avcodec_parameters_from_context(stream->codecpar, encoder);
        if (r < 0)
            return r;
        stream->time_base = AVRational{1, 90000};
        *index = stream->index;
        *base = encoder->time_base;
        return 0;
    };
    if (video && (ret = addStream(video, &m_videoIndex, &m_videoBase)) < 0) {
        *error = FfmpegError::format(directory, 0, tr("adding the video stream to the muxer"), ret);
        return false;
    }
    if (audio && (ret = addStream(audio, &m_audioIndex, &m_audioBase)) < 0) {
        *error = FfmpegError::format(directory, m_videoIndex + 1, tr("adding the audio stream to the muxer"), ret);
        return false;
    }
    if (!startSegment(0.0, error))
        return false;
    AVDictionary *options = nullptr;
    av_dict_set(&options, "mpegts_flags", "+resend_headers", 0);
    ret = avformat_write_header(m_context.get(), &options);
    av_dict_free(&options);
    if (ret < 0) {
        *error = FfmpegError::format(segmentPath(0), -1, tr("writing the MPEG-TS header"), ret);
        return false;
    }
    return true;
}

bool HlsSegmenter::startSegment(double startSeconds, QString *error)
{
    const int index = int(m_segments.size());
    const QString path = segmentPath(index);
    const int ret = avio_open(&m_context->pb, QFile::encodeName(path).constData(), AVIO_FLAG_WRITE);
    if (ret < 0) {
        *error = FfmpegError::format(path, -1, tr("creating the segment"), ret);
        return false;
    }
    HlsSegment segment;
    segment.fileName = QFileInfo(path).fileName();
    segment.startSeconds = startSeconds;
    m_segments.append(segment);
    m_segmentOpen = true;
    m_segmentHasData = false;
    m_nextBoundary = (index + 1) * m_segmentSeconds;
    if (index > 0)   // repeat PAT/PMT so the segment decodes on its own
        av_opt_set(m_context->priv_data, "mpegts_flags", "+resend_headers", 0);
    return true;
}

bool HlsSegmenter::closeSegment(double endSeconds, bool flushMuxer, QString *error)
{
    // Drain the muxer's buffered PES data into the current file before it is closed.
    int ret = flushMuxer ? av_write_frame(m_context.get(), nullptr) : 0;
    if (ret < 0) {
        *error = FfmpegError::format(segmentPath(int(m_segments.size()) - 1), -1, tr("flushing the segment"), ret);
        return false;
    }
    avio_flush(m_context->pb);
    const int64_t size = avio_size(m_context->pb);
    ret = avio_closep(&m_context->pb);
    if (ret < 0) {
        *error = FfmpegError::format(segmentPath(int(m_segments.size()) - 1), -1, tr("closing the segment"), ret);
        return false;
    }
    HlsSegment &segment = m_segments.last();
    segment.bytes = size > 0 ? size : QFileInfo(segmentPath(int(m_segments.size()) - 1)).size();
    segment.durationSeconds = std::max(0.0, endSeconds - segment.startSeconds);
    m_segmentOpen = false;
    return true;
}

bool HlsSegmenter::mux(AVPacket *packet, int streamIndex, AVRational sourceBase, QString *error)
{
    packet->stream_index = streamIndex;
    av_packet_rescale_ts(packet, sourceBase, m_context->streams[streamIndex]->time_base);
    const int ret = av_write_frame(m_context.get(), packet);
    if (ret < 0) {
        *error = FfmpegError::format(segmentPath(int(m_segments.size()) - 1), streamIndex, tr("writing a packet"), ret);
        return false;
    }
    m_segmentHasData = true;
    return true;
}

bool HlsSegmenter::writeQueuedAudio(const AVPacket *before, AVRational beforeBase, QString *error)
{
    while (!m_pendingAudio.empty()) {
        AVPacket *audio = m_pendingAudio.front().get();
        if (before && av_compare_ts(audio->pts, m_audioBase, before->pts, beforeBase) >= 0)
            break;
        PacketPtr owned = std::move(m_pendingAudio.front());
        m_pendingAudio.pop_front();
        if (!mux(owned.get(), m_audioIndex, m_audioBase, error))
            return false;
    }
    return true;
}

bool HlsSegmenter::writeVideo(const AVPacket *packet, QString *error)
{
    PacketPtr copy(av_packet_clone(packet));
    if (!copy) {
        *error = tr("%1: out of memory").arg(m_directory);
        return false;
    }
    const double start = seconds(copy->pts, m_videoBase);
    const bool boundary = (copy->flags & AV_PKT_FLAG_KEY) && m_segmentHasData && start >= m_nextBoundary - 1e-3;
    if (!writeQueuedAudio(copy.get(), m_videoBase, error))
        return false;
    if (boundary) {
        if (!closeSegment(start, true, error) || !startSegment(start, error))
            return false;
        m_nextBoundary = (std::floor(start / m_segmentSeconds + 1e-6) + 1) * m_segmentSeconds;
    }
    m_endSeconds = std::max(m_endSeconds, seconds(copy->pts + std::max<int64_t>(copy->duration, 1), m_videoBase));
    return mux(copy.get(), m_videoIndex, m_videoBase, error);
}

bool HlsSegmenter::writeAudio(const AVPacket *packet, QString *error)
{
    PacketPtr copy(av_packet_clone(packet));
    if (!copy) {
        *error = tr("%1: out of memory").arg(m_directory);
        return false;
    }
    if (m_videoIndex >= 0) {
        m_pendingAudio.push_back(std::move(copy));
        return true;
    }
    // Audio-only: every AAC packet is a sync point, cut on time alone.
    const double start = seconds(copy->pts, m_audioBase);
    if (m_segmentHasData && start >= m_nextBoundary - 1e-3) {
        if (!closeSegment(start, true, error) || !startSegment(start, error))
            return false;
    }
    m_endSeconds = std::max(m_endSeconds, seconds(copy->pts + copy->duration, m_audioBase));
    return mux(copy.get(), m_audioIndex, m_audioBase, error);
}

bool HlsSegmenter::finish(QString *error)
{
    if (!m_context)
        return true;
    if (!writeQueuedAudio(nullptr, m_videoBase, error))
        return false;
    // The trailer flushes the last PES packets into the open segment, which is then closed.
    const int ret = av_write_trailer(m_context.get());
    if (ret < 0) {
        *error = FfmpegError::format(m_directory, -1, tr("finishing the MPEG-TS stream"), ret);
        return false;
    }
    if (m_segmentOpen && !closeSegment(m_endSeconds, false, error))
        return false;
    m_context.reset();
    return true;
}

} // namespace Kinora::Core
