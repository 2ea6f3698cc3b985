#pragma once

#include <QList>
#include <QString>

namespace Kinora::Server::Processing {

// Limits and choices of the processing queue. Every field is a configuration
// key (processing.*, see server/API.md).
struct ProcessingSettings
{
    int workers = 1;                                   // jobs run at once by this process
    int maxAttempts = 3;                               // a job that failed this often stays failed
    int retryBaseSeconds = 10;                         // wait before the 2nd attempt, doubling after each failure
    QList<int> ladderHeights = {1080, 720, 480, 360};  // renditions by short side, never upscaled
    QString preset = QStringLiteral("veryfast");       // x264 preset of transcodes
    qint64 maxPackageEntryBytes = qint64(4) << 30;     // largest single file in a studio package
    int maxPackageEntries = 20000;                     // files in a studio package
};

} // namespace Kinora::Server::Processing
