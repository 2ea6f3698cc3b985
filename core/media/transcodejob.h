#pragma once

#include "core/media/audioencoder.h"
#include "core/media/ffmpegptr.h"
#include "core/media/hlsvariant.h"
#include "core/media/iointerrupt.h"
#include "core/media/ladderplan.h"
#include "core/media/mediainfo.h"
#include "core/media/renditionencoder.h"
#include "core/media/storyboardbuilder.h"
#include "core/media/thumbnailselector.h"
#include "core/media/transcodeprogress.h"
#include "core/media/transcodesettings.h"
#include "core/media/videonormalizer.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <vector>

namespace Kinora::Core {

// One transcode from input file to a complete HLS folder (work directory):
// probe, plan, decode once, fan frames out to the rendition encoders, then
// write playlists, thumbnails and the storyboard. Runs on the calling thread;
// HlsTranscoder wraps it with signals and the atomic publish of the folder.
class TranscodeJob
{
public:
    using ProgressCallback = std::function<void(const TranscodeProgress &)>;
    using WarningCallback = std::function<void(const QString &)>;

    TranscodeJob(const QString &input, const QString &workDirectory, const TranscodeSettings &settings,
                 const std::atomic_bool *cancelled);
    ~TranscodeJob();

    void setProgressCallback(ProgressCallback callback) { m_onProgress = std::move(callback); }
    void setWarningCallback(WarningCallback callback) { m_onWarning = std::move(callback); }

    bool run();
    QString errorString() const { return m_error; }
    bool wasCancelled() const;
    const LadderPlan &plan() const { return m_plan; }
    const MediaInfo &mediaInfo() const { return m_info; }
    const QList<HlsVariant> &variants() const { return m_variants; }

private:
    bool openInput();
    bool openDecoders();
    bool openEncoders(int sourceWidth, int sourceHeight, AVPixelFormat format);
    bool decodeAll();
    bool decodePacket(AVCodecContext *decoder, const AVPacket *packet, bool video);
    bool handleVideoFrame(AVFrame *frame);
    bool handleNormalizedFrame(FramePtr frame);
    bool handleAudioFrame(AVFrame *frame);
    bool dispatchFrame(const AVFrame *frame);
    void dispatchAudio(PacketPtr packet);
    bool finishEncoders();
    bool writeOutputs();
    void warn(const QString &message);
    void reportProgress(bool force);
    bool fail(const QString &message);

    QString m_input;
    QString m_workDirectory;
    TranscodeSettings m_settings;
    const std::atomic_bool *m_cancelled;
    ProgressCallback m_onProgress;
    WarningCallback m_onWarning;

    IoInterrupt m_interrupt;
    InputFormatContextPtr m_format;
    MediaInfo m_info;
    LadderPlan m_plan;
    CodecContextPtr m_videoDecoder;
    CodecContextPtr m_audioDecoder;
    VideoNormalizer m_normalizer;
    AudioEncoder m_audioEncoder;
    std::vector<std::unique_ptr<RenditionEncoder>> m_renditions;
    std::unique_ptr<ThumbnailSelector> m_thumbnails;
    std::unique_ptr<StoryboardBuilder> m_storyboard;
    bool m_encodersStarted = false;
    std::vector<PacketPtr> m_earlyAudio;   // audio encoded before the first picture opened the encoders
    int64_t m_videoOrigin = 0;        // source pts (video time base) of output time zero
    double m_originSeconds = 0.0;
    int64_t m_lastVideoPts = AV_NOPTS_VALUE;
    int64_t m_lastVideoDuration = 0;
    qint64 m_framesOut = 0;
    int m_corrupt = 0;
    int m_warnings = 0;
    QList<HlsVariant> m_variants;
    QString m_error;
    std::chrono::steady_clock::time_point m_started;
    std::chrono::steady_clock::time_point m_lastProgress;
};

} // namespace Kinora::Core
