#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Kinora::Server::Processing {

// What GET /api/v1/videos/{id}/status answers: the video's pipeline state
// (uploading, processing, ready, failed), the failure reason, the progress
// of its latest job and of each rendition, and how many attempts it took.
struct ProcessingStatus
{
    QString state;
    QString reason;
    double percent = 0.0;
    QJsonArray renditions;
    int attempts = 0;

    QJsonObject toJson() const
    {
        return QJsonObject{{QStringLiteral("state"), state},
                           {QStringLiteral("reason"), reason},
                           {QStringLiteral("percent"), percent},
                           {QStringLiteral("renditions"), renditions},
                           {QStringLiteral("attempts"), attempts}};
    }
};

} // namespace Kinora::Server::Processing
