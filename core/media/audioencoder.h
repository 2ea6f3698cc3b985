#pragma once

#include "core/media/ffmpegptr.h"
#include "core/media/ladderplan.h"

#include <functional>

namespace Kinora::Core {

// Encodes the chosen audio track once to AAC-LC (resampled, mixed down to
// stereo at most); the packets are then shared by every rendition.
class AudioEncoder
{
public:
    using PacketSink = std::function<void(PacketPtr)>;

    AudioEncoder() = default;
    ~AudioEncoder() { av_channel_layout_uninit(&m_inputLayout); }
    AudioEncoder(const AudioEncoder &) = delete;
    AudioEncoder &operator=(const AudioEncoder &) = delete;

    bool open(const AVCodecContext *decoder, const LadderPlan &plan, QString *error);
    const AVCodecContext *context() const { return m_encoder.get(); }
    // outputSamplePosition: where this frame belongs on the output clock; only the first one is used (aligns audio with video).
    bool push(const AVFrame *frame, int64_t outputSamplePosition, const PacketSink &sink, QString *error);
    bool finish(const PacketSink &sink, QString *error);

private:
    bool encodeFromFifo(bool flush, const PacketSink &sink, QString *error);
    bool receive(const PacketSink &sink, QString *error);

    CodecContextPtr m_encoder;
    SwrContextPtr m_resampler;
    AudioFifoPtr m_fifo;
    FramePtr m_frame;
    AVChannelLayout m_inputLayout{};
    int m_inputRate = 0;
    AVSampleFormat m_inputFormat = AV_SAMPLE_FMT_NONE;
    int64_t m_nextPts = AV_NOPTS_VALUE;
};

} // namespace Kinora::Core
