#pragma once

#include <QString>

namespace Kinora::Core {

// One variant of the HLS ladder: its folder name, picture size and bitrates.
struct Rendition
{
    QString name;                 // folder and label, e.g. "720p" or "audio"
    bool hasVideo = true;
    bool hasAudio = true;
    int width = 0;
    int height = 0;
    int videoKbps = 0;
    int maxrateKbps = 0;
    int bufsizeKbps = 0;
};

} // namespace Kinora::Core
