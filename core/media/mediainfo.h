#pragma once

#include "core/media/audiostreaminfo.h"
#include "core/media/videostreaminfo.h"

#include <QList>
#include <QString>

namespace Kinora::Core {

// The result of probing one file: container facts plus every audio and video stream.
struct MediaInfo
{
    QString path;
    QString container;              // demuxer name, e.g. "mov,mp4,m4a,3gp,3g2,mj2"
    double durationSeconds = 0.0;
    qint64 bitRate = 0;
    QList<VideoStreamInfo> videoStreams;
    QList<AudioStreamInfo> audioStreams;
    int primaryVideo = -1;          // index into videoStreams, -1 when there is none
    int primaryAudio = -1;          // index into audioStreams (the default track), -1 when none

    bool hasVideo() const { return primaryVideo >= 0; }
    bool hasAudio() const { return primaryAudio >= 0; }
    const VideoStreamInfo &video() const { return videoStreams.at(primaryVideo); }
    const AudioStreamInfo &audio() const { return audioStreams.at(primaryAudio); }
};

} // namespace Kinora::Core
