#pragma once

#include "player/abr/abrcontext.h"
#include "player/abr/abrdecision.h"

#include <QString>

namespace Kinora::Player {

// An adaptive bitrate rule. Implementations are plain classes, created by id
// through AbrRegistry, and run as well in the player as in the simulator.
class AbrController
{
public:
    virtual ~AbrController() = default;

    virtual QString id() const = 0;
    virtual AbrDecision decide(const AbrContext &context) = 0;
    // Forget per-session state (new video, seek).
    virtual void reset() {}
};

} // namespace Kinora::Player
