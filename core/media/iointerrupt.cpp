#include "core/media/iointerrupt.h"

extern "C" {
#include <libavformat/avio.h>
}

namespace Kinora::Core {

void IoInterrupt::setTimeout(std::chrono::milliseconds timeout)
{
    m_hasDeadline = timeout.count() > 0;
    m_deadline = std::chrono::steady_clock::now() + timeout;
}

void IoInterrupt::clearTimeout()
{
    m_hasDeadline = false;
}

bool IoInterrupt::timedOut() const
{
    return m_hasDeadline && std::chrono::steady_clock::now() >= m_deadline;
}

bool IoInterrupt::shouldStop() const
{
    return timedOut() || (m_cancelled && m_cancelled->load());
}

void IoInterrupt::install(AVIOInterruptCB *callback)
{
    callback->callback = &IoInterrupt::check;
    callback->opaque = this;
}

int IoInterrupt::check(void *opaque)
{
    return static_cast<const IoInterrupt *>(opaque)->shouldStop() ? 1 : 0;
}

} // namespace Kinora::Core
