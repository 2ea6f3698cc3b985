#pragma once

namespace Kinora::Player {

// What happened to one segment in a simulated session.
struct SegmentRecord
{
    int rung = 0;
    double bitrateKbps = 0.0;
    double requestedDelaySeconds = 0.0; // pause asked by the controller
    double downloadSeconds = 0.0;       // including the request RTT
    double rebufferSeconds = 0.0;
    double bufferAfterSeconds = 0.0;    // after the segment arrived and any cap wait
    double capWaitSeconds = 0.0;
};

} // namespace Kinora::Player
