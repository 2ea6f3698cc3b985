#pragma once

#include "core/media/ffmpegptr.h"
#include "core/media/hlssegment.h"

#include <QList>
#include <QString>

#include <deque>

namespace Kinora::Core {

// Cuts one rendition into MPEG-TS segments with a single libavformat mpegts
// muxer whose output file is swapped at each boundary (continuity counters and
// timestamps run on). A segment starts at every video keyframe that reaches the
// next boundary; audio is held back so that it lands in the segment of its time.
class HlsSegmenter
{
public:
    HlsSegmenter() = default;
    HlsSegmenter(const HlsSegmenter &) = delete;
    HlsSegmenter &operator=(const HlsSegmenter &) = delete;

    // Either encoder may be null (audio-only or video-only rendition).
    bool open(const QString &directory, const AVCodecContext *video, const AVCodecContext *audio,
              double segmentSeconds, QString *error);
    // Packets are in their encoder's time base; the segmenter takes a reference.
    bool writeVideo(const AVPacket *packet, QString *error);
    bool writeAudio(const AVPacket *packet, QString *error);
    bool finish(QString *error);

    const QList<HlsSegment> &segments() const { return m_segments; }

private:
    bool startSegment(double startSeconds, QString *error);
    bool closeSegment(double endSeconds, bool flushMuxer, QString *error);
    bool writeQueuedAudio(const AVPacket *before, AVRational beforeBase, QString *error);
    bool mux(AVPacket *packet, int streamIndex, AVRational sourceBase, QString *error);
    QString segmentPath(int index) const;

    QString m_directory;
    OutputFormatContextPtr m_context;
    int m_videoIndex = -1;
    int m_audioIndex = -1;
    AVRational m_videoBase{0, 1};
    AVRational m_audioBase{0, 1};
    double m_segmentSeconds = 4.0;
    double m_nextBoundary = 0.0;
    double m_endSeconds = 0.0;
    bool m_segmentOpen = false;
    bool m_segmentHasData = false;
    std::deque<PacketPtr> m_pendingAudio;
    QList<HlsSegment> m_segments;
};

} // namespace Kinora::Core
