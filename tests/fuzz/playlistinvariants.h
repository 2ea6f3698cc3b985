#pragma once

// Parses one input with PlaylistParser and checks what must hold for any
// input: a failure names a line inside the input, a success yields
// consistent numbers. Shared by the libFuzzer target and the corpus replay.

#include "player/hls/hlstypes.h"

#include <QByteArray>
#include <QUrl>

#include <cmath>

namespace Kinora::Player::Fuzz {

// Returns nullptr when every invariant holds, else a description of the broken one.
inline const char *checkPlaylist(const QByteArray &data, bool *parsed = nullptr)
{
    PlaylistParser parser(QUrl(QStringLiteral("https://cdn.example.com/v/1/index.m3u8")));
    const bool ok = parser.parse(data);
    if (parsed)
        *parsed = ok;
    if (!ok) {
        if (parser.kind() != PlaylistParser::Kind::Invalid)
            return "failed parse left a playlist kind";
        if (parser.errorLine() < 1 || parser.errorLine() > data.count('\n') + 1)
            return "error line outside the input";
        if (parser.errorString().isEmpty())
            return "failure without a message";
        return nullptr;
    }
    if (parser.kind() == PlaylistParser::Kind::Media) {
        const MediaPlaylist &media = parser.media();
        qint64 expected = media.mediaSequence;
        qint64 discontinuity = media.discontinuitySequence;
        for (const MediaSegment &segment : media.segments) {
            if (!(segment.duration >= 0.0) || !std::isfinite(segment.duration))
                return "segment with a negative or non-finite duration";
            if (segment.sequenceNumber != expected++)
                return "media sequence numbers not consecutive";
            if (segment.discontinuity)
                ++discontinuity;
            if (segment.discontinuitySequence != discontinuity)
                return "discontinuity sequence out of step";
            if (segment.byteRange && (segment.byteRange->offset < 0 || segment.byteRange->length < 0))
                return "negative byte range";
            if (segment.key.method == SegmentKey::Method::Aes128 && segment.key.iv && segment.key.iv->size() != 16)
                return "IV that is not 16 bytes";
            if (!segment.uri.isValid())
                return "invalid segment URI";
        }
        if (media.targetDuration < 0.0)
            return "negative target duration";
    } else if (parser.kind() == PlaylistParser::Kind::Master) {
        for (const VariantStream &variant : parser.master().variants) {
            if (variant.bandwidth < 0)
                return "negative bandwidth";
        }
    } else {
        return "successful parse without a kind";
    }
    return nullptr;
}

} // namespace Kinora::Player::Fuzz
