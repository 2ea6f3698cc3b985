#pragma once

#include "core/media/ffmpegptr.h"

#include <QList>
#include <QString>

namespace Kinora::Core {

// Video encoders chosen by id, as OBS registers its encoders. Hardware entries
// need a device; when it is missing the table falls back to libx264.
class VideoEncoderTable
{
public:
    struct Entry
    {
        QString id;                  // "libx264", "vaapi", "nvenc", "qsv"
        const char *codecName;       // FFmpeg encoder name
        AVHWDeviceType deviceType;   // AV_HWDEVICE_TYPE_NONE for software
        AVPixelFormat inputFormat;   // software frames handed to the encoder (or uploaded)
        bool needsHwFrames;          // frames must be uploaded to the device first
    };

    struct Selection
    {
        Entry entry;
        BufferRefPtr device;         // null for software encoders
        QString note;                // why a fallback happened, empty otherwise
    };

    static QList<Entry> entries();
    // Resolves an id; unknown ids, absent encoders or devices fall back to libx264.
    static Selection select(const QString &id);
};

} // namespace Kinora::Core
