#pragma once

#include <QString>

namespace Kinora::Core {

// One finished MPEG-TS segment of a rendition.
struct HlsSegment
{
    QString fileName;          // relative to the rendition folder, e.g. "seg_00003.ts"
    double startSeconds = 0.0;
    double durationSeconds = 0.0;
    qint64 bytes = 0;
};

} // namespace Kinora::Core
