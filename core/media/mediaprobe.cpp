#include "core/media/mediaprobe.h"

#include "core/media/ffmpegerror.h"
#include "core/media/iointerrupt.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSize>

#include <cmath>

extern "C" {
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

namespace Kinora::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("MediaProbe", text);
}

bool looksLikeIsoBmff(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(12);
    return head.size() >= 8 && head.mid(4, 4) == "ftyp";
}

// FFmpeg's YUV4MPEG2 reader rejects absurd sizes before it reports them; read the
// declared size from the text header so the error can name it.
QSize declaredRawVideoSize(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = file.readLine(256);
    if (!line.startsWith("YUV4MPEG2 "))
        return {};
    int width = 0;
    int height = 0;
    for (const QByteArray &token : line.trimmed().split(' ')) {
        if (token.startsWith('W'))
            width = token.mid(1).toInt();
        else if (token.startsWith('H'))
            height = token.mid(1).toInt();
    }
    return QSize(width, height);
}

int clockwiseRotation(const AVStream *stream)
{
    const uint8_t *matrix = av_stream_get_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr);
    if (!matrix)
        return 0;
    const double counterClockwise = av_display_rotation_get(reinterpret_cast<const int32_t *>(matrix));
    if (std::isnan(counterClockwise))
        return 0;
    int degrees = int(std::lround(-counterClockwise));
    degrees = ((degrees % 360) + 360) % 360;
    // Snap to the nearest quarter turn; other angles are not representable by a transpose.
    return ((degrees + 45) / 90 % 4) * 90;
}

QString tagValue(AVDictionary *metadata, const char *key)
{
    const AVDictionaryEntry *entry = av_dict_get(metadata, key, nullptr, 0);
    return entry ? QString::fromUtf8(entry->value) : QString();
}

} // namespace

MediaProbe::MediaProbe(const MediaLimits &limits)
    : m_limits(limits)
{
}

QString MediaProbe::fail(const QString &path, const QString &reason)
{
    m_error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), reason);
    return m_error;
}

InputFormatContextPtr MediaProbe::open(const QString &path, IoInterrupt *interrupt)
{
    m_error.clear();
    const QFileInfo info(path);
    if (!info.exists()) {
        fail(path, tr("no such file"));
        return {};
    }
    if (!info.isFile() || !info.isReadable()) {
        fail(path, tr("not a readable file"));
        return {};
    }
    if (info.size() == 0) {
        fail(path, tr("empty file"));
        return {};
    }

    interrupt->setTimeout(std::chrono::milliseconds(m_limits.probeTimeoutMs));
    AVFormatContext *raw = avformat_alloc_context();
    if (!raw) {
        fail(path, tr("out of memory"));
        return {};
    }
    interrupt->install(&raw->interrupt_callback);
    raw->probesize = std::max<qint64>(32, m_limits.probeSizeBytes);
    raw->max_analyze_duration = m_limits.analyzeDurationUs;
    raw->format_probesize = int(std::min<qint64>(m_limits.probeSizeBytes, 1 << 20));

    int ret = avformat_open_input(&raw, QFile::encodeName(path).constData(), nullptr, nullptr);
    if (ret < 0) {   // avformat_open_input frees the context on failure
        const QSize declared = declaredRawVideoSize(path);
        if (declared.width() > m_limits.maxWidth || declared.height() > m_limits.maxHeight)
            fail(path, tr("%1x%2 exceeds the %3x%4 limit")
                           .arg(declared.width()).arg(declared.height()).arg(m_limits.maxWidth).arg(m_limits.maxHeight));
        else if (interrupt->timedOut())
            fail(path, tr("gave up: opening took longer than %1 ms").arg(m_limits.probeTimeoutMs));
        else if (ret == AVERROR_INVALIDDATA && looksLikeIsoBmff(path))
            fail(path, tr("truncated: the index (moov) is missing"));
        else if (ret == AVERROR_INVALIDDATA)
            fail(path, tr("not a media file"));
        else
            fail(path, tr("cannot be opened: %1").arg(FfmpegError::describe(ret)));
        return {};
    }
    InputFormatContextPtr context(raw);

    // Refuse absurd sizes announced by the header before the demuxer reads a frame of that size.
    if (context->nb_streams > unsigned(m_limits.maxStreams)) {
        fail(path, tr("%1 streams exceed the limit of %2").arg(context->nb_streams).arg(m_limits.maxStreams));
        return {};
    }
    for (unsigned i = 0; i < context->nb_streams; ++i) {
        const AVCodecParameters *par = context->streams[i]->codecpar;
        if (par->codec_type == AVMEDIA_TYPE_VIDEO
            && (par->width > m_limits.maxWidth || par->height > m_limits.maxHeight)) {
            fail(path, tr("%1x%2 exceeds the %3x%4 limit")
                           .arg(par->width).arg(par->height).arg(m_limits.maxWidth).arg(m_limits.maxHeight));
            return {};
        }
    }

    ret = avformat_find_stream_info(context.get(), nullptr);
    if (ret < 0) {
        if (interrupt->timedOut())
            fail(path, tr("gave up: analysing took longer than %1 ms").arg(m_limits.probeTimeoutMs));
        else
            fail(path, tr("the streams cannot be analysed: %1").arg(FfmpegError::describe(ret)));
        return {};
    }
    if (interrupt->timedOut()) {
        fail(path, tr("gave up: analysing took longer than %1 ms").arg(m_limits.probeTimeoutMs));
        return {};
    }
    interrupt->clearTimeout();
    return context;
}

