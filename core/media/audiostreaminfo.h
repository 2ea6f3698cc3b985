#pragma once

#include <QString>

namespace Kinora::Core {

// What the probe learned about one audio stream.
struct AudioStreamInfo
{
    int index = -1;
    QString codec;
    int sampleRate = 0;
    int channels = 0;
    QString layout;                 // e.g. "stereo", "5.1"
    QString language;
    bool isDefault = false;
    qint64 bitRate = 0;
};

} // namespace Kinora::Core
