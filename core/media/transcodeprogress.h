#pragma once

#include <QMetaType>

namespace Kinora::Core {

// A snapshot of a running transcode.
struct TranscodeProgress
{
    double percent = 0.0;
    double positionSeconds = 0.0;   // media time encoded on every rendition
    double durationSeconds = 0.0;
    double fps = 0.0;               // output frames per second of wall time
    double speed = 0.0;             // media seconds per wall second
    double etaSeconds = -1.0;       // -1 while unknown
};

} // namespace Kinora::Core

Q_DECLARE_METATYPE(Kinora::Core::TranscodeProgress)
