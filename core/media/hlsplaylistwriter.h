#pragma once

#include "core/media/hlsvariant.h"

#include <QByteArray>

namespace Kinora::Core {

// Writes HLS playlists (RFC 8216): one VOD media playlist per rendition and
// the master playlist that lists them with measured bandwidths.
class HlsPlaylistWriter
{
public:
    static QByteArray mediaPlaylist(const QList<HlsSegment> &segments);
    static QByteArray masterPlaylist(const QList<HlsVariant> &variants);
    // Writes the text atomically (QSaveFile); returns an error sentence or an empty string.
    static QString writeFile(const QString &path, const QByteArray &text);
};

} // namespace Kinora::Core
