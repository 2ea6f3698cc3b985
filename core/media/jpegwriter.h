#pragma once

#include <QString>

struct AVFrame;

namespace Kinora::Core {

// Encodes one picture (any pixel format, any size) to a JPEG file.
class JpegWriter
{
public:
    // Scales to width x height (0: keep) and writes path; returns an error sentence or an empty string.
    static QString write(const AVFrame *frame, const QString &path, int width = 0, int height = 0, int quality = 4);
};

} // namespace Kinora::Core
