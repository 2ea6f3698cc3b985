#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace Kinora::Core {

// How far one rendition's encoder is (renditions encode concurrently and
// may run apart by the encoders' queues).
struct RenditionProgress
{
    QString name;
    double percent = 0.0;
    double positionSeconds = 0.0;
};

// A snapshot of a running transcode.
struct TranscodeProgress
{
    double percent = 0.0;
    double positionSeconds = 0.0;   // media time encoded on every rendition
    double durationSeconds = 0.0;
    double fps = 0.0;               // output frames per second of wall time
    double speed = 0.0;             // media seconds per wall second
    double etaSeconds = -1.0;       // -1 while unknown
    QList<RenditionProgress> renditions; // in ladder order
};

} // namespace Kinora::Core

Q_DECLARE_METATYPE(Kinora::Core::TranscodeProgress)
