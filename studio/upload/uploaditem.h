#pragma once

#include "core/net/videodraft.h"

#include <QDateTime>
#include <QString>

namespace Kinora::Studio {

// What the creator asked for in the upload wizard.
struct UploadRequest
{
    enum class Mode { TranscodeHere, ServerTranscodes };

    QString filePath;
    Mode mode = Mode::TranscodeHere;
    Core::VideoDraft metadata;       // title required; thumbnail "0".."2" or "custom"
    QString customThumbnailPath;     // set when metadata.thumbnail == "custom"
};

// One entry of the upload queue as the views show it.
struct UploadItem
{
    enum class Stage {
        Queued,       // waiting for its turn
        Transcoding,  // the media core builds the ladder on this machine
        Packaging,    // the ladder is written into one archive
        Uploading,    // tus upload (resumable)
        Paused,       // stopped by the creator; resume() continues where it stopped
        Processing,   // uploaded; the server checks/transcodes and publishes
        Done,         // the video is ready on the server
        Failed,       // see error; retry() starts the failed stage again
        Cancelled
    };

    qint64 id = 0;               // journal row id, stable across restarts
    UploadRequest request;
    Stage stage = Stage::Queued;
    Stage pausedStage = Stage::Queued; // the stage a Paused item resumes into
    QString videoId;             // the server's draft, once created
    double percent = 0.0;        // of the current stage, 0..100
    double speed = 0.0;          // Transcoding: x realtime; Uploading: bytes per second
    qint64 etaSeconds = -1;      // -1: unknown
    qint64 bytesSent = 0;
    qint64 bytesTotal = 0;
    QString error;               // what went wrong and what to do, when Failed
    QDateTime createdAt;

    bool isActive() const
    {
        return stage == Stage::Transcoding || stage == Stage::Packaging || stage == Stage::Uploading
               || stage == Stage::Processing;
    }
    bool isFinished() const { return stage == Stage::Done || stage == Stage::Failed || stage == Stage::Cancelled; }
};

} // namespace Kinora::Studio
