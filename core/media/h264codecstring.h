#pragma once

#include <QByteArray>
#include <QString>

namespace Kinora::Core {

// Builds the RFC 6381 "avc1.PPCCLL" codec string of an H.264 stream from the
// sequence parameter set found in Annex B data (an encoded keyframe).
class H264CodecString
{
public:
    // Returns an empty string when the data holds no SPS.
    static QString fromAnnexB(const QByteArray &data);
};

} // namespace Kinora::Core
