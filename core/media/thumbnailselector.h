#pragma once

#include "core/media/ffmpegptr.h"

#include <QList>
#include <QStringList>

namespace Kinora::Core {

// Samples frames spread over the video, scores each (penalising black, flat or
// blurry pictures: luma mean, contrast, Laplacian sharpness) and writes the best
// as the poster plus a handful of thumbnail candidates.
class ThumbnailSelector
{
public:
    ThumbnailSelector(double durationSeconds, int count, int maxWidth);

    bool wants(double seconds) const { return m_count > 0 && m_next < m_times.size() && seconds >= m_times.at(m_next); }
    void offer(const AVFrame *frame, double seconds);
    // Writes poster.jpg and thumb_NN.jpg into directory; returns an error sentence or an empty string.
    QString write(const QString &directory, QStringList *written);

    // Higher is a better thumbnail.
    static double score(const AVFrame *frame);

private:
    struct Candidate
    {
        double seconds = 0.0;
        double score = 0.0;
        FramePtr frame;
    };

    QList<double> m_times;
    qsizetype m_next = 0;
    int m_count = 0;
    int m_maxWidth = 1280;
    std::vector<Candidate> m_candidates;
};

} // namespace Kinora::Core
