#include "core/media/videoencodertable.h"

#include "core/media/ffmpegerror.h"

#include <QCoreApplication>

extern "C" {
#include <libavutil/hwcontext.h>
}

namespace Kinora::Core {

QList<VideoEncoderTable::Entry> VideoEncoderTable::entries()
{
    return {
        {QStringLiteral("libx264"), "libx264", AV_HWDEVICE_TYPE_NONE, AV_PIX_FMT_YUV420P, false},
        {QStringLiteral("vaapi"), "h264_vaapi", AV_HWDEVICE_TYPE_VAAPI, AV_PIX_FMT_NV12, true},
        {QStringLiteral("nvenc"), "h264_nvenc", AV_HWDEVICE_TYPE_CUDA, AV_PIX_FMT_YUV420P, false},
        {QStringLiteral("qsv"), "h264_qsv", AV_HWDEVICE_TYPE_QSV, AV_PIX_FMT_NV12, false},
    };
}

VideoEncoderTable::Selection VideoEncoderTable::select(const QString &id)
{
    const QList<Entry> all = entries();
    Selection selection{all.first(), nullptr, QString()};
    const Entry *wanted = nullptr;
    for (const Entry &entry : all) {
        if (entry.id == id)
            wanted = &entry;
    }
    if (!wanted) {
        selection.note = QCoreApplication::translate("VideoEncoderTable", "Unknown encoder \"%1\"; using libx264.").arg(id);
        return selection;
    }
    if (wanted->deviceType == AV_HWDEVICE_TYPE_NONE) {
        selection.entry = *wanted;
        return selection;
    }
    if (!avcodec_find_encoder_by_name(wanted->codecName)) {
        selection.note = QCoreApplication::translate("VideoEncoderTable", "This FFmpeg has no %1 encoder; using libx264.")
                             .arg(QString::fromUtf8(wanted->codecName));
        return selection;
    }
    AVBufferRef *device = nullptr;
    const int ret = av_hwdevice_ctx_create(&device, wanted->deviceType, nullptr, nullptr, 0);
    if (ret < 0) {
        selection.note = QCoreApplication::translate("VideoEncoderTable", "No %1 device is available (%2); using libx264.")
                             .arg(QString::fromUtf8(av_hwdevice_get_type_name(wanted->deviceType)), FfmpegError::describe(ret));
        return selection;
    }
    selection.entry = *wanted;
    selection.device.reset(device);
    return selection;
}

} // namespace Kinora::Core
