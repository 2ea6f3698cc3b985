#pragma once

#include "core/media/ladderplan.h"
#include "core/media/laddersettings.h"
#include "core/media/mediainfo.h"

#include <optional>

namespace Kinora::Core {

// Plans the HLS ladder for a probed input: never upscales, keeps the display
// aspect ratio with even sizes, caps the frame rate and turns variable frame
// rate, HDR and unusual pixel formats into 8-bit 4:2:0 at a constant rate.
class LadderPlanner
{
public:
    explicit LadderPlanner(const LadderSettings &settings = {});

    std::optional<LadderPlan> plan(const MediaInfo &info);
    QString errorString() const { return m_error; }

    // The constant output rate chosen for a source rate (exposed for tests).
    static void chooseFrameRate(const VideoStreamInfo &video, double maxRate, int *num, int *den, QStringList *notes);

private:
    LadderSettings m_settings;
    QString m_error;
};

} // namespace Kinora::Core
