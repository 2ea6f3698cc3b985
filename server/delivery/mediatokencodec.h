#pragma once

#include <QByteArray>
#include <QString>

namespace Kinora::Server::Delivery {

// Signed, expiring capabilities for the media of one video, carried in the
// URL path (/media/s/<token>/videos/<id>/...) so that the relative URIs of HLS
// playlists inherit them. A token is base64url("v1|id|expiry|session") + "." +
// base64url(HMAC-SHA-256); the key is derived from the server's secret, the
// signature is compared in constant time, and a token names exactly one video.
class MediaTokenCodec
{
public:
    struct Claims
    {
        QString videoId;
        qint64 expiresAt = 0; // seconds since the epoch
        QString sessionId;    // playback session the token was issued for, may be empty
    };

    enum class Check { Valid, Expired, Invalid };

    explicit MediaTokenCodec(const QByteArray &serverSecret);

    QByteArray issue(const Claims &claims) const;
    // Invalid when malformed, wrongly signed or issued for another video;
    // Expired when genuine but past its expiry.
    Check check(const QByteArray &token, const QString &videoId, qint64 nowSeconds, Claims *claims = nullptr) const;

private:
    QByteArray sign(const QByteArray &payload) const;

    QByteArray m_key;
};

} // namespace Kinora::Server::Delivery
