#pragma once

#include "core/media/laddersettings.h"
#include "core/media/medialimits.h"

#include <QString>

namespace Kinora::Core {

// Everything a transcode job can be told: the ladder, the encoder and the extras.
struct TranscodeSettings
{
    LadderSettings ladder;
    MediaLimits limits;
    QString preset = QStringLiteral("veryfast");      // x264 preset
    QString encoderId = QStringLiteral("libx264");    // see VideoEncoderTable
    int encoderThreads = 0;        // threads per rendition encoder; 0 lets the encoder decide
    int frameQueueDepth = 8;       // decoded frames buffered per rendition
    int thumbnailCount = 5;
    int thumbnailWidth = 1280;     // poster and thumbnails, never wider than the source
    double storyboardIntervalSeconds = 0.0;   // 0: chosen from the duration (2 to 10 s)
    int storyboardTileWidth = 160;
    int storyboardColumns = 10;
    int storyboardRows = 10;
    int maxCorruptPackets = 200;   // skipped with a warning; beyond this the job fails
};

} // namespace Kinora::Core
