#pragma once

#include "core/media/ffmpegptr.h"

#include <QString>

#include <vector>

namespace Kinora::Core {

// Builds the seek-preview storyboard: tiles taken at a fixed interval, packed
// into sprite sheets (sprite_N.jpg) and mapped by storyboard.vtt
// ("sprite_0.jpg#xywh=x,y,w,h" per time range).
class StoryboardBuilder
{
public:
    // interval <= 0 chooses 2 to 10 s from the duration (about 100 tiles).
    StoryboardBuilder(double durationSeconds, double intervalSeconds, int tileWidth, int columns, int rows,
                      int sourceWidth, int sourceHeight);

    double interval() const { return m_interval; }
    bool wants(double seconds) const { return seconds >= m_tiles * m_interval - 1e-6; }
    bool add(const AVFrame *frame, QString *error);
    // Writes the sheets and the WebVTT index; returns an error sentence or an empty string.
    QString write(const QString &directory, double durationSeconds);
    int tileCount() const { return m_tiles; }

private:
    double m_interval = 5.0;
    int m_tileWidth = 160;
    int m_tileHeight = 90;
    int m_columns = 10;
    int m_rows = 10;
    int m_tiles = 0;
    std::vector<FramePtr> m_sheets;
    SwsContextPtr m_scaler;
};

} // namespace Kinora::Core
