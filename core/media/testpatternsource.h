#pragma once

#include "core/media/ffmpegptr.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace Kinora::Core {

// What a test pattern looks and sounds like. durationSeconds 0 means endless
// (a live test source); the picture moves, carries an optional label and the
// running time, and the tone beeps once a second so A/V sync can be judged.
struct TestPatternSpec
{
    enum class Pattern { TestSrc2, SmpteBars, Gradients, Life, Mandelbrot, CellAuto };

    Pattern pattern = Pattern::TestSrc2;
    int width = 640;
    int height = 360;
    AVRational frameRate{25, 1};
    double durationSeconds = 8.0;
    QString label;                 // drawn on the picture when a font is available; letters, digits, spaces
    int sampleRate = 48000;
    int channels = 2;
    double toneHz = 440.0;
    int audioFrameSamples = 1024;  // samples per audio frame (AAC's frame size)
};

// A generated picture and tone from libavfilter sources (testsrc2, smptebars,
// ..., sine), without any input file or external program. Pictures come out
// as yuv420p at the spec's size and rate, audio as planar float at the spec's
// rate and channel count. Pull frames one by one, or let generate() hand
// both streams interleaved by time to a callback. Not thread-safe.
class TestPatternSource
{
    Q_DECLARE_TR_FUNCTIONS(TestPatternSource)

public:
    // Video or audio frame; return false to stop generate() early.
    using FrameCallback = std::function<bool(const AVFrame *frame, AVMediaType type)>;

    explicit TestPatternSource(TestPatternSpec spec);
    ~TestPatternSource();
    TestPatternSource(const TestPatternSource &) = delete;
    TestPatternSource &operator=(const TestPatternSource &) = delete;

    bool open();

    // The next frame; nullptr at the end of the stream or on failure (errorString() tells).
    FramePtr readVideoFrame();
    FramePtr readAudioFrame();
    // Both streams until their end (or the callback's false), in presentation order.
    bool generate(const FrameCallback &callback);

    const TestPatternSpec &spec() const { return m_spec; }
    AVRational videoTimeBase() const;
    AVRational audioTimeBase() const;
    bool hasLabel() const { return m_labelDrawn; }
    QString errorString() const { return m_error; }

    static QString patternName(TestPatternSpec::Pattern pattern);

private:
    QString graphDescription(bool withText) const;
    bool buildGraph(bool withText);
    FramePtr read(AVFilterContext *sink, bool *ended);

    TestPatternSpec m_spec;
    FilterGraphPtr m_graph;
    AVFilterContext *m_videoSink = nullptr;
    AVFilterContext *m_audioSink = nullptr;
    bool m_videoEnded = false;
    bool m_audioEnded = false;
    bool m_labelDrawn = false;
    QString m_error;
};

} // namespace Kinora::Core
