#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Kinora::Hls {

// One entry of a master playlist's variant ladder (EXT-X-STREAM-INF or
// EXT-X-I-FRAME-STREAM-INF). Bandwidths are in bits per second.
struct VariantStream
{
    QUrl uri;
    qint64 bandwidth = 0;
    std::optional<qint64> averageBandwidth;
    QSize resolution; // invalid when not given
    QStringList codecs;
    double frameRate = 0.0; // 0 when not given
    QString hdcpLevel;
    QString audioGroup;
    QString videoGroup;
    QString subtitlesGroup;
    QString closedCaptionsGroup;
    bool iFramesOnly = false;
};

} // namespace Kinora::Hls
