#pragma once

#include "player/hls/mediarendition.h"
#include "player/hls/startpoint.h"
#include "player/hls/variantstream.h"

#include <QList>

#include <optional>

namespace Kinora::Player {

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

} // namespace Kinora::Player
