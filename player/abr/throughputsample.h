#pragma once

namespace Kinora::Player {

// One finished segment download as the ABR sees it: request to last byte,
// and the part of it spent before the first byte arrived (request latency).
struct ThroughputSample
{
    double bits = 0.0;
    double seconds = 0.0;
    double latencySeconds = 0.0;

    double bitsPerSecond() const { return seconds > 0.0 ? bits / seconds : 0.0; }
    // Throughput while the body was flowing, without the request latency.
    double transferBitsPerSecond() const
    {
        const double transfer = seconds - latencySeconds;
        return transfer > 0.0 ? bits / transfer : bitsPerSecond();
    }
};

} // namespace Kinora::Player
