#include "core/media/hlsplaylistwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QSaveFile>

#include <cmath>

namespace Kinora::Core {

QByteArray HlsPlaylistWriter::mediaPlaylist(const QList<HlsSegment> &segments)
{
    double longest = 0.0;
    for (const HlsSegment &segment : segments)
        longest = std::max(longest, segment.durationSeconds);
    // EXTINF rounded to the nearest integer must not exceed the target duration.
    const int target = std::max(1, int(std::lround(longest)));
    QByteArray text;
    text += "#EXTM3U\n#EXT-X-VERSION:3\n";
    text += "#EXT-X-TARGETDURATION:" + QByteArray::number(target) + '\n';
    text += "#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-INDEPENDENT-SEGMENTS\n";
    for (const HlsSegment &segment : segments) {
        text += "#EXTINF:" + QByteArray::number(segment.durationSeconds, 'f', 6) + ",\n";
        text += segment.fileName.toUtf8() + '\n';
    }
    text += "#EXT-X-ENDLIST\n";
    return text;
}

QByteArray HlsPlaylistWriter::masterPlaylist(const QList<HlsVariant> &variants)
{
    QByteArray text;
    text += "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n";
    for (const HlsVariant &variant : variants) {
        text += "#EXT-X-STREAM-INF:BANDWIDTH=" + QByteArray::number(variant.peakBitrate());
        text += ",AVERAGE-BANDWIDTH=" + QByteArray::number(variant.averageBitrate());
        if (variant.width > 0 && variant.height > 0)
            text += ",RESOLUTION=" + QByteArray::number(variant.width) + 'x' + QByteArray::number(variant.height);
        if (variant.frameRate > 0.0)
            text += ",FRAME-RATE=" + QByteArray::number(variant.frameRate, 'f', 3);
        text += ",CODECS=\"" + variant.codecs.toUtf8() + "\"\n";
        text += variant.name.toUtf8() + "/index.m3u8\n";
    }
    return text;
}

QString HlsPlaylistWriter::writeFile(const QString &path, const QByteArray &text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return QCoreApplication::translate("HlsPlaylistWriter", "%1: the playlist cannot be written: %2")
            .arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

} // namespace Kinora::Core
