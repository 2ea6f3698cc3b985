#pragma once

#include "player/hls/byterange.h"

#include <QUrl>

#include <optional>

namespace Kinora::Player {

// Media initialization section (EXT-X-MAP) that precedes the segments it applies to.
struct MediaInitialization
{
    QUrl uri;
    std::optional<ByteRange> byteRange;
};

} // namespace Kinora::Player
