#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace Kinora::Core {

// A video as the catalog routes return it (GET /api/v1/videos and friends),
// reduced to what the viewer's screens show. Counts are those of the moment
// of the request.
struct VideoSummary
{
    QString id;
    QString ownerId;
    QString channelId;
    QString channelName;
    QString title;
    QString description;
    QStringList tags;
    QString category;
    QString language;
    QString visibility;    // public, unlisted, private
    QString state;         // draft, uploading, processing, ready, failed
    QString failureReason; // set when state is failed
    QString thumbnail;     // "0".."2" or "custom"
    QDateTime scheduledAt; // invalid: no schedule
    QDateTime publishedAt;
    QDateTime createdAt;
    qint64 durationMs = 0;
    qint64 viewCount = 0;
    qint64 likeCount = 0;
    qint64 dislikeCount = 0;
    qint64 commentCount = 0;
    QString posterUrl; // set when the server sends one (signed media); else empty

    bool isValid() const { return !id.isEmpty(); }
    static VideoSummary fromJson(const QJsonObject &json);
};

// An entry of the watch history or of "continue watching".
struct WatchEntry
{
    VideoSummary video;
    qint64 positionMs = 0;
    QDateTime watchedAt;

    static WatchEntry fromJson(const QJsonObject &json);
};

} // namespace Kinora::Core
