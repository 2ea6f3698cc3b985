#pragma once

#include "player/abr/abrcontroller.h"

namespace Kinora::Player {

// BBA-0 (Huang et al., SIGCOMM 2014): the rate is a function of the buffer
// alone, minimum rate below the reservoir (5 s), maximum above reservoir +
// cushion (10 s), linear in bitrate in between; the rung only moves when the
// map crosses the next rate up or down.
class BufferBasedAbr : public AbrController
{
public:
    struct Settings
    {
        double reservoirSeconds = 5.0;
        double cushionSeconds = 10.0;
    };

    BufferBasedAbr() = default;
    explicit BufferBasedAbr(const Settings &settings) : m_settings(settings) {}

    QString id() const override { return QStringLiteral("bba"); }
    AbrDecision decide(const AbrContext &context) override;

private:
    Settings m_settings;
};

} // namespace Kinora::Player
