#pragma once

namespace Kinora::Hls {

// Preferred start position (EXT-X-START). A negative offset counts from the end.
struct StartPoint
{
    double timeOffset = 0.0;
    bool precise = false;
};

} // namespace Kinora::Hls
