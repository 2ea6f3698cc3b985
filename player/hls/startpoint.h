#pragma once

namespace Kinora::Player {

// Preferred start position (EXT-X-START). A negative offset counts from the end.
struct StartPoint
{
    double timeOffset = 0.0;
    bool precise = false;
};

} // namespace Kinora::Player
