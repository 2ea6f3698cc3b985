#include "core/media/testpatternsource.h"

#include "core/media/ffmpegerror.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavutil/mathematics.h>
}

#include <utility>

namespace Kinora::Core {

namespace {

const QString kSourceName = QStringLiteral("test pattern");

// drawtext is given the label inside single quotes; anything beyond these
// characters would need filtergraph escaping (or expand as %{...}).
QString safeLabel(const QString &label)
{
    QString out;
    for (const QChar c : label) {
        if (c.isLetterOrNumber() || c == QLatin1Char(' ') || c == QLatin1Char('-') || c == QLatin1Char('.'))
            out += c;
    }
    return out.trimmed().left(60);
}

QString number(double value)
{
    return QString::number(value, 'f', 3);
}

} // namespace

TestPatternSource::TestPatternSource(TestPatternSpec spec)
    : m_spec(std::move(spec))
{
}

TestPatternSource::~TestPatternSource() = default;

QString TestPatternSource::patternName(TestPatternSpec::Pattern pattern)
{
    switch (pattern) {
    case TestPatternSpec::Pattern::TestSrc2:
        return QStringLiteral("testsrc2");
    case TestPatternSpec::Pattern::SmpteBars:
        return QStringLiteral("smptebars");
    case TestPatternSpec::Pattern::Gradients:
        return QStringLiteral("gradients");
    case TestPatternSpec::Pattern::Life:
        return QStringLiteral("life");
    case TestPatternSpec::Pattern::Mandelbrot:
        return QStringLiteral("mandelbrot");
    case TestPatternSpec::Pattern::CellAuto:
        return QStringLiteral("cellauto");
    }
    return QStringLiteral("testsrc2");
}

QString TestPatternSource::graphDescription(bool withText) const
{
    const QString common = QStringLiteral("size=%1x%2:rate=%3/%4")
                               .arg(m_spec.width)
                               .arg(m_spec.height)
                               .arg(m_spec.frameRate.num)
                               .arg(m_spec.frameRate.den);
    QString video = patternName(m_spec.pattern) + QLatin1Char('=') + common;
    switch (m_spec.pattern) {
    case TestPatternSpec::Pattern::Gradients:
        video += QStringLiteral(":speed=0.03");
        break;
    case TestPatternSpec::Pattern::Life:
        video += QStringLiteral(":mold=10:ratio=0.1:death_color=#C83232:life_color=#00FF00:mold_color=#3050A0");
        break;
    case TestPatternSpec::Pattern::Mandelbrot:
        video += QStringLiteral(":maxiter=256");
        break;
    case TestPatternSpec::Pattern::CellAuto:
        video += QStringLiteral(":rule=110:ratio=0.5");
        break;
    default:
        break;
    }
    if (m_spec.durationSeconds > 0)
        video += QStringLiteral(",trim=duration=") + number(m_spec.durationSeconds);
    video += QStringLiteral(",format=yuv420p");
    if (withText) {
        const QString label = safeLabel(m_spec.label);
        const QString box = QStringLiteral(":fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=8:x=(w-tw)/2");
        if (!label.isEmpty())
            video += QStringLiteral(",drawtext=text='%1':fontsize=h/12:y=h/10").arg(label) + box;
        // The running time keeps even a still pattern (smptebars) moving.
        video += QStringLiteral(",drawtext=text='%{pts\\:hms}':fontsize=h/16:y=h-2*th") + box;
    }
    video += QStringLiteral("[vout]");

    // A tone that beeps once a second, at the requested layout and rate.
    QString audio = QStringLiteral("sine=frequency=%1:beep_factor=2:sample_rate=%2")
                        .arg(number(m_spec.toneHz))
                        .arg(m_spec.sampleRate);
    if (m_spec.durationSeconds > 0)
        audio += QStringLiteral(",atrim=duration=") + number(m_spec.durationSeconds);
    audio += QStringLiteral(",aformat=sample_fmts=fltp:sample_rates=%1:channel_layouts=%2[aout]")
                 .arg(m_spec.sampleRate)
                 .arg(m_spec.channels == 1 ? QStringLiteral("mono") : QStringLiteral("stereo"));
    return video + QLatin1Char(';') + audio;
}

bool TestPatternSource::open()
{
    m_error.clear();
    m_videoEnded = m_audioEnded = false;
    if (m_spec.width < 16 || m_spec.height < 16 || m_spec.width % 2 || m_spec.height % 2) {
        m_error = tr("test pattern: the size %1x%2 is not usable (even numbers, at least 16)").arg(m_spec.width).arg(m_spec.height);
        return false;
    }
    if (m_spec.frameRate.num <= 0 || m_spec.frameRate.den <= 0 || m_spec.sampleRate <= 0
        || (m_spec.channels != 1 && m_spec.channels != 2) || m_spec.audioFrameSamples <= 0) {
        m_error = tr("test pattern: the frame rate, sample rate, channels (1 or 2) or audio frame size is not usable");
        return false;
    }
    // drawtext needs a font through fontconfig; without one the pattern is drawn bare.
    if (buildGraph(true)) {
        m_labelDrawn = !safeLabel(m_spec.label).isEmpty();
        return true;
    }
    const QString withTextError = m_error;
    if (buildGraph(false)) {
        m_labelDrawn = false;
        m_error.clear();
        return true;
    }
    m_error = withTextError;
    return false;
}

bool TestPatternSource::buildGraph(bool withText)
{
    m_videoSink = m_audioSink = nullptr;
    m_graph.reset(avfilter_graph_alloc());
    if (!m_graph) {
        m_error = tr("test pattern: out of memory");
        return false;
    }
    m_graph->nb_threads = 1;   // tiny pictures; the encoders want the cores
    const QByteArray description = graphDescription(withText).toUtf8();
    AVFilterInOut *inputs = nullptr;
    AVFilterInOut *outputs = nullptr;
    int ret = avfilter_graph_parse2(m_graph.get(), description.constData(), &inputs, &outputs);
    if (ret < 0) {
        avfilter_inout_free(&inputs);
        avfilter_inout_free(&outputs);
        m_error = FfmpegError::format(kSourceName, -1, tr("building the filter graph"), ret);
        return false;
    }
    for (AVFilterInOut *open = outputs; open && ret >= 0; open = open->next) {
        const bool video = qstrcmp(open->name, "vout") == 0;
        AVFilterContext *sink = nullptr;
        ret = avfilter_graph_create_filter(&sink, avfilter_get_by_name(video ? "buffersink" : "abuffersink"),
                                           video ? "video_sink" : "audio_sink", nullptr, nullptr, m_graph.get());
        if (ret >= 0)
            ret = avfilter_link(open->filter_ctx, open->pad_idx, sink, 0);
        (video ? m_videoSink : m_audioSink) = sink;
    }
    avfilter_inout_free(&inputs);
    avfilter_inout_free(&outputs);
    if (ret >= 0)
        ret = avfilter_graph_config(m_graph.get(), nullptr);
    if (ret < 0 || !m_videoSink || !m_audioSink) {
        m_error = FfmpegError::format(kSourceName, -1, tr("configuring the filter graph"), ret < 0 ? ret : AVERROR_BUG);
        m_graph.reset();
        m_videoSink = m_audioSink = nullptr;
        return false;
    }
    av_buffersink_set_frame_size(m_audioSink, unsigned(m_spec.audioFrameSamples));
    return true;
}

AVRational TestPatternSource::videoTimeBase() const
{
    return m_videoSink ? av_buffersink_get_time_base(m_videoSink) : av_inv_q(m_spec.frameRate);
}

AVRational TestPatternSource::audioTimeBase() const
{
    return m_audioSink ? av_buffersink_get_time_base(m_audioSink) : AVRational{1, m_spec.sampleRate};
}

FramePtr TestPatternSource::read(AVFilterContext *sink, bool *ended)
{
    if (*ended || !sink)
        return {};
    FramePtr frame = makeFrame();
    if (!frame) {
        m_error = tr("test pattern: out of memory");
        return {};
    }
    const int ret = av_buffersink_get_frame(sink, frame.get());
    if (ret == AVERROR_EOF) {
        *ended = true;
        return {};
    }
    if (ret < 0) {
        m_error = FfmpegError::format(kSourceName, sink == m_videoSink ? 0 : 1, tr("generating a frame"), ret);
        *ended = true;
        return {};
    }
    return frame;
}

FramePtr TestPatternSource::readVideoFrame()
{
    return read(m_videoSink, &m_videoEnded);
}

FramePtr TestPatternSource::readAudioFrame()
{
    return read(m_audioSink, &m_audioEnded);
}

bool TestPatternSource::generate(const FrameCallback &callback)
{
    if (!m_graph && !open())
        return false;
    FramePtr video = readVideoFrame();
    FramePtr audio = readAudioFrame();
    const AVRational videoBase = videoTimeBase();
    const AVRational audioBase = audioTimeBase();
    while (video || audio) {
        const bool videoFirst = video
            && (!audio || av_compare_ts(video->pts, videoBase, audio->pts, audioBase) <= 0);
        if (videoFirst) {
            if (!callback(video.get(), AVMEDIA_TYPE_VIDEO))
                return m_error.isEmpty();
            video = readVideoFrame();
        } else {
            if (!callback(audio.get(), AVMEDIA_TYPE_AUDIO))
                return m_error.isEmpty();
            audio = readAudioFrame();
        }
    }
    return m_error.isEmpty();
}

} // namespace Kinora::Core
