#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Kinora::Server::Catalog {

enum class Visibility { Public, Unlisted, Private };
enum class VideoState { Draft, Uploading, Processing, Ready, Failed };

QString visibilityName(Visibility visibility);
std::optional<Visibility> visibilityFromName(const QString &name);
QString videoStateName(VideoState state);
std::optional<VideoState> videoStateFromName(const QString &name);

// A video as stored and as the API shows it. `seq` is the internal row key
// (also the search index key); `id` is the public 11-character id.
struct Video
{
    qint64 seq = 0;
    QString id;
    qint64 ownerId = 0;
    qint64 channelId = 0;
    QString channelName;
    QString title;
    QString description;
    QStringList tags;
    QString category;
    QString language;
    Visibility visibility = Visibility::Private;
    VideoState state = VideoState::Draft;
    QString failureReason;
    qint64 scheduledAtMs = 0; // 0: not scheduled
    qint64 publishedAtMs = 0; // 0: not published yet; may lie in the future (scheduled)
    qint64 durationMs = 0;
    QString thumbnail = QStringLiteral("0");
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 viewCount = 0;
    qint64 likeCount = 0;
    qint64 dislikeCount = 0;
    qint64 commentCount = 0;

    // Shown in listings and search: public, ready and its publish time passed.
    bool isListed(qint64 nowMs) const;
    QJsonObject toJson() const;
};

QString isoTime(qint64 ms); // "2026-01-02T03:04:05.678Z"; empty for 0

} // namespace Kinora::Server::Catalog
