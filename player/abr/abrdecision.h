#pragma once

namespace Kinora::Player {

// What an ABR controller asks for: the rung of the next segment and, for
// buffer-based rules that hold the buffer near a target, a pause before the
// request.
struct AbrDecision
{
    int rung = 0;
    double delaySeconds = 0.0;
};

} // namespace Kinora::Player
