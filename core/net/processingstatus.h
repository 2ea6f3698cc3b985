#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Kinora::Core {

// GET /api/v1/videos/{id}/status: where the server is with a video.
struct ProcessingStatus
{
    struct Rendition
    {
        QString name;
        QString state; // queued, running, done
        double percent = 0.0;
    };

    QString state;  // uploading, processing, ready, failed
    QString reason; // why it failed, or why the last attempt failed while a retry waits
    double percent = 0.0;
    int attempts = 0;
    QList<Rendition> renditions;

    bool isValid() const { return !state.isEmpty(); }
    static ProcessingStatus fromJson(const QJsonObject &json);
};

} // namespace Kinora::Core
