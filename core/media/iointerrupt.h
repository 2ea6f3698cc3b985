#pragma once

#include <atomic>
#include <chrono>

struct AVIOInterruptCB;

namespace Kinora::Core {

// Backs FFmpeg's AVIOInterruptCB: blocking demuxer and I/O calls give up once
// a wall-clock deadline passes or a cancel flag is raised.
class IoInterrupt
{
public:
    void setTimeout(std::chrono::milliseconds timeout);   // <= 0: no deadline
    void clearTimeout();
    void setCancelFlag(const std::atomic_bool *cancelled) { m_cancelled = cancelled; }
    bool timedOut() const;
    bool shouldStop() const;
    // Fills an AVIOInterruptCB pointing at this object; the object must outlive the context using it.
    void install(AVIOInterruptCB *callback);

private:
    static int check(void *opaque);

    bool m_hasDeadline = false;
    std::chrono::steady_clock::time_point m_deadline;
    const std::atomic_bool *m_cancelled = nullptr;
};

} // namespace Kinora::Core
