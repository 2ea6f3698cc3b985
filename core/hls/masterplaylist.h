#pragma once

#include "core/hls/mediarendition.h"
#include "core/hls/startpoint.h"
#include "core/hls/variantstream.h"

#include <QList>

#include <optional>

namespace Kinora::Hls {

// A parsed master playlist (RFC 8216 4.3.4): the variant ladder and the
// alternative renditions its variants refer to by group id.
struct MasterPlaylist
{
    int version = 1;
    QList<VariantStream> variants;
    QList<VariantStream> iFrameVariants;
    QList<MediaRendition> renditions;
    bool independentSegments = false;
    std::optional<StartPoint> start;

    QList<MediaRendition> renditionsInGroup(MediaRendition::Type type, const QString &groupId) const
    {
        QList<MediaRendition> result;
        for (const MediaRendition &rendition : renditions) {
            if (rendition.type == type && rendition.groupId == groupId)
                result.append(rendition);
        }
        return result;
    }
};

} // namespace Kinora::Hls
