#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Kinora::Server::Processing {

// Reads the start of one media segment: its first video packet (whether it
// is a keyframe, and the RFC 6381 codec string of its SPS), the picture size
// and whether it carries AAC audio. Bounded: a segment is a few megabytes.
class SegmentInspector
{
    Q_DECLARE_TR_FUNCTIONS(SegmentInspector)

public:
    struct Result
    {
        bool hasVideo = false;
        bool firstPacketIsKeyframe = false;
        QString videoCodecString;   // "avc1.64001f"; empty when no SPS was found
        QString videoCodec;         // FFmpeg codec name
        int width = 0;
        int height = 0;
        bool hasAudio = false;
        QString audioCodec;
    };

    std::optional<Result> inspect(const QString &path);
    QString errorString() const { return m_error; }

private:
    QString m_error;
};

} // namespace Kinora::Server::Processing