std::optional<MediaInfo> MediaProbe::describe(AVFormatContext *context, const QString &path)
{
    MediaInfo result;
    result.path = path;
    result.container = QString::fromUtf8(context->iformat->name);
    if (context->duration != AV_NOPTS_VALUE && context->duration > 0)
        result.durationSeconds = double(context->duration) / AV_TIME_BASE;
    result.bitRate = context->bit_rate;

    if (context->nb_streams > unsigned(m_limits.maxStreams)) {
        fail(path, tr("%1 streams exceed the limit of %2").arg(context->nb_streams).arg(m_limits.maxStreams));
        return std::nullopt;
    }
    if (!std::isfinite(result.durationSeconds) || result.durationSeconds > m_limits.maxDurationSeconds) {
        fail(path, tr("a duration of %1 s exceeds the limit of %2 s")
                       .arg(result.durationSeconds, 0, 'f', 0).arg(m_limits.maxDurationSeconds, 0, 'f', 0));
        return std::nullopt;
    }

    int defaultAudio = -1;
    for (unsigned i = 0; i < context->nb_streams; ++i) {
        const AVStream *stream = context->streams[i];
        const AVCodecParameters *par = stream->codecpar;
        const AVCodecDescriptor *codec = avcodec_descriptor_get(par->codec_id);
        const QString codecName = codec ? QString::fromUtf8(codec->name) : QStringLiteral("unknown");
        if (par->codec_type == AVMEDIA_TYPE_VIDEO) {
            if (stream->disposition & AV_DISPOSITION_ATTACHED_PIC)
                continue;   // cover art, not a video track
            VideoStreamInfo video;
            video.index = int(i);
            video.codec = codecName;
            video.width = par->width;
            video.height = par->height;
            if (video.width <= 0 || video.height <= 0) {
                fail(path, tr("stream %1: the picture size is unknown").arg(i));
                return std::nullopt;
            }
            if (video.width > m_limits.maxWidth || video.height > m_limits.maxHeight) {
                fail(path, tr("%1x%2 exceeds the %3x%4 limit")
                               .arg(video.width).arg(video.height).arg(m_limits.maxWidth).arg(m_limits.maxHeight));
                return std::nullopt;
            }
            const auto format = AVPixelFormat(par->format);
            const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(format);
            video.pixelFormat = desc ? QString::fromUtf8(desc->name) : QStringLiteral("unknown");
            video.bitDepth = desc ? desc->comp[0].depth : (par->bits_per_raw_sample > 0 ? par->bits_per_raw_sample : 8);
            AVRational rate = stream->avg_frame_rate;
            if (rate.num <= 0 || rate.den <= 0)
                rate = stream->r_frame_rate;
            if (rate.num > 0 && rate.den > 0) {
                video.frameRateNum = rate.num;
                video.frameRateDen = rate.den;
            }
            const AVRational real = stream->r_frame_rate;
            if (real.num > 0 && real.den > 0 && stream->avg_frame_rate.num > 0 && stream->avg_frame_rate.den > 0) {
                const double a = av_q2d(stream->avg_frame_rate);
                const double r = av_q2d(real);
                video.variableFrameRate = std::abs(a - r) > 0.01 * r;
            }
            video.rotation = clockwiseRotation(stream);
            const AVRational sar = av_guess_sample_aspect_ratio(context, const_cast<AVStream *>(stream), nullptr);
            if (sar.num > 0 && sar.den > 0) {
                AVRational reduced;
                av_reduce(&reduced.num, &reduced.den, sar.num, sar.den, 1 << 16);
                video.sarNum = reduced.num;
                video.sarDen = reduced.den;
            }
            video.transfer = QString::fromUtf8(av_color_transfer_name(par->color_trc) ? av_color_transfer_name(par->color_trc) : "unknown");
            video.hdr = par->color_trc == AVCOL_TRC_SMPTE2084 || par->color_trc == AVCOL_TRC_ARIB_STD_B67;
            video.bitRate = par->bit_rate;
            if (result.primaryVideo < 0 || (stream->disposition & AV_DISPOSITION_DEFAULT
                                             && !(context->streams[result.videoStreams.at(result.primaryVideo).index]->disposition
                                                  & AV_DISPOSITION_DEFAULT)))
                result.primaryVideo = int(result.videoStreams.size());
            result.videoStreams.append(video);
        } else if (par->codec_type == AVMEDIA_TYPE_AUDIO) {
            AudioStreamInfo audio;
            audio.index = int(i);
            audio.codec = codecName;
            audio.sampleRate = par->sample_rate;
            audio.channels = par->ch_layout.nb_channels;
            char layout[128] = {};
            if (av_channel_layout_describe(&par->ch_layout, layout, sizeof layout) > 0)
                audio.layout = QString::fromUtf8(layout);
            audio.language = tagValue(stream->metadata, "language");
            audio.isDefault = stream->disposition & AV_DISPOSITION_DEFAULT;
            audio.bitRate = par->bit_rate;
            if (audio.sampleRate <= 0 || audio.channels <= 0)
                continue;   // undecodable audio description: ignore the track rather than fail
            if (audio.isDefault && defaultAudio < 0)
                defaultAudio = int(result.audioStreams.size());
            result.audioStreams.append(audio);
        }
    }
    if (result.videoStreams.isEmpty() && result.audioStreams.isEmpty()) {
        fail(path, tr("no video or audio stream"));
        return std::nullopt;
    }
    if (!result.audioStreams.isEmpty())
        result.primaryAudio = defaultAudio >= 0 ? defaultAudio : 0;
    if (result.durationSeconds <= 0.0 && result.hasVideo()) {
        const AVStream *stream = context->streams[result.video().index];
        if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0)
            result.durationSeconds = stream->duration * av_q2d(stream->time_base);
    }
    m_error.clear();
    return result;
}

std::optional<MediaInfo> MediaProbe::probe(const QString &path)
{
    IoInterrupt interrupt;
    InputFormatContextPtr context = open(path, &interrupt);
    if (!context)
        return std::nullopt;
    return describe(context.get(), path);
}

} // namespace Kinora::Core
