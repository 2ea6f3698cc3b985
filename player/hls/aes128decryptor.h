#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Kinora::Player {

// Decrypts an HLS AES-128 segment: AES-128-CBC over the whole segment with
// PKCS#7 padding (RFC 8216 4.3.2.4). The IV comes from EXT-X-KEY or, when the
// tag has none, from the segment's media sequence number (ivForSequence()).
class Aes128Decryptor
{
    Q_DECLARE_TR_FUNCTIONS(Kinora::Player::Aes128Decryptor)

public:
    static QByteArray ivForSequence(qint64 mediaSequence);

    // Returns the plaintext, or nothing (with errorString()) on a wrong key or
    // IV size, a length that is not a multiple of 16, or invalid padding.
    std::optional<QByteArray> decrypt(const QByteArray &cipherText, const QByteArray &key, const QByteArray &iv);
    QString errorString() const { return m_errorString; }

private:
    QString m_errorString;
};

} // namespace Kinora::Player
