#include "core/media/renditionencoder.h"

#include "core/media/ffmpegerror.h"
#include "core/media/h264codecstring.h"

#include <QCoreApplication>

extern "C" {
#include <libavutil/hwcontext.h>
#include <libavutil/opt.h>
}

namespace Kinora::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("RenditionEncoder", text);
}

} // namespace

RenditionEncoder::RenditionEncoder(const Rendition &rendition, const LadderPlan &plan, const TranscodeSettings &settings,
                                   const QString &directory)
    : m_rendition(rendition)
    , m_plan(plan)
    , m_settings(settings)
    , m_directory(directory)
    , m_queue(std::max(1, settings.frameQueueDepth))
    , m_packet(makePacket())
{
}

RenditionEncoder::~RenditionEncoder()
{
    if (m_thread.joinable()) {
        m_queue.abort();
        m_thread.join();
    }
}

bool RenditionEncoder::open(int sourceWidth, int sourceHeight, AVPixelFormat sourceFormat, const AVCodecContext *audio,
                            QString *error)
{
    m_sourceWidth = sourceWidth;
    m_sourceHeight = sourceHeight;
    m_sourceFormat = sourceFormat;
    if (audio)
        m_audioBase = audio->time_base;
    const QString where = m_rendition.name;
    int ret = 0;

    if (m_rendition.hasVideo) {
        m_encoder = VideoEncoderTable::select(m_settings.encoderId);
        m_note = m_encoder.note;
        const AVCodec *codec = avcodec_find_encoder_by_name(m_encoder.entry.codecName);
        if (!codec) {
            *error = tr("%1: the %2 encoder is not available").arg(where, QString::fromUtf8(m_encoder.entry.codecName));
            return false;
        }
        m_video.reset(avcodec_alloc_context3(codec));
        if (!m_video) {
            *error = tr("%1: out of memory").arg(where);
            return false;
        }
        AVCodecContext *c = m_video.get();
        c->width = m_rendition.width;
        c->height = m_rendition.height;
        c->pix_fmt = m_encoder.entry.needsHwFrames ? AV_PIX_FMT_VAAPI : m_encoder.entry.inputFormat;
        c->sample_aspect_ratio = AVRational{1, 1};
        c->time_base = AVRational{m_plan.frameRateDen, m_plan.frameRateNum};
        c->framerate = AVRational{m_plan.frameRateNum, m_plan.frameRateDen};
        c->gop_size = m_plan.segmentFrames;
        c->keyint_min = m_plan.segmentFrames;
        c->bit_rate = qint64(m_rendition.videoKbps) * 1000;
        c->rc_max_rate = qint64(m_rendition.maxrateKbps) * 1000;
        c->rc_buffer_size = int(std::min<qint64>(qint64(m_rendition.bufsizeKbps) * 1000, INT_MAX));
        c->thread_count = m_settings.encoderThreads;
        if (m_plan.toneMap) {
            c->color_primaries = AVCOL_PRI_BT709;
            c->color_trc = AVCOL_TRC_BT709;
            c->colorspace = AVCOL_SPC_BT709;
        }
        AVDictionary *options = nullptr;
        if (m_encoder.entry.id == QLatin1String("libx264")) {
            av_dict_set(&options, "preset", m_settings.preset.toUtf8().constData(), 0);
            av_dict_set(&options, "profile", "high", 0);
            av_dict_set(&options, "forced-idr", "1", 0);
            // Closed GOPs of exactly one segment, no scene-cut keyframes: every rendition cuts at the same frames.
            av_dict_set(&options, "x264-params", "scenecut=0:open-gop=0", 0);
        } else {
            av_dict_set(&options, "forced-idr", "1", 0);
            av_dict_set(&options, "forced_idr", "1", 0);
        }
        if (m_encoder.entry.needsHwFrames) {
            m_hwFrames.reset(av_hwframe_ctx_alloc(m_encoder.device.get()));
            if (!m_hwFrames) {
                av_dict_free(&options);
                *error = tr("%1: the hardware frame pool cannot be created").arg(where);
                return false;
            }
            auto *frames = reinterpret_cast<AVHWFramesContext *>(m_hwFrames->data);
            frames->format = AV_PIX_FMT_VAAPI;
            frames->sw_format = m_encoder.entry.inputFormat;
            frames->width = c->width;
            frames->height = c->height;
            frames->initial_pool_size = 20;
            if ((ret = av_hwframe_ctx_init(m_hwFrames.get())) < 0) {
                av_dict_free(&options);
                *error = FfmpegError::format(where, 0, tr("initialising the hardware frame pool"), ret);
                return false;
            }
            c->hw_frames_ctx = av_buffer_ref(m_hwFrames.get());
        }
        ret = avcodec_open2(c, codec, &options);
        av_dict_free(&options);
        if (ret < 0) {
            *error = FfmpegError::format(where, 0, tr("opening the %1 encoder").arg(QString::fromUtf8(codec->name)), ret);
            return false;
        }
        if (sourceWidth != c->width || sourceHeight != c->height || sourceFormat != m_encoder.entry.inputFormat) {
            m_scaler.reset(sws_getContext(sourceWidth, sourceHeight, sourceFormat, c->width, c->height,
                                          m_encoder.entry.inputFormat, SWS_BICUBIC, nullptr, nullptr, nullptr));
            if (!m_scaler) {
                *error = tr("%1: no scaler from %2x%3 to %4x%5").arg(where).arg(sourceWidth).arg(sourceHeight)
                             .arg(c->width).arg(c->height);
                return false;
            }
            m_scaled = makeFrame();
            m_scaled->format = m_encoder.entry.inputFormat;
            m_scaled->width = c->width;
            m_scaled->height = c->height;
            if ((ret = av_frame_get_buffer(m_scaled.get(), 0)) < 0) {
                *error = FfmpegError::format(where, 0, tr("allocating the scaled picture"), ret);
                return false;
            }
        }
    }
    return m_segmenter.open(m_directory, m_video.get(), m_rendition.hasAudio ? audio : nullptr, m_plan.segmentSeconds,
                            error);
}

