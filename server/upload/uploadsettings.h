#pragma once

#include <QString>
#include <QStringList>

namespace Kinora::Server::Upload {

// Limits of the tus upload endpoint. Every field is a configuration key
// (upload.*, see server/API.md); sizes are bytes, times seconds.
struct UploadSettings
{
    qint64 maxFileSizeBytes = qint64(16) << 30;   // one upload at most (413 max_file_size_reached)
    qint64 userQuotaBytes = qint64(100) << 30;    // bytes a user may hold in uploads (413 quota_reached)
    qint64 dailyQuotaBytes = qint64(50) << 30;    // bytes a user may start uploading in 24 h (413 quota_reached)
    int maxIncompletePerUser = 20;                // unfinished uploads a user may have at once (429)
    int expirySeconds = 24 * 3600;                // an unfinished upload expires this long after its last write
    int cleanupIntervalSeconds = 300;             // how often expired uploads are removed
    // Demuxer names (as FFmpeg reports them) a completed upload may have.
    QStringList allowedContainers = {QStringLiteral("mov"), QStringLiteral("mp4"), QStringLiteral("matroska"),
                                     QStringLiteral("webm"), QStringLiteral("avi"), QStringLiteral("mpegts"),
                                     QStringLiteral("flv"), QStringLiteral("mpeg"), QStringLiteral("ogg"),
                                     QStringLiteral("asf")};
    bool requireVideoStream = true;               // refuse files without a video track
    // Flush every PATCH to disk (fdatasync) before its offset is acknowledged.
    // Off: bytes sit in the page cache like any web server's request bodies;
    // after a power cut an upload resumes from what reached the disk.
    bool syncWrites = true;
};

} // namespace Kinora::Server::Upload
