#pragma once

#include "core/media/rendition.h"

#include <QList>
#include <QStringList>

namespace Kinora::Core {

// The decisions taken for one input: which renditions to encode and how to
// normalise the source (frame rate, rotation, pixel format) before scaling.
struct LadderPlan
{
    QList<Rendition> renditions;
    bool hasVideo = false;
    bool hasAudio = false;
    int videoStream = -1;             // container stream index
    int audioStream = -1;

    // Video normalisation, done once before the per-rendition scalers.
    int frameRateNum = 0;             // constant output frame rate
    int frameRateDen = 1;
    int rotation = 0;                 // clockwise degrees to apply
    bool convertPixelFormat = false;  // source is not 8-bit 4:2:0
    bool toneMap = false;             // HDR source mapped to SDR BT.709
    int displayWidth = 0;             // after rotation and square pixels
    int displayHeight = 0;

    double segmentSeconds = 4.0;      // exact: segmentFrames / frame rate when there is video
    int segmentFrames = 0;

    int audioSampleRate = 48000;
    int audioChannels = 2;
    int audioKbps = 128;

    QStringList notes;                // human-readable remarks on conversions

    double frameRate() const { return frameRateDen > 0 ? double(frameRateNum) / frameRateDen : 0.0; }
};

} // namespace Kinora::Core
