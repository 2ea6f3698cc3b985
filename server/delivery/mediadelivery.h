#pragma once

#include "server/app/serviceresult.h"
#include "server/catalog/video.h"
#include "server/delivery/deliverysettings.h"
#include "server/delivery/mediatokencodec.h"
#include "server/delivery/publicvideocache.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace Kinora::Server::Delivery {

// The URLs a player is given for one video, relative to the server root.
// expiresAtMs is 0 for plain public paths (they do not expire).
struct MediaLinks
{
    QString masterUrl;
    QString posterUrl;
    QString storyboardUrl;
    qint64 expiresAtMs = 0;

    QJsonObject toJson() const; // {masterUrl, posterUrl, storyboardUrl, expiresAt (ISO or null)}
};

// Who may read which media file, without HTTP: public, ready and published
// videos are readable at /media/videos/<id>/...; every other file under
// videos/<id>/ needs a signed token for that video in the path
// (/media/s/<token>/videos/<id>/...). Files outside videos/ stay public.
// A refused request without a token is "not found", so hidden videos are
// not revealed; a bad or expired token is "forbidden".
class MediaDelivery
{
    Q_DECLARE_TR_FUNCTIONS(MediaDelivery)

public:
    struct File
    {
        QString absolutePath;
        QString accelPath;        // "<prefix>/videos/<id>/<rest>" (encoded) when X-Accel-Redirect is on
        QByteArray cacheControl;
    };

    MediaDelivery(QString mediaDir, DeliverySettings settings, const QByteArray &serverSecret,
                  PublicVideoCache::Lookup isPublic);

    const DeliverySettings &settings() const { return m_settings; }
    const MediaTokenCodec &tokens() const { return m_tokens; }

    // Links for a video the caller may see: plain paths when it is listed
    // publicly, else signed ones valid delivery.tokenTtl seconds.
    MediaLinks linksFor(const Catalog::Video &video, const QString &sessionId, qint64 nowMs) const;

    // GET /media/<path> without a token.
    ServiceResult<File> openPublic(const QString &path, qint64 nowMs);
    // GET /media/s/<token>/<path>.
    ServiceResult<File> openSigned(const QByteArray &token, const QString &path, qint64 nowMs) const;

private:
    ServiceResult<File> openVideoFile(const QString &videoId, const QString &rest, bool signedAccess) const;

    QString m_mediaDir;
    DeliverySettings m_settings;
    MediaTokenCodec m_tokens;
    PublicVideoCache m_public;
};

} // namespace Kinora::Server::Delivery
