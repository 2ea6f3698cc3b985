#pragma once

#include <QString>

namespace Kinora::Core {

// What the probe learned about one video stream.
struct VideoStreamInfo
{
    int index = -1;                 // stream index in the container
    QString codec;                  // e.g. "h264"
    int width = 0;                  // coded picture size, before rotation
    int height = 0;
    QString pixelFormat;            // e.g. "yuv420p10le"
    int bitDepth = 8;
    int frameRateNum = 0;           // the nominal (average) frame rate
    int frameRateDen = 1;
    bool variableFrameRate = false;
    int rotation = 0;               // clockwise degrees to turn the picture for display: 0, 90, 180, 270
    int sarNum = 1;                 // sample (pixel) aspect ratio
    int sarDen = 1;
    QString transfer;               // colour transfer, e.g. "bt709", "smpte2084"
    bool hdr = false;               // PQ or HLG transfer
    qint64 bitRate = 0;

    double frameRate() const { return frameRateDen > 0 ? double(frameRateNum) / frameRateDen : 0.0; }
    // Size as shown: square pixels, rotation applied.
    int displayWidth() const;
    int displayHeight() const;
};

} // namespace Kinora::Core
