#include "server/delivery/mediadelivery.h"

#include "server/catalog/videoid.h"
#include "server/http/pathresolver.h"

#include <QFileInfo>
#include <QUrl>

namespace Kinora::Server::Delivery {

namespace {

const QString s_videosPrefix = QStringLiteral("videos/");

ServiceError notFound()
{
    return ServiceError{404, QByteArrayLiteral("not_found"), MediaDelivery::tr("No such media file."), 0};
}

// A VOD playlist may still be replaced (a new rendition published), so it is
// revalidated soon; segments and images never change under one name. Signed
// media stays out of shared caches.
QByteArray cacheControlFor(const QString &path, bool privateMedia)
{
    const QByteArray scope = privateMedia ? QByteArrayLiteral("private") : QByteArrayLiteral("public");
    if (path.endsWith(QLatin1String(".m3u8")))
        return scope + ", max-age=10";
    if (path.endsWith(QLatin1String(".vtt")))
        return scope + ", max-age=300";
    return scope + ", max-age=31536000, immutable";
}

// Splits "videos/<id>/<rest>"; false when the path does not have that shape.
bool splitVideoPath(const QString &path, QString *videoId, QString *rest)
{
    if (!path.startsWith(s_videosPrefix))
        return false;
    const qsizetype slash = path.indexOf(u'/', s_videosPrefix.size());
    if (slash < 0)
        return false;
    *videoId = path.mid(s_videosPrefix.size(), slash - s_videosPrefix.size());
    *rest = path.mid(slash + 1);
    return Catalog::VideoId::isValid(*videoId) && !rest->isEmpty();
}

QString isoOrEmpty(qint64 ms)
{
    return ms > 0 ? Catalog::isoTime(ms) : QString();
}

} // namespace

QJsonObject MediaLinks::toJson() const
{
    return QJsonObject{
        {QStringLiteral("masterUrl"), masterUrl},
        {QStringLiteral("posterUrl"), posterUrl},
        {QStringLiteral("storyboardUrl"), storyboardUrl},
        {QStringLiteral("expiresAt"), expiresAtMs > 0 ? QJsonValue(isoOrEmpty(expiresAtMs)) : QJsonValue(QJsonValue::Null)},
    };
}

MediaDelivery::MediaDelivery(QString mediaDir, DeliverySettings settings, const QByteArray &serverSecret,
                             PublicVideoCache::Lookup isPublic)
    : m_mediaDir(std::move(mediaDir))
    , m_settings(std::move(settings))
    , m_tokens(serverSecret)
    , m_public(std::move(isPublic), m_settings.visibilityCacheMs)
{
}

MediaLinks MediaDelivery::linksFor(const Catalog::Video &video, const QString &sessionId, qint64 nowMs) const
{
    MediaLinks links;
    QString base = QStringLiteral("/media/videos/%1/").arg(video.id);
    if (!video.isListed(nowMs)) {
        // Whole seconds in the token; the link is announced with the same instant.
        const qint64 expiresAt = nowMs / 1000 + m_settings.tokenTtlSeconds;
        const QByteArray token = m_tokens.issue(MediaTokenCodec::Claims{video.id, expiresAt, sessionId});
        base = QStringLiteral("/media/s/%1/videos/%2/").arg(QString::fromLatin1(token), video.id);
        links.expiresAtMs = expiresAt * 1000;
    }
    links.masterUrl = base + QStringLiteral("master.m3u8");
    links.posterUrl = base + QStringLiteral("thumbs/poster.jpg");
    links.storyboardUrl = base + QStringLiteral("storyboard/storyboard.vtt");
    return links;
}

ServiceResult<MediaDelivery::File> MediaDelivery::openPublic(const QString &path, qint64 nowMs)
{
    QString videoId;
    QString rest;
    if (splitVideoPath(path, &videoId, &rest)) {
        if (!m_public.isPublic(videoId, nowMs))
            return notFound();
        return openVideoFile(videoId, rest, false);
    }
    // Everything under videos/ goes through the visibility check above.
    if (path == QLatin1String("videos") || path.startsWith(s_videosPrefix))
        return notFound();
    const std::optional<QString> absolute = Http::resolveUnder(m_mediaDir, path);
    if (!absolute || !QFileInfo(*absolute).isFile())
        return notFound();
    File file{*absolute, {}, cacheControlFor(*absolute, false)};
    if (!m_settings.accelRedirectPrefix.isEmpty())
        file.accelPath = m_settings.accelRedirectPrefix + u'/' + QString::fromLatin1(QUrl::toPercentEncoding(path, "/"));
    return file;
}

ServiceResult<MediaDelivery::File> MediaDelivery::openSigned(const QByteArray &token, const QString &path, qint64 nowMs) const
{
    QString videoId;
    QString rest;
    if (!splitVideoPath(path, &videoId, &rest))
        return notFound();
    switch (m_tokens.check(token, videoId, nowMs / 1000)) {
    case MediaTokenCodec::Check::Invalid:
        return ServiceError{403, QByteArrayLiteral("media_token_invalid"), tr("This media link is not valid."), 0};
    case MediaTokenCodec::Check::Expired:
        return ServiceError{403, QByteArrayLiteral("media_token_expired"),
                            tr("This media link has expired; ask for a new one."), 0};
    case MediaTokenCodec::Check::Valid:
        break;
    }
    return openVideoFile(videoId, rest, true);
}

ServiceResult<MediaDelivery::File> MediaDelivery::openVideoFile(const QString &videoId, const QString &rest, bool signedAccess) const
{
    // Resolved under the video's own folder, so nothing in `rest` reaches
    // another video, and under the media folder, in case the video folder
    // itself is a symlink.
    const QString folder = m_mediaDir + QStringLiteral("/videos/") + videoId;
    const std::optional<QString> absolute = Http::resolveUnder(folder, rest);
    if (!absolute || !Http::resolveUnder(m_mediaDir, QStringLiteral("videos/") + videoId + u'/' + rest)
        || !QFileInfo(*absolute).isFile())
        return notFound();
    File file{*absolute, {}, cacheControlFor(*absolute, signedAccess)};
    if (!m_settings.accelRedirectPrefix.isEmpty())
        file.accelPath = m_settings.accelRedirectPrefix + QStringLiteral("/videos/") + videoId + u'/'
            + QString::fromLatin1(QUrl::toPercentEncoding(rest, "/"));
    return file;
}

} // namespace Kinora::Server::Delivery
