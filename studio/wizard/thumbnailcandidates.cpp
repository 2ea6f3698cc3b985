#include "studio/wizard/thumbnailcandidates.h"

#include "core/media/ffmpegerror.h"
#include "core/media/ffmpegptr.h"
#include "core/media/iointerrupt.h"
#include "core/media/mediaprobe.h"

#include <QDir>

#include <algorithm>
#include <cmath>

namespace Kinora::Studio {

namespace {

QImage toImage(const AVFrame *frame, int maxWidth)
{
    if (frame->width <= 0 || frame->height <= 0)
        return {};
    const int width = std::max(2, std::min(maxWidth, frame->width));
    const int height = std::max(2, int(std::lround(double(frame->height) * width / frame->width)));
    Core::SwsContextPtr scaler(sws_getContext(frame->width, frame->height, AVPixelFormat(frame->format), width,
                                              height, AV_PIX_FMT_RGB32, SWS_BICUBIC, nullptr, nullptr, nullptr));
    if (!scaler)
        return {};
    QImage image(width, height, QImage::Format_RGB32);
    uint8_t *planes[4] = {image.bits(), nullptr, nullptr, nullptr};
    int strides[4] = {int(image.bytesPerLine()), 0, 0, 0};
    sws_scale(scaler.get(), frame->data, frame->linesize, 0, frame->height, planes, strides);
    return image;
}

} // namespace

ThumbnailCandidates::Result ThumbnailCandidates::extract(const QString &path, const QList<double> &fractions,
                                                         int maxWidth)
{
    Result result;
    const QString where = QDir::toNativeSeparators(path);
    Core::MediaProbe probe;
    Core::IoInterrupt interrupt;
    Core::InputFormatContextPtr input = probe.open(path, &interrupt);
    if (!input) {
        result.error = probe.errorString();
        return result;
    }
    const int streamIndex = av_find_best_stream(input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (streamIndex < 0) {
        result.error = tr("%1: no video stream").arg(where);
        return result;
    }
    AVStream *stream = input->streams[streamIndex];
    const AVCodec *codec = avcodec_find_decoder(stream->codecpar->codec_id);
    if (!codec) {
        result.error = tr("%1: no decoder for the video stream").arg(where);
        return result;
    }
    Core::CodecContextPtr decoder(avcodec_alloc_context3(codec));
    Core::PacketPtr packet = Core::makePacket();
    Core::FramePtr frame = Core::makeFrame();
    if (!decoder || !packet || !frame) {
        result.error = tr("%1: out of memory").arg(where);
        return result;
    }
    int ret = avcodec_parameters_to_context(decoder.get(), stream->codecpar);
    if (ret >= 0)
        ret = avcodec_open2(decoder.get(), codec, nullptr);
    if (ret < 0) {
        result.error = Core::FfmpegError::format(where, streamIndex, tr("opening the video decoder"), ret);
        return result;
    }

    double duration = 0.0;
    if (input->duration != AV_NOPTS_VALUE && input->duration > 0)
        duration = double(input->duration) / AV_TIME_BASE;
    else if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0)
        duration = stream->duration * av_q2d(stream->time_base);
    const double start = input->start_time != AV_NOPTS_VALUE ? double(input->start_time) / AV_TIME_BASE : 0.0;

    for (double fraction : fractions) {
        const double target = start + duration * std::clamp(fraction, 0.0, 1.0);
        const int64_t timestamp = int64_t(target / av_q2d(stream->time_base));
        // A failed seek (unseekable input) decodes on from where it is.
        if (av_seek_frame(input.get(), streamIndex, timestamp, AVSEEK_FLAG_BACKWARD) >= 0)
            avcodec_flush_buffers(decoder.get());

        QImage picked;
        Core::FramePtr last;
        bool draining = false;
        while (picked.isNull()) {
            if (!draining) {
                ret = av_read_frame(input.get(), packet.get());
                if (ret == AVERROR_EOF) {
                    draining = true;
                    avcodec_send_packet(decoder.get(), nullptr);
                } else if (ret < 0) {
                    result.error = Core::FfmpegError::format(where, -1, tr("reading"), ret);
                    return result;
                } else {
                    const bool ours = packet->stream_index == streamIndex;
                    if (ours)
                        ret = avcodec_send_packet(decoder.get(), packet.get());
                    av_packet_unref(packet.get());
                    if (!ours)
                        continue;
                    if (ret < 0 && ret != AVERROR(EAGAIN))
                        continue;   // a damaged packet; the next keyframe heals it
                }
            }
            bool ended = false;
            while (picked.isNull()) {
                ret = avcodec_receive_frame(decoder.get(), frame.get());
                if (ret == AVERROR(EAGAIN))
                    break;
                if (ret < 0) {
                    ended = true;
                    break;
                }
                const int64_t pts = frame->best_effort_timestamp;
                const double seconds = pts == AV_NOPTS_VALUE ? target : pts * av_q2d(stream->time_base);
                if (seconds + 1e-3 >= target)
                    picked = toImage(frame.get(), maxWidth);
                else
                    last.reset(av_frame_clone(frame.get()));
                av_frame_unref(frame.get());
            }
            if (ended) {
                if (last)
                    picked = toImage(last.get(), maxWidth);
                break;
            }
        }
        if (picked.isNull()) {
            result.error = tr("%1: no picture could be decoded near %2 s").arg(where).arg(target, 0, 'f', 1);
            result.images.clear();
            return result;
        }
        result.images.append(picked);
        if (draining) {
            // Later positions need the decoder again after the end was reached.
            avcodec_flush_buffers(decoder.get());
        }
    }
    return result;
}

} // namespace Kinora::Studio
