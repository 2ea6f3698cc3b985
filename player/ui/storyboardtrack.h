#pragma once

#include <QList>
#include <QRect>
#include <QUrl>

#include <optional>

namespace Kinora::Player {

// Seek-bar previews from a WebVTT storyboard: each cue names a sprite image
// and the tile in it (`sprite.jpg#xywh=x,y,w,h`) shown for that time range.
// Relative image URIs resolve against the storyboard's own URL.
class StoryboardTrack
{
public:
    struct Tile
    {
        double start = 0.0;
        double end = 0.0;
        QUrl image;
        QRect rect; // empty: the whole image
    };

    bool parse(const QByteArray &webVtt, const QUrl &baseUrl);
    std::optional<Tile> tileAt(double seconds) const;
    const QList<Tile> &tiles() const { return m_tiles; }
    QList<QUrl> images() const;

private:
    QList<Tile> m_tiles;
};

} // namespace Kinora::Player
