#include "core/media/videostreaminfo.h"

#include <cmath>

namespace Kinora::Core {

static int squarePixelWidth(const VideoStreamInfo &info)
{
    if (info.sarNum <= 0 || info.sarDen <= 0)
        return info.width;
    return int(std::lround(double(info.width) * info.sarNum / info.sarDen));
}

int VideoStreamInfo::displayWidth() const
{
    return (rotation == 90 || rotation == 270) ? height : squarePixelWidth(*this);
}

int VideoStreamInfo::displayHeight() const
{
    return (rotation == 90 || rotation == 270) ? squarePixelWidth(*this) : height;
}

} // namespace Kinora::Core
