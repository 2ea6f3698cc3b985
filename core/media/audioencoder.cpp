#include "core/media/audioencoder.h"

#include "core/media/ffmpegerror.h"

#include <QCoreApplication>

namespace Kinora::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("AudioEncoder", text);
}

const QString kWhere = QStringLiteral("audio");

} // namespace

bool AudioEncoder::open(const AVCodecContext *decoder, const LadderPlan &plan, QString *error)
{
    const AVCodec *codec = avcodec_find_encoder(AV_CODEC_ID_AAC);
    if (!codec) {
        *error = tr("the AAC encoder is not available");
        return false;
    }
    m_encoder.reset(avcodec_alloc_context3(codec));
    AVCodecContext *c = m_encoder.get();
    c->sample_rate = plan.audioSampleRate;
    av_channel_layout_default(&c->ch_layout, plan.audioChannels);
    c->sample_fmt = AV_SAMPLE_FMT_FLTP;
    c->bit_rate = qint64(plan.audioKbps) * 1000;
    c->time_base = AVRational{1, plan.audioSampleRate};
    c->profile = FF_PROFILE_AAC_LOW;
    int ret = avcodec_open2(c, codec, nullptr);
    if (ret < 0) {
        *error = FfmpegError::format(kWhere, -1, tr("opening the AAC encoder"), ret);
        return false;
    }

    if (decoder->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC)
        av_channel_layout_default(&m_inputLayout, decoder->ch_layout.nb_channels);
    else
        av_channel_layout_copy(&m_inputLayout, &decoder->ch_layout);
    m_inputRate = decoder->sample_rate;
    m_inputFormat = decoder->sample_fmt;
    SwrContext *swr = nullptr;
    ret = swr_alloc_set_opts2(&swr, &c->ch_layout, c->sample_fmt, c->sample_rate, &m_inputLayout, m_inputFormat,
                              m_inputRate, 0, nullptr);
    m_resampler.reset(swr);
    if (ret < 0 || (ret = swr_init(swr)) < 0) {
        *error = FfmpegError::format(kWhere, -1, tr("setting up the resampler"), ret);
        return false;
    }
    m_fifo.reset(av_audio_fifo_alloc(c->sample_fmt, c->ch_layout.nb_channels, 4096));
    m_frame = makeFrame();
    if (!m_fifo || !m_frame) {
        *error = tr("out of memory");
        return false;
    }
    return true;
}

bool AudioEncoder::push(const AVFrame *frame, int64_t outputSamplePosition, const PacketSink &sink, QString *error)
{
    if (frame->sample_rate != m_inputRate || frame->format != m_inputFormat
        || frame->ch_layout.nb_channels != m_inputLayout.nb_channels)
        return true;   // a mid-stream format change: skipped (the caller warns)
    if (m_nextPts == AV_NOPTS_VALUE)
        m_nextPts = std::max<int64_t>(0, outputSamplePosition);
    const int capacity = swr_get_out_samples(m_resampler.get(), frame->nb_samples);
    if (capacity < 0) {
        *error = FfmpegError::format(kWhere, -1, tr("resampling"), capacity);
        return false;
    }
    uint8_t **buffer = nullptr;
    int ret = av_samples_alloc_array_and_samples(&buffer, nullptr, m_encoder->ch_layout.nb_channels, capacity,
                                                 m_encoder->sample_fmt, 0);
    if (ret < 0) {
        *error = FfmpegError::format(kWhere, -1, tr("allocating resampled audio"), ret);
        return false;
    }
    const int converted = swr_convert(m_resampler.get(), buffer, capacity,
                                      const_cast<const uint8_t **>(frame->extended_data), frame->nb_samples);
    if (converted > 0)
        ret = av_audio_fifo_write(m_fifo.get(), reinterpret_cast<void **>(buffer), converted);
    av_freep(&buffer[0]);
    av_freep(&buffer);
    if (converted < 0 || ret < 0) {
        *error = FfmpegError::format(kWhere, -1, tr("resampling"), converted < 0 ? converted : ret);
        return false;
    }
    return encodeFromFifo(false, sink, error);
}

bool AudioEncoder::finish(const PacketSink &sink, QString *error)
{
    if (!m_encoder)
        return true;
    if (m_nextPts == AV_NOPTS_VALUE)
        m_nextPts = 0;
    if (!encodeFromFifo(true, sink, error))
        return false;
    const int ret = avcodec_send_frame(m_encoder.get(), nullptr);
    if (ret < 0 && ret != AVERROR_EOF) {
        *error = FfmpegError::format(kWhere, -1, tr("flushing the AAC encoder"), ret);
        return false;
    }
    return receive(sink, error);
}

bool AudioEncoder::encodeFromFifo(bool flush, const PacketSink &sink, QString *error)
{
    const int frameSize = m_encoder->frame_size > 0 ? m_encoder->frame_size : 1024;
    while (av_audio_fifo_size(m_fifo.get()) >= frameSize || (flush && av_audio_fifo_size(m_fifo.get()) > 0)) {
        const int samples = std::min(frameSize, av_audio_fifo_size(m_fifo.get()));
        av_frame_unref(m_frame.get());
        m_frame->nb_samples = samples;
        m_frame->format = m_encoder->sample_fmt;
        m_frame->sample_rate = m_encoder->sample_rate;
        int ret = av_channel_layout_copy(&m_frame->ch_layout, &m_encoder->ch_layout);
        if (ret >= 0)
            ret = av_frame_get_buffer(m_frame.get(), 0);
        if (ret < 0) {
            *error = FfmpegError::format(kWhere, -1, tr("allocating an audio frame"), ret);
            return false;
        }
        if (av_audio_fifo_read(m_fifo.get(), reinterpret_cast<void **>(m_frame->data), samples) < samples) {
            *error = tr("audio: the sample buffer ran dry");
            return false;
        }
        m_frame->pts = m_nextPts;
        m_nextPts += samples;
        ret = avcodec_send_frame(m_encoder.get(), m_frame.get());
        if (ret < 0) {
            *error = FfmpegError::format(kWhere, -1, tr("encoding AAC"), ret);
            return false;
        }
        if (!receive(sink, error))
            return false;
    }
    return true;
}

bool AudioEncoder::receive(const PacketSink &sink, QString *error)
{
    for (;;) {
        PacketPtr packet = makePacket();
        const int ret = avcodec_receive_packet(m_encoder.get(), packet.get());
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
            return true;
        if (ret < 0) {
            *error = FfmpegError::format(kWhere, -1, tr("receiving AAC packets"), ret);
            return false;
        }
        sink(std::move(packet));
    }
}

} // namespace Kinora::Core
