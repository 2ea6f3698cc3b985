#include "core/media/testpatternwriter.h"

#include "core/media/ffmpegerror.h"

extern "C" {
#include <libavutil/opt.h>
}

#include <QDir>
#include <QFile>

#include <cmath>
#include <utility>

namespace Kinora::Core {

TestPatternWriter::TestPatternWriter(TestPatternSpec spec)
    : m_spec(std::move(spec))
{
}

bool TestPatternWriter::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
    return false;
}

bool TestPatternWriter::ffmpegFailed(int stream, const QString &what, int code)
{
    return fail(FfmpegError::format(QDir::toNativeSeparators(m_path), stream, what, code));
}

bool TestPatternWriter::write(const QString &path)
{
    m_path = path;
    m_error.clear();
    if (m_spec.durationSeconds <= 0)
        return fail(tr("%1: a test pattern written to a file needs a duration").arg(QDir::toNativeSeparators(path)));

    const QByteArray encodedPath = QFile::encodeName(path);
    AVFormatContext *rawOutput = nullptr;
    int ret = avformat_alloc_output_context2(&rawOutput, nullptr, nullptr, encodedPath.constData());
    if (ret < 0 || !rawOutput)
        return ffmpegFailed(-1, tr("choosing a container from the file name"), ret < 0 ? ret : AVERROR_MUXER_NOT_FOUND);
    OutputFormatContextPtr output(rawOutput);
    const bool globalHeader = output->oformat->flags & AVFMT_GLOBALHEADER;

    // Video: libx264, every 2 s a key frame so the transcoder can cut anywhere it likes.
    const AVCodec *videoCodec = avcodec_find_encoder_by_name("libx264");
    if (!videoCodec)
        return fail(tr("%1: the libx264 encoder is not available in this FFmpeg build").arg(QDir::toNativeSeparators(path)));
    CodecContextPtr video(avcodec_alloc_context3(videoCodec));
    if (!video)
        return fail(tr("out of memory"));
    video->width = m_spec.width;
    video->height = m_spec.height;
    video->pix_fmt = AV_PIX_FMT_YUV420P;
    video->framerate = m_spec.frameRate;
    video->time_base = av_inv_q(m_spec.frameRate);
    video->gop_size = std::max(1, int(std::lround(2.0 * av_q2d(m_spec.frameRate))));
    video->sample_aspect_ratio = AVRational{1, 1};
    if (globalHeader)
        video->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    av_opt_set(video->priv_data, "preset", "ultrafast", 0);
    av_opt_set_double(video->priv_data, "crf", m_crf, 0);
    if ((ret = avcodec_open2(video.get(), videoCodec, nullptr)) < 0)
        return ffmpegFailed(0, tr("opening the libx264 encoder"), ret);

    const AVCodec *audioCodec = avcodec_find_encoder(AV_CODEC_ID_AAC);
    if (!audioCodec)
        return fail(tr("%1: no AAC encoder is available in this FFmpeg build").arg(QDir::toNativeSeparators(path)));
    CodecContextPtr audio(avcodec_alloc_context3(audioCodec));
    if (!audio)
        return fail(tr("out of memory"));
    audio->sample_fmt = AV_SAMPLE_FMT_FLTP;
    audio->sample_rate = m_spec.sampleRate;
    av_channel_layout_default(&audio->ch_layout, m_spec.channels);
    audio->bit_rate = 64000 * m_spec.channels;
    audio->time_base = AVRational{1, m_spec.sampleRate};
    if (globalHeader)
        audio->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if ((ret = avcodec_open2(audio.get(), audioCodec, nullptr)) < 0)
        return ffmpegFailed(1, tr("opening the AAC encoder"), ret);

    AVStream *videoStream = avformat_new_stream(output.get(), nullptr);
    AVStream *audioStream = avformat_new_stream(output.get(), nullptr);
    if (!videoStream || !audioStream)
        return fail(tr("out of memory"));
    if ((ret = avcodec_parameters_from_context(videoStream->codecpar, video.get())) < 0)
        return ffmpegFailed(0, tr("setting the stream parameters"), ret);
    if ((ret = avcodec_parameters_from_context(audioStream->codecpar, audio.get())) < 0)
        return ffmpegFailed(1, tr("setting the stream parameters"), ret);
    videoStream->time_base = video->time_base;
    videoStream->avg_frame_rate = m_spec.frameRate;
    audioStream->time_base = audio->time_base;

    if (!(output->oformat->flags & AVFMT_NOFILE)) {
        if ((ret = avio_open(&output->pb, encodedPath.constData(), AVIO_FLAG_WRITE)) < 0)
            return ffmpegFailed(-1, tr("creating the file"), ret);
    }
    if ((ret = avformat_write_header(output.get(), nullptr)) < 0)
        return ffmpegFailed(-1, tr("writing the header"), ret);

    PacketPtr packet = makePacket();
    if (!packet)
        return fail(tr("out of memory"));
    // Sends one frame (nullptr: flush) and writes every packet the encoder has ready.
    auto encode = [&](AVCodecContext *encoder, AVStream *stream, const AVFrame *frame) {
        int code = avcodec_send_frame(encoder, frame);
        if (code < 0)
            return ffmpegFailed(stream->index, tr("encoding"), code);
        for (;;) {
            code = avcodec_receive_packet(encoder, packet.get());
            if (code == AVERROR(EAGAIN) || code == AVERROR_EOF)
                return true;
            if (code < 0)
                return ffmpegFailed(stream->index, tr("encoding"), code);
            av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
            packet->stream_index = stream->index;
            code = av_interleaved_write_frame(output.get(), packet.get());
            if (code < 0)
                return ffmpegFailed(stream->index, tr("writing a packet"), code);
        }
    };

    TestPatternSpec spec = m_spec;
    if (audio->frame_size > 0)
        spec.audioFrameSamples = audio->frame_size;
    TestPatternSource source(spec);
    if (!source.open())
        return fail(source.errorString());
    const AVRational videoBase = source.videoTimeBase();
    const AVRational audioBase = source.audioTimeBase();
    FramePtr scratch = makeFrame();
    if (!scratch)
        return fail(tr("out of memory"));
    const bool generated = source.generate([&](const AVFrame *frame, AVMediaType type) {
        const bool isVideo = type == AVMEDIA_TYPE_VIDEO;
        AVCodecContext *encoder = isVideo ? video.get() : audio.get();
        av_frame_unref(scratch.get());
        if (av_frame_ref(scratch.get(), frame) < 0)
            return fail(tr("out of memory"));
        scratch->pts = av_rescale_q(frame->pts, isVideo ? videoBase : audioBase, encoder->time_base);
        scratch->pict_type = AV_PICTURE_TYPE_NONE;
        return encode(encoder, isVideo ? videoStream : audioStream, scratch.get());
    });
    if (!generated)
        return fail(source.errorString());
    if (!m_error.isEmpty())
        return false;
    if (!encode(video.get(), videoStream, nullptr) || !encode(audio.get(), audioStream, nullptr))
        return false;
    if ((ret = av_write_trailer(output.get())) < 0)
        return ffmpegFailed(-1, tr("finishing the file"), ret);
    return true;
}

} // namespace Kinora::Core
