#include "core/media/jpegwriter.h"

#include "core/media/ffmpegerror.h"
#include "core/media/ffmpegptr.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

namespace Kinora::Core {

QString JpegWriter::write(const AVFrame *frame, const QString &path, int width, int height, int quality)
{
    const QString where = QDir::toNativeSeparators(path);
    if (width <= 0 || height <= 0) {
        width = frame->width;
        height = frame->height;
    }
    const AVCodec *codec = avcodec_find_encoder(AV_CODEC_ID_MJPEG);
    if (!codec)
        return QCoreApplication::translate("JpegWriter", "%1: the JPEG encoder is not available").arg(where);
    CodecContextPtr context(avcodec_alloc_context3(codec));
    FramePtr picture = makeFrame();
    PacketPtr packet = makePacket();
    if (!context || !picture || !packet)
        return QCoreApplication::translate("JpegWriter", "%1: out of memory").arg(where);
    context->width = width;
    context->height = height;
    context->pix_fmt = AV_PIX_FMT_YUVJ420P;
    context->time_base = AVRational{1, 25};
    context->flags |= AV_CODEC_FLAG_QSCALE;
    context->global_quality = FF_QP2LAMBDA * quality;
    int ret = avcodec_open2(context.get(), codec, nullptr);
    if (ret < 0)
        return FfmpegError::format(where, -1, QCoreApplication::translate("JpegWriter", "opening the JPEG encoder"), ret);

    picture->format = AV_PIX_FMT_YUVJ420P;
    picture->width = width;
    picture->height = height;
    if ((ret = av_frame_get_buffer(picture.get(), 0)) < 0)
        return FfmpegError::format(where, -1, QCoreApplication::translate("JpegWriter", "allocating the picture"), ret);
    SwsContextPtr scaler(sws_getContext(frame->width, frame->height, AVPixelFormat(frame->format), width, height,
                                        AV_PIX_FMT_YUVJ420P, SWS_BICUBIC, nullptr, nullptr, nullptr));
    if (!scaler)
        return QCoreApplication::translate("JpegWriter", "%1: the picture cannot be scaled").arg(where);
    sws_scale(scaler.get(), frame->data, frame->linesize, 0, frame->height, picture->data, picture->linesize);
    picture->pts = 0;
    picture->quality = context->global_quality;

    if ((ret = avcodec_send_frame(context.get(), picture.get())) < 0
        || (ret = avcodec_send_frame(context.get(), nullptr)) < 0
        || (ret = avcodec_receive_packet(context.get(), packet.get())) < 0)
        return FfmpegError::format(where, -1, QCoreApplication::translate("JpegWriter", "encoding the JPEG"), ret);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(reinterpret_cast<const char *>(packet->data), packet->size) != packet->size || !file.commit())
        return QCoreApplication::translate("JpegWriter", "%1: cannot be written: %2").arg(where, file.errorString());
    return {};
}

} // namespace Kinora::Core
