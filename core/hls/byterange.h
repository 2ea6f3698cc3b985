#pragma once

#include <QtGlobal>

namespace Kinora::Hls {

// A sub-range of a resource (EXT-X-BYTERANGE / BYTERANGE attribute). The parser
// resolves an omitted offset to the end of the previous range of the same URI,
// so offset is always absolute here.
struct ByteRange
{
    qint64 length = 0;
    qint64 offset = 0;

    bool operator==(const ByteRange &) const = default;
};

} // namespace Kinora::Hls
