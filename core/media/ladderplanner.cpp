#include "core/media/ladderplanner.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace Kinora::Core {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("LadderPlanner", text);
}

int evenRound(double value)
{
    return std::max(2, int(std::lround(value / 2.0)) * 2);
}

int evenFloor(int value)
{
    return std::max(2, value & ~1);
}

struct StandardRate
{
    int num;
    int den;
};

constexpr StandardRate kStandardRates[] = {{24000, 1001}, {24, 1}, {25, 1}, {30000, 1001}, {30, 1},
                                           {50, 1},       {60000, 1001}, {60, 1}};

} // namespace

LadderPlanner::LadderPlanner(const LadderSettings &settings)
    : m_settings(settings)
{
}

void LadderPlanner::chooseFrameRate(const VideoStreamInfo &video, double maxRate, int *num, int *den, QStringList *notes)
{
    double rate = video.frameRate();
    *num = video.frameRateNum;
    *den = video.frameRateDen;
    if (!(rate > 0.5) || !std::isfinite(rate)) {
        *num = 25;
        *den = 1;
        notes->append(tr("The source frame rate is unknown; the output uses 25 fps."));
        return;
    }
    if (video.variableFrameRate) {
        // Snap the average rate to the nearest broadcast rate for a steady cadence.
        const StandardRate *best = &kStandardRates[0];
        for (const StandardRate &candidate : kStandardRates) {
            if (std::abs(double(candidate.num) / candidate.den - rate)
                < std::abs(double(best->num) / best->den - rate))
                best = &candidate;
        }
        *num = best->num;
        *den = best->den;
        notes->append(tr("Variable frame rate (average %1 fps) is converted to a constant %2 fps.")
                          .arg(rate, 0, 'f', 2)
                          .arg(double(*num) / *den, 0, 'f', 3));
        rate = double(*num) / *den;
    }
    if (rate > maxRate + 0.01) {
        // Halving keeps an even cadence (120 -> 60, 100 -> 50); otherwise clamp.
        if (rate / 2.0 <= maxRate + 0.01) {
            if (*num % 2 == 0)
                *num /= 2;
            else
                *den *= 2;
        } else {
            *num = int(std::lround(maxRate * 1000));
            *den = 1000;
        }
        notes->append(tr("The frame rate %1 fps is reduced to %2 fps.")
                          .arg(rate, 0, 'f', 2)
                          .arg(double(*num) / *den, 0, 'f', 3));
    }
    // Keep the time base small: reduce fractions like 60000/2000.
    const int divisor = std::gcd(*num, *den);
    if (divisor > 1) {
        *num /= divisor;
        *den /= divisor;
    }
}

