#pragma once

#include "core/hls/byterange.h"

#include <QUrl>

#include <optional>

namespace Kinora::Hls {

// Media initialization section (EXT-X-MAP) that precedes the segments it applies to.
struct MediaInitialization
{
    QUrl uri;
    std::optional<ByteRange> byteRange;
};

} // namespace Kinora::Hls
