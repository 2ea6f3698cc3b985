#include "server/processing/segmentinspector.h"

#include "core/media/ffmpegerror.h"
#include "core/media/ffmpegptr.h"
#include "core/media/h264codecstring.h"

#include <QFile>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace Kinora::Server::Processing {

std::optional<SegmentInspector::Result> SegmentInspector::inspect(const QString &path)
{
    m_error.clear();
    AVFormatContext *raw = avformat_alloc_context();
    if (!raw) {
        m_error = tr("out of memory");
        return std::nullopt;
    }
    raw->probesize = 5 * 1024 * 1024;
    raw->max_analyze_duration = 10 * AV_TIME_BASE;
    int rc = avformat_open_input(&raw, QFile::encodeName(path).constData(), nullptr, nullptr);
    if (rc < 0) {
        m_error = tr("cannot be opened as media (%1)").arg(Core::FfmpegError::describe(rc));
        return std::nullopt;
    }
    Core::InputFormatContextPtr context(raw);
    rc = avformat_find_stream_info(context.get(), nullptr);
    if (rc < 0) {
        m_error = tr("its streams cannot be read (%1)").arg(Core::FfmpegError::describe(rc));
        return std::nullopt;
    }
    Result result;
    const int video = av_find_best_stream(context.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    const int audio = av_find_best_stream(context.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    if (audio >= 0) {
        result.hasAudio = true;
        result.audioCodec = QString::fromLatin1(avcodec_get_name(context->streams[audio]->codecpar->codec_id));
    }
    if (video < 0)
        return result;
    const AVCodecParameters *parameters = context->streams[video]->codecpar;
    result.hasVideo = true;
    result.videoCodec = QString::fromLatin1(avcodec_get_name(parameters->codec_id));
    result.width = parameters->width;
    result.height = parameters->height;
    Core::PacketPtr packet(av_packet_alloc());
    if (!packet) {
        m_error = tr("out of memory");
        return std::nullopt;
    }
    // The first video packet in decoding order; a bounded number of reads.
    for (int reads = 0; reads < 10000; ++reads) {
        rc = av_read_frame(context.get(), packet.get());
        if (rc < 0) {
            m_error = tr("no video packet can be read (%1)").arg(Core::FfmpegError::describe(rc));
            return std::nullopt;
        }
        if (packet->stream_index == video) {
            result.firstPacketIsKeyframe = (packet->flags & AV_PKT_FLAG_KEY) != 0;
            if (parameters->codec_id == AV_CODEC_ID_H264)
                result.videoCodecString = Core::H264CodecString::fromAnnexB(
                    QByteArray::fromRawData(reinterpret_cast<const char *>(packet->data), packet->size));
            av_packet_unref(packet.get());
            return result;
        }
        av_packet_unref(packet.get());
    }
    m_error = tr("no video packet near its start");
    return std::nullopt;
}

} // namespace Kinora::Server::Processing
