#include "server/accounts/accesstokencodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <sodium.h>

namespace Kinora::Server::Accounts {

namespace {
constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

std::optional<QByteArray> decodePart(const QByteArray &part)
{
    const auto result = QByteArray::fromBase64Encoding(part, base64url | QByteArray::AbortOnBase64DecodingErrors);
    if (!result)
        return std::nullopt;
    return *result;
}
}

AccessTokenCodec::AccessTokenCodec(QByteArray secret)
    : m_secret(std::move(secret))
{
}

QByteArray AccessTokenCodec::sign(const QByteArray &signingInput) const
{
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char *>(m_secret.constData()), size_t(m_secret.size()));
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char *>(signingInput.constData()),
                                  quint64(signingInput.size()));
    crypto_auth_hmacsha256_final(&state, mac);
    return QByteArray(reinterpret_cast<const char *>(mac), sizeof mac);
}

QByteArray AccessTokenCodec::issue(qint64 userId, Role role, const QString &sessionId, qint64 nowSeconds, int ttlSeconds) const
{
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QJsonObject payload{
        {QStringLiteral("sub"), QString::number(userId)},
        {QStringLiteral("role"), roleName(role)},
        {QStringLiteral("sid"), sessionId},
        {QStringLiteral("iat"), nowSeconds},
        {QStringLiteral("exp"), nowSeconds + ttlSeconds},
        {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
    };
    const QByteArray signingInput = QJsonDocument(header).toJson(QJsonDocument::Compact).toBase64(base64url) + '.'
        + QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(base64url);
    return signingInput + '.' + sign(signingInput).toBase64(base64url);
}

std::optional<AccessTokenCodec::Claims> AccessTokenCodec::validate(const QByteArray &token, qint64 nowSeconds, QString *reason) const
{
    auto reject = [reason](const char *why) -> std::optional<Claims> {
        if (reason)
            *reason = QString::fromLatin1(why);
        return std::nullopt;
    };
    if (token.size() > 8192)
        return reject("token too long");
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || parts.at(0).isEmpty() || parts.at(1).isEmpty())
        return reject("malformed token");
    const auto headerBytes = decodePart(parts.at(0));
    const auto payloadBytes = decodePart(parts.at(1));
    const auto signature = decodePart(parts.at(2));
    if (!headerBytes || !payloadBytes || !signature)
        return reject("malformed token");

    const QJsonObject header = QJsonDocument::fromJson(*headerBytes).object();
    // Only HS256: "none" and any other algorithm are refused before anything else.
    if (header.value(QStringLiteral("alg")).toString() != QLatin1String("HS256"))
        return reject("unsupported algorithm");

    const QByteArray expected = sign(parts.at(0) + '.' + parts.at(1));
    if (signature->size() != expected.size()
        || sodium_memcmp(signature->constData(), expected.constData(), size_t(expected.size())) != 0)
        return reject("bad signature");

    const QJsonObject payload = QJsonDocument::fromJson(*payloadBytes).object();
    Claims claims;
    bool ok = false;
    claims.userId = payload.value(QStringLiteral("sub")).toString().toLongLong(&ok);
    const auto role = roleFromName(payload.value(QStringLiteral("role")).toString());
    claims.sessionId = payload.value(QStringLiteral("sid")).toString();
    claims.issuedAt = payload.value(QStringLiteral("iat")).toInteger();
    claims.expiresAt = payload.value(QStringLiteral("exp")).toInteger();
    claims.tokenId = payload.value(QStringLiteral("jti")).toString();
    if (!ok || !role || claims.sessionId.isEmpty() || claims.expiresAt <= 0)
        return reject("missing claims");
    claims.role = *role;
    if (nowSeconds >= claims.expiresAt)
        return reject("token expired");
    return claims;
}

} // namespace Kinora::Server::Accounts
