#include "player/hls/aes128decryptor.h"

extern "C" {
#include <libavutil/aes.h>
#include <libavutil/mem.h>
}

#include <memory>

namespace Kinora::Player {

namespace {

struct AesContextDeleter
{
    void operator()(AVAES *context) const { av_free(context); }
};

} // namespace

QByteArray Aes128Decryptor::ivForSequence(qint64 mediaSequence)
{
    QByteArray iv(16, '\0');
    quint64 value = quint64(mediaSequence);
    for (int i = 15; i >= 8; --i) {
        iv[i] = char(value & 0xff);
        value >>= 8;
    }
    return iv;
}

std::optional<QByteArray> Aes128Decryptor::decrypt(const QByteArray &cipherText, const QByteArray &key,
                                                   const QByteArray &iv)
{
    m_errorString.clear();
    if (key.size() != 16) {
        m_errorString = tr("the AES-128 key is %1 bytes long instead of 16").arg(key.size());
        return std::nullopt;
    }
    if (iv.size() != 16) {
        m_errorString = tr("the AES-128 IV is %1 bytes long instead of 16").arg(iv.size());
        return std::nullopt;
    }
    if (cipherText.isEmpty() || cipherText.size() % 16 != 0) {
        m_errorString = tr("the encrypted segment is %1 bytes long, not a positive multiple of 16")
                            .arg(cipherText.size());
        return std::nullopt;
    }
    std::unique_ptr<AVAES, AesContextDeleter> context(av_aes_alloc());
    if (!context) {
        m_errorString = tr("out of memory while allocating the AES context");
        return std::nullopt;
    }
    if (av_aes_init(context.get(), reinterpret_cast<const uint8_t *>(key.constData()), 128, 1) < 0) {
        m_errorString = tr("the AES-128 key was rejected");
        return std::nullopt;
    }
    QByteArray plain(cipherText.size(), Qt::Uninitialized);
    QByteArray ivCopy = iv; // av_aes_crypt updates the IV in place
    av_aes_crypt(context.get(), reinterpret_cast<uint8_t *>(plain.data()),
                 reinterpret_cast<const uint8_t *>(cipherText.constData()), int(cipherText.size() / 16),
                 reinterpret_cast<uint8_t *>(ivCopy.data()), 1);

    const int padding = static_cast<unsigned char>(plain.back());
    if (padding < 1 || padding > 16) {
        m_errorString = tr("invalid PKCS#7 padding (wrong key or IV?)");
        return std::nullopt;
    }
    for (qsizetype i = plain.size() - padding; i < plain.size(); ++i) {
        if (static_cast<unsigned char>(plain.at(i)) != padding) {
            m_errorString = tr("invalid PKCS#7 padding (wrong key or IV?)");
            return std::nullopt;
        }
    }
    plain.chop(padding);
    return plain;
}

} // namespace Kinora::Player
