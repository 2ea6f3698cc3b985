#pragma once

#include "core/media/ffmpegptr.h"
#include "core/media/ladderplan.h"

#include <functional>

namespace Kinora::Core {

// Turns decoded source pictures into the ladder's common input with one
// libavfilter graph: constant frame rate (duplicates/drops by time), rotation,
// HDR tone mapping and 8-bit 4:2:0. Output pts count frames from zero.
class VideoNormalizer
{
public:
    using FrameSink = std::function<bool(FramePtr)>;

    // timeBase: the source stream's; startPts: the source time (same base) that maps to output frame 0.
    bool open(const AVFrame *first, AVRational timeBase, const LadderPlan &plan, QString *error);
    bool isOpen() const { return m_graph != nullptr; }
    // Pushes one decoded frame (null: end of stream at endPts) and hands every ready output frame to sink.
    bool push(AVFrame *frame, const FrameSink &sink, QString *error);
    bool finish(int64_t endPts, const FrameSink &sink, QString *error);

    int width() const { return m_width; }
    int height() const { return m_height; }
    AVPixelFormat format() const { return AV_PIX_FMT_YUV420P; }
    int inputWidth() const { return m_inputWidth; }
    int inputHeight() const { return m_inputHeight; }

private:
    bool drain(const FrameSink &sink, QString *error);

    FilterGraphPtr m_graph;
    AVFilterContext *m_source = nullptr;
    AVFilterContext *m_sink = nullptr;
    int m_width = 0;
    int m_height = 0;
    int m_inputWidth = 0;
    int m_inputHeight = 0;
    AVPixelFormat m_inputFormat = AV_PIX_FMT_NONE;
};

} // namespace Kinora::Core
