#include "server/delivery/mediatokencodec.h"

#include <QList>

#include <sodium.h>

namespace Kinora::Server::Delivery {

namespace {
constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
const QByteArray s_version = QByteArrayLiteral("v1");

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(key.constData()), size_t(key.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(data.constData()), quint64(data.size()));
    crypto_auth_hmacsha256_final(&state, mac);
    return QByteArray(reinterpret_cast<const char *>(mac), int(sizeof mac));
}
} // namespace

// A separate key, so a media token can never pass as an access token or the reverse.
MediaTokenCodec::MediaTokenCodec(const QByteArray &serverSecret)
    : m_key(hmac(serverSecret, QByteArrayLiteral("kinora media token key v1")))
{
}

QByteArray MediaTokenCodec::sign(const QByteArray &payload) const
{
    return hmac(m_key, payload);
}

QByteArray MediaTokenCodec::issue(const Claims &claims) const
{
    const QByteArray payload = s_version + '|' + claims.videoId.toUtf8() + '|' + QByteArray::number(claims.expiresAt) + '|'
        + claims.sessionId.toUtf8();
    return payload.toBase64(base64url) + '.' + sign(payload).toBase64(base64url);
}

MediaTokenCodec::Check MediaTokenCodec::check(const QByteArray &token, const QString &videoId, qint64 nowSeconds,
                                              Claims *claims) const
{
    if (token.size() > 512)
        return Check::Invalid;
    const qsizetype dot = token.indexOf('.');
    if (dot <= 0 || token.indexOf('.', dot + 1) >= 0)
        return Check::Invalid;
    const auto payload = QByteArray::fromBase64Encoding(token.left(dot), base64url | QByteArray::AbortOnBase64DecodingErrors);
    const auto signature = QByteArray::fromBase64Encoding(token.mid(dot + 1), base64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!payload || !signature)
        return Check::Invalid;
    const QByteArray expected = sign(*payload);
    if ((*signature).size() != expected.size()
        || sodium_memcmp((*signature).constData(), expected.constData(), size_t(expected.size())) != 0)
        return Check::Invalid;
    const QList<QByteArray> parts = (*payload).split('|');
    if (parts.size() != 4 || parts.at(0) != s_version)
        return Check::Invalid;
    bool ok = false;
    const qint64 expiresAt = parts.at(2).toLongLong(&ok);
    if (!ok || QString::fromUtf8(parts.at(1)) != videoId)
        return Check::Invalid;
    if (claims)
        *claims = Claims{QString::fromUtf8(parts.at(1)), expiresAt, QString::fromUtf8(parts.at(3))};
    return nowSeconds >= expiresAt ? Check::Expired : Check::Valid;
}

} // namespace Kinora::Server::Delivery
