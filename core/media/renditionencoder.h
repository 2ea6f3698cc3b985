#pragma once

#include "core/media/ffmpegptr.h"
#include "core/media/hlssegmenter.h"
#include "core/media/ladderplan.h"
#include "core/media/renditionqueue.h"
#include "core/media/transcodesettings.h"
#include "core/media/videoencodertable.h"

#include <atomic>
#include <thread>

namespace Kinora::Core {

// Encodes one rendition on its own thread: scales the shared decoded frames to
// its size, encodes H.264 with an IDR at every segment start and feeds its
// HlsSegmenter together with the shared AAC packets.
class RenditionEncoder
{
public:
    RenditionEncoder(const Rendition &rendition, const LadderPlan &plan, const TranscodeSettings &settings,
                     const QString &directory);
    ~RenditionEncoder();
    RenditionEncoder(const RenditionEncoder &) = delete;
    RenditionEncoder &operator=(const RenditionEncoder &) = delete;

    // Sets up encoder, scaler and muxer. Source frames arrive in sourceFormat at
    // sourceWidth x sourceHeight; audio may be null.
    bool open(int sourceWidth, int sourceHeight, AVPixelFormat sourceFormat, const AVCodecContext *audio,
              QString *error);
    void start();
    RenditionQueue &queue() { return m_queue; }
    // Waits for the thread; true when the rendition finished without error.
    bool join(QString *error);

    const Rendition &rendition() const { return m_rendition; }
    qint64 framesEncoded() const { return m_framesEncoded.load(); }
    double audioSecondsMuxed() const { return m_audioSeconds.load(); }
    bool isDone() const { return m_done.load(); }
    QString videoCodecString() const { return m_codecString; }
    const QList<HlsSegment> &segments() const { return m_segmenter.segments(); }
    QString note() const { return m_note; }

private:
    void run();
    bool encodeFrame(AVFrame *frame);
    bool drainEncoder();
    bool prepareFrame(AVFrame *source, AVFrame **ready);

    Rendition m_rendition;
    LadderPlan m_plan;
    TranscodeSettings m_settings;
    QString m_directory;
    RenditionQueue m_queue;
    VideoEncoderTable::Selection m_encoder;
    CodecContextPtr m_video;
    SwsContextPtr m_scaler;
    FramePtr m_scaled;
    FramePtr m_hwFrame;
    BufferRefPtr m_hwFrames;
    PacketPtr m_packet;
    HlsSegmenter m_segmenter;
    AVRational m_audioBase{1, 48000};
    int m_sourceWidth = 0;
    int m_sourceHeight = 0;
    AVPixelFormat m_sourceFormat = AV_PIX_FMT_NONE;
    std::thread m_thread;
    std::atomic<qint64> m_framesEncoded{0};
    std::atomic<double> m_audioSeconds{0.0};
    std::atomic_bool m_done{false};
    QString m_error;
    QString m_codecString;
    QString m_note;
};

} // namespace Kinora::Core