std::optional<LadderPlan> LadderPlanner::plan(const MediaInfo &info)
{
    m_error.clear();
    LadderPlan plan;
    plan.hasVideo = info.hasVideo();
    plan.hasAudio = info.hasAudio();
    if (!plan.hasVideo && !plan.hasAudio) {
        m_error = tr("%1: no video or audio stream").arg(info.path);
        return std::nullopt;
    }
    if (m_settings.segmentSeconds < 1.0 || m_settings.segmentSeconds > 30.0) {
        m_error = tr("The segment duration must be between 1 and 30 seconds.");
        return std::nullopt;
    }

    if (plan.hasAudio) {
        const AudioStreamInfo &audio = info.audio();
        plan.audioStream = audio.index;
        plan.audioChannels = std::clamp(audio.channels, 1, 2);
        plan.audioSampleRate = (audio.sampleRate == 44100 || audio.sampleRate == 48000) ? audio.sampleRate : 48000;
        plan.audioKbps = m_settings.audioKbpsPerChannel * plan.audioChannels;
        if (audio.channels > 2)
            plan.notes.append(tr("The %1 audio is mixed down to stereo.").arg(audio.layout));
        if (audio.sampleRate != plan.audioSampleRate)
            plan.notes.append(tr("The audio is resampled from %1 Hz to %2 Hz.").arg(audio.sampleRate).arg(plan.audioSampleRate));
        if (info.audioStreams.size() > 1)
            plan.notes.append(tr("The input has %1 audio tracks; track %2 is used.").arg(info.audioStreams.size()).arg(audio.index));
    }

    if (!plan.hasVideo) {
        plan.segmentSeconds = m_settings.segmentSeconds;
        Rendition audioOnly;
        audioOnly.name = QStringLiteral("audio");
        audioOnly.hasVideo = false;
        audioOnly.hasAudio = true;
        plan.renditions.append(audioOnly);
        return plan;
    }

    const VideoStreamInfo &video = info.video();
    plan.videoStream = video.index;
    plan.rotation = video.rotation;
    chooseFrameRate(video, m_settings.maxFrameRate, &plan.frameRateNum, &plan.frameRateDen, &plan.notes);
    plan.segmentFrames = std::max(1, int(std::lround(m_settings.segmentSeconds * plan.frameRate())));
    plan.segmentSeconds = plan.segmentFrames / plan.frameRate();

    if (video.hdr) {
        plan.toneMap = true;
        plan.notes.append(tr("HDR (%1) is tone-mapped to SDR BT.709.").arg(video.transfer));
    }
    if (video.pixelFormat != QLatin1String("yuv420p") && video.pixelFormat != QLatin1String("yuvj420p")) {
        plan.convertPixelFormat = true;
        plan.notes.append(tr("The pixel format %1 (%2-bit) is converted to 8-bit yuv420p H.264.")
                              .arg(video.pixelFormat)
                              .arg(video.bitDepth));
    }
    if (video.rotation != 0)
        plan.notes.append(tr("The picture is rotated by %1 degrees for display.").arg(video.rotation));
    if (video.sarNum != video.sarDen)
        plan.notes.append(tr("Non-square pixels (%1:%2) are resampled to square pixels.").arg(video.sarNum).arg(video.sarDen));

    plan.displayWidth = video.displayWidth();
    plan.displayHeight = video.displayHeight();
    const int shortSide = std::min(plan.displayWidth, plan.displayHeight);
    const bool landscape = plan.displayWidth >= plan.displayHeight;
    const double rate = plan.frameRate();
    const double rateFactor = rate > 30.5 ? m_settings.highFrameRateFactor : 1.0;

    QList<LadderRungSpec> specs = m_settings.rungs;
    std::sort(specs.begin(), specs.end(), [](const LadderRungSpec &a, const LadderRungSpec &b) { return a.height > b.height; });
    if (!m_settings.heights.isEmpty()) {
        specs.erase(std::remove_if(specs.begin(), specs.end(),
                                   [this](const LadderRungSpec &spec) { return !m_settings.heights.contains(spec.height); }),
                    specs.end());
        for (int height : m_settings.heights) {
            const bool known = std::any_of(m_settings.rungs.cbegin(), m_settings.rungs.cend(),
                                           [height](const LadderRungSpec &spec) { return spec.height == height; });
            if (!known) {
                m_error = tr("No bitrate is configured for a %1p rendition.").arg(height);
                return std::nullopt;
            }
        }
    }

    auto addRung = [&](const QString &name, int targetShort, double kbps) {
        const double scale = double(targetShort) / shortSide;
        Rendition rung;
        rung.name = name;
        rung.hasAudio = plan.hasAudio;
        if (landscape) {
            rung.height = evenFloor(targetShort);
            rung.width = std::min(evenRound(plan.displayWidth * scale), evenFloor(plan.displayWidth));
        } else {
            rung.width = evenFloor(targetShort);
            rung.height = std::min(evenRound(plan.displayHeight * scale), evenFloor(plan.displayHeight));
        }
        for (const Rendition &existing : std::as_const(plan.renditions)) {
            if (existing.width == rung.width && existing.height == rung.height)
                return;
        }
        rung.videoKbps = std::max(100, int(std::lround(kbps * rateFactor)));
        rung.maxrateKbps = int(std::lround(rung.videoKbps * m_settings.peakFactor));
        rung.bufsizeKbps = rung.videoKbps * 2;
        plan.renditions.append(rung);
    };

    for (const LadderRungSpec &spec : std::as_const(specs)) {
        const QString name = QStringLiteral("%1p").arg(spec.height);
        if (spec.height <= shortSide) {
            addRung(name, spec.height, spec.videoKbps);
        } else if (plan.renditions.isEmpty() && shortSide >= m_settings.sourceTolerance * spec.height) {
            // Just below a rung (e.g. 1079 lines for 1080p): keep the source size, never upscale.
            const double area = double(shortSide) / spec.height;
            addRung(name, shortSide, spec.videoKbps * area * area);
        }
    }
    if (plan.renditions.isEmpty()) {
        // Smaller than every selected rung: one rendition at the source size.
        const LadderRungSpec smallest = specs.isEmpty() ? LadderRungSpec{240, 365} : specs.constLast();
        const double area = double(shortSide) / smallest.height;
        addRung(QStringLiteral("%1p").arg(evenFloor(shortSide)), shortSide, smallest.videoKbps * area * area);
    }
    return plan;
}

} // namespace Kinora::Core
