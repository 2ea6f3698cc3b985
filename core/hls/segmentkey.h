#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

namespace Kinora::Hls {

// Encryption in force for a media segment (EXT-X-KEY). Without an explicit IV,
// AES-128 uses the segment's media sequence number as the IV (RFC 8216 5.2).
struct SegmentKey
{
    enum class Method { None, Aes128, SampleAes };

    Method method = Method::None;
    QUrl uri;
    std::optional<QByteArray> iv; // 16 bytes when present
    QString keyFormat;
};

} // namespace Kinora::Hls
