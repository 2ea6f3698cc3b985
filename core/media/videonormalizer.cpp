#include "core/media/videonormalizer.h"

#include "core/media/ffmpegerror.h"

#include <QCoreApplication>

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/pixdesc.h>
}

namespace Kinora::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("VideoNormalizer", text);
}

} // namespace

bool VideoNormalizer::open(const AVFrame *first, AVRational timeBase, const LadderPlan &plan, QString *error)
{
    m_graph.reset(avfilter_graph_alloc());
    if (!m_graph) {
        *error = tr("out of memory");
        return false;
    }
    m_inputWidth = first->width;
    m_inputHeight = first->height;
    m_inputFormat = AVPixelFormat(first->format);
    const AVRational sar = first->sample_aspect_ratio.num > 0 ? first->sample_aspect_ratio : AVRational{1, 1};
    const QByteArray sourceArgs = QStringLiteral("video_size=%1x%2:pix_fmt=%3:time_base=%4/%5:pixel_aspect=%6/%7")
                                      .arg(first->width).arg(first->height).arg(first->format)
                                      .arg(timeBase.num).arg(timeBase.den).arg(sar.num).arg(sar.den)
                                      .toUtf8();
    int ret = avfilter_graph_create_filter(&m_source, avfilter_get_by_name("buffer"), "in", sourceArgs.constData(),
                                           nullptr, m_graph.get());
    if (ret < 0) {
        *error = FfmpegError::format(QStringLiteral("video"), -1, tr("creating the frame source"), ret);
        return false;
    }
    ret = avfilter_graph_create_filter(&m_sink, avfilter_get_by_name("buffersink"), "out", nullptr, nullptr,
                                       m_graph.get());
    if (ret < 0) {
        *error = FfmpegError::format(QStringLiteral("video"), -1, tr("creating the frame sink"), ret);
        return false;
    }

    QStringList chain;
    chain << QStringLiteral("fps=fps=%1/%2:start_time=0:round=near").arg(plan.frameRateNum).arg(plan.frameRateDen);
    if (plan.rotation == 90)
        chain << QStringLiteral("transpose=clock");
    else if (plan.rotation == 270)
        chain << QStringLiteral("transpose=cclock");
    else if (plan.rotation == 180)
        chain << QStringLiteral("hflip") << QStringLiteral("vflip");
    if (plan.toneMap && avfilter_get_by_name("zscale") && avfilter_get_by_name("tonemap")) {
        chain << QStringLiteral("zscale=t=linear:npl=100") << QStringLiteral("format=gbrpf32le")
              << QStringLiteral("zscale=p=bt709") << QStringLiteral("tonemap=tonemap=hable:desat=0")
              << QStringLiteral("zscale=t=bt709:m=bt709:r=tv");
    }
    chain << QStringLiteral("format=yuv420p");
    const QByteArray description = chain.join(QLatin1Char(',')).toUtf8();

    AVFilterInOut *outputs = avfilter_inout_alloc();
    AVFilterInOut *inputs = avfilter_inout_alloc();
    if (!outputs || !inputs) {
        avfilter_inout_free(&outputs);
        avfilter_inout_free(&inputs);
        *error = tr("out of memory");
        return false;
    }
    outputs->name = av_strdup("in");
    outputs->filter_ctx = m_source;
    inputs->name = av_strdup("out");
    inputs->filter_ctx = m_sink;
    ret = avfilter_graph_parse_ptr(m_graph.get(), description.constData(), &inputs, &outputs, nullptr);
    avfilter_inout_free(&outputs);
    avfilter_inout_free(&inputs);
    if (ret < 0) {
        *error = FfmpegError::format(QStringLiteral("video"), -1,
                                     tr("building the filter chain \"%1\"").arg(QString::fromUtf8(description)), ret);
        return false;
    }
    if ((ret = avfilter_graph_config(m_graph.get(), nullptr)) < 0) {
        *error = FfmpegError::format(QStringLiteral("video"), -1, tr("configuring the filter chain"), ret);
        return false;
    }
    m_width = av_buffersink_get_w(m_sink);
    m_height = av_buffersink_get_h(m_sink);
    return true;
}

bool VideoNormalizer::push(AVFrame *frame, const FrameSink &sink, QString *error)
{
    if (frame->width != m_inputWidth || frame->height != m_inputHeight || frame->format != m_inputFormat)
        return true;   // a mid-stream format change: the caller warns; the frame is dropped
    const int ret = av_buffersrc_add_frame_flags(m_source, frame, AV_BUFFERSRC_FLAG_KEEP_REF);
    if (ret < 0) {
        *error = FfmpegError::format(QStringLiteral("video"), -1, tr("filtering a picture"), ret);
        return false;
    }
    return drain(sink, error);
}

bool VideoNormalizer::finish(int64_t endPts, const FrameSink &sink, QString *error)
{
    if (!m_graph)
        return true;
    const int ret = av_buffersrc_close(m_source, endPts, 0);
    if (ret < 0) {
        *error = FfmpegError::format(QStringLiteral("video"), -1, tr("closing the filter chain"), ret);
        return false;
    }
    return drain(sink, error);
}

bool VideoNormalizer::drain(const FrameSink &sink, QString *error)
{
    for (;;) {
        FramePtr out = makeFrame();
        const int ret = av_buffersink_get_frame(m_sink, out.get());
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
            return true;
        if (ret < 0) {
            *error = FfmpegError::format(QStringLiteral("video"), -1, tr("reading a filtered picture"), ret);
            return false;
        }
        if (out->pts < 0)
            continue;
        if (!sink(std::move(out)))
            return false;
    }
}

} // namespace Kinora::Core
