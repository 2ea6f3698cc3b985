#pragma once

#include <QList>

namespace Kinora::Core {

// One candidate rung: the short side of the picture and its H.264 bitrate at <= 30 fps.
struct LadderRungSpec
{
    int height = 0;
    int videoKbps = 0;
};

// What the ladder planner may produce. Defaults follow Apple's HLS authoring
// guidance for H.264 (1080p 6 Mbit/s, 720p 3 Mbit/s, 432p 1.1 Mbit/s, 360p 0.73 Mbit/s ...),
// extended upwards for 1440p and 2160p.
struct LadderSettings
{
    QList<LadderRungSpec> rungs = defaultRungs();
    QList<int> heights;                    // keep only these short sides; empty keeps every rung
    double segmentSeconds = 4.0;
    double maxFrameRate = 60.0;
    double highFrameRateFactor = 1.5;      // bitrate multiplier above 30 fps
    double peakFactor = 1.5;               // VBV maxrate relative to the average bitrate
    int audioKbpsPerChannel = 64;
    double sourceTolerance = 0.9;          // a source this close below a rung still gets it, at source size

    static QList<LadderRungSpec> defaultRungs()
    {
        return {{2160, 16000}, {1440, 10000}, {1080, 6000}, {720, 3000}, {480, 1100}, {360, 730}, {240, 365}};
    }
};

} // namespace Kinora::Core