void RenditionEncoder::start()
{
    m_thread = std::thread([this] { run(); });
}

bool RenditionEncoder::join(QString *error)
{
    if (m_thread.joinable())
        m_thread.join();
    if (!m_error.isEmpty()) {
        *error = m_error;
        return false;
    }
    return true;
}

bool RenditionEncoder::prepareFrame(AVFrame *source, AVFrame **ready)
{
    AVFrame *frame = source;
    int ret = 0;
    if (m_scaler) {
        // The encoder may still hold the previous picture: copy-on-write before scaling into it.
        if ((ret = av_frame_make_writable(m_scaled.get())) < 0) {
            m_error = FfmpegError::format(m_rendition.name, 0, tr("reusing the scaled picture"), ret);
            return false;
        }
        sws_scale(m_scaler.get(), source->data, source->linesize, 0, source->height, m_scaled->data,
                  m_scaled->linesize);
        m_scaled->pts = source->pts;
        frame = m_scaled.get();
    }
    if (m_hwFrames) {
        m_hwFrame = makeFrame();
        if ((ret = av_hwframe_get_buffer(m_hwFrames.get(), m_hwFrame.get(), 0)) < 0
            || (ret = av_hwframe_transfer_data(m_hwFrame.get(), frame, 0)) < 0) {
            m_error = FfmpegError::format(m_rendition.name, 0, tr("uploading a picture to the device"), ret);
            return false;
        }
        m_hwFrame->pts = frame->pts;
        frame = m_hwFrame.get();
    }
    *ready = frame;
    return true;
}

bool RenditionEncoder::encodeFrame(AVFrame *source)
{
    AVFrame *frame = nullptr;
    if (source) {
        if (!prepareFrame(source, &frame))
            return false;
        frame->pict_type = (frame->pts % m_plan.segmentFrames == 0) ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE;
    }
    const int ret = avcodec_send_frame(m_video.get(), frame);
    if (ret < 0) {
        m_error = FfmpegError::format(m_rendition.name, 0, tr("encoding a picture"), ret);
        return false;
    }
    if (source)
        m_framesEncoded.fetch_add(1);
    return drainEncoder();
}

bool RenditionEncoder::drainEncoder()
{
    for (;;) {
        const int ret = avcodec_receive_packet(m_video.get(), m_packet.get());
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
            return true;
        if (ret < 0) {
            m_error = FfmpegError::format(m_rendition.name, 0, tr("receiving an encoded picture"), ret);
            return false;
        }
        if (m_codecString.isEmpty() && (m_packet->flags & AV_PKT_FLAG_KEY))
            m_codecString = H264CodecString::fromAnnexB(
                QByteArray::fromRawData(reinterpret_cast<const char *>(m_packet->data), m_packet->size));
        QString error;
        const bool ok = m_segmenter.writeVideo(m_packet.get(), &error);
        av_packet_unref(m_packet.get());
        if (!ok) {
            m_error = error;
            return false;
        }
    }
}

void RenditionEncoder::run()
{
    bool failed = false;
    for (;;) {
        RenditionQueue::Item item = m_queue.pop();
        if (item.end)
            break;
        if (failed)
            continue;   // keep draining so the producer never blocks on a dead consumer
        if (item.frame && m_video) {
            failed = !encodeFrame(item.frame.get());
        } else if (item.audio && m_rendition.hasAudio) {
            QString error;
            m_audioSeconds.store((item.audio->pts + item.audio->duration) * av_q2d(m_audioBase));
            if (!m_segmenter.writeAudio(item.audio.get(), &error)) {
                m_error = error;
                failed = true;
            }
        }
    }
    if (m_queue.isAborted()) {   // cancelled: the caller removes the output, skip the flush
        m_done.store(true);
        return;
    }
    if (!failed && m_video)
        failed = !encodeFrame(nullptr);
    if (!failed) {
        QString error;
        if (!m_segmenter.finish(&error))
            m_error = error;
    }
    m_done.store(true);
}

} // namespace Kinora::Core
