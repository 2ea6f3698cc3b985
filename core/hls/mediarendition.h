#pragma once

#include <QString>
#include <QUrl>

namespace Kinora::Hls {

// An alternative rendition (EXT-X-MEDIA) that belongs to a group referenced by variants.
struct MediaRendition
{
    enum class Type { Audio, Video, Subtitles, ClosedCaptions };

    Type type = Type::Audio;
    QString groupId;
    QString name;
    QString language;
    QString associatedLanguage;
    QUrl uri; // empty when the rendition is muxed into the variant stream
    bool isDefault = false;
    bool autoSelect = false;
    bool forced = false;
    QString instreamId;
    QString characteristics;
    QString channels;
};

} // namespace Kinora::Hls
