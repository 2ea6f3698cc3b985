#include "core/media/thumbnailselector.h"

#include "core/media/jpegwriter.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace Kinora::Core {

ThumbnailSelector::ThumbnailSelector(double durationSeconds, int count, int maxWidth)
    : m_count(count)
    , m_maxWidth(maxWidth)
{
    const int samples = std::max(10, count * 3);
    if (durationSeconds > 0.0) {
        for (int i = 0; i < samples; ++i)
            m_times.append((i + 0.5) * durationSeconds / samples);
    } else {
        for (int i = 0; i < samples; ++i)
            m_times.append(1.0 + i * 5.0);
    }
}

double ThumbnailSelector::score(const AVFrame *frame)
{
    const int width = std::min(160, frame->width);
    const int height = std::max(2, int(std::lround(double(frame->height) * width / frame->width)));
    SwsContextPtr scaler(sws_getContext(frame->width, frame->height, AVPixelFormat(frame->format), width, height,
                                        AV_PIX_FMT_GRAY8, SWS_AREA, nullptr, nullptr, nullptr));
    if (!scaler)
        return 0.0;
    std::vector<uint8_t> luma(size_t(width) * height);
    uint8_t *planes[4] = {luma.data(), nullptr, nullptr, nullptr};
    int strides[4] = {width, 0, 0, 0};
    sws_scale(scaler.get(), frame->data, frame->linesize, 0, frame->height, planes, strides);

    double sum = 0.0;
    double squares = 0.0;
    for (uint8_t value : luma) {
        sum += value;
        squares += double(value) * value;
    }
    const double count = double(luma.size());
    const double mean = sum / count;
    const double deviation = std::sqrt(std::max(0.0, squares / count - mean * mean));
    double laplacian = 0.0;
    int points = 0;
    for (int y = 1; y + 1 < height; ++y) {
        for (int x = 1; x + 1 < width; ++x) {
            const int centre = luma[size_t(y) * width + x];
            const int value = 4 * centre - luma[size_t(y - 1) * width + x] - luma[size_t(y + 1) * width + x]
                              - luma[size_t(y) * width + x - 1] - luma[size_t(y) * width + x + 1];
            laplacian += std::abs(value);
            ++points;
        }
    }
    const double sharpness = points > 0 ? laplacian / points : 0.0;
    double result = deviation + 2.0 * sharpness;
    if (mean < 24.0 || mean > 232.0 || deviation < 8.0)
        result *= 0.1;   // black, blown-out or flat frames make poor posters
    return result;
}

void ThumbnailSelector::offer(const AVFrame *frame, double seconds)
{
    while (m_next < m_times.size() && seconds >= m_times.at(m_next))
        ++m_next;
    const int width = std::min(m_maxWidth, frame->width) & ~1;
    const int height = std::max(2, int(std::lround(double(frame->height) * width / frame->width)) & ~1);
    SwsContextPtr scaler(sws_getContext(frame->width, frame->height, AVPixelFormat(frame->format), width, height,
                                        AV_PIX_FMT_YUV420P, SWS_BICUBIC, nullptr, nullptr, nullptr));
    FramePtr copy = makeFrame();
    if (!scaler || !copy)
        return;
    copy->format = AV_PIX_FMT_YUV420P;
    copy->width = width;
    copy->height = height;
    if (av_frame_get_buffer(copy.get(), 0) < 0)
        return;
    sws_scale(scaler.get(), frame->data, frame->linesize, 0, frame->height, copy->data, copy->linesize);
    Candidate candidate;
    candidate.seconds = seconds;
    candidate.score = score(copy.get());
    candidate.frame = std::move(copy);
    m_candidates.push_back(std::move(candidate));
}

QString ThumbnailSelector::write(const QString &directory, QStringList *written)
{
    if (m_candidates.empty())
        return {};
    std::stable_sort(m_candidates.begin(), m_candidates.end(),
                     [](const Candidate &a, const Candidate &b) { return a.score > b.score; });
    QString error = JpegWriter::write(m_candidates.front().frame.get(), directory + QStringLiteral("/poster.jpg"));
    if (!error.isEmpty())
        return error;
    written->append(QStringLiteral("poster.jpg"));
    const size_t keep = std::min(m_candidates.size(), size_t(std::max(1, m_count)));
    std::sort(m_candidates.begin(), m_candidates.begin() + qsizetype(keep),
              [](const Candidate &a, const Candidate &b) { return a.seconds < b.seconds; });
    for (size_t i = 0; i < keep; ++i) {
        const QString name = QStringLiteral("thumb_%1.jpg").arg(i, 2, 10, QLatin1Char('0'));
        error = JpegWriter::write(m_candidates[i].frame.get(), directory + QLatin1Char('/') + name);
        if (!error.isEmpty())
            return error;
        written->append(name);
    }
    return {};
}

} // namespace Kinora::Core
