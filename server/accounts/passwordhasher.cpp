#include "server/accounts/passwordhasher.h"

#include <sodium.h>

namespace Kinora::Server::Accounts {

bool PasswordHasher::costIsValid(quint64 opsLimit, quint64 memLimitKiB)
{
    const quint64 bytes = memLimitKiB * 1024;
    return opsLimit >= crypto_pwhash_OPSLIMIT_MIN && opsLimit <= crypto_pwhash_OPSLIMIT_MAX
        && bytes >= crypto_pwhash_MEMLIMIT_MIN && bytes <= quint64(crypto_pwhash_MEMLIMIT_MAX)
        && memLimitKiB < (quint64(1) << 40);
}

PasswordHasher::PasswordHasher(quint64 opsLimit, quint64 memLimitKiB)
    : m_opsLimit(opsLimit)
    , m_memLimitBytes(memLimitKiB * 1024)
{
    if (sodium_init() < 0)
        return;
    m_dummyHash = hash(QStringLiteral("kinora-dummy-password"));
}

QByteArray PasswordHasher::hash(const QString &password) const
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), quint64(utf8.size()), m_opsLimit, size_t(m_memLimitBytes),
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        return {};
    return QByteArray(out);
}

bool PasswordHasher::verify(const QByteArray &storedHash, const QString &password) const
{
    if (storedHash.isEmpty() || storedHash.size() >= crypto_pwhash_STRBYTES)
        return false;
    const QByteArray utf8 = password.toUtf8();
    // storedHash is a QByteArray, so constData() is NUL-terminated.
    return crypto_pwhash_str_verify(storedHash.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

bool PasswordHasher::needsRehash(const QByteArray &storedHash) const
{
    return crypto_pwhash_str_needs_rehash(storedHash.constData(), m_opsLimit, size_t(m_memLimitBytes)) != 0;
}

void PasswordHasher::verifyDummy(const QString &password) const
{
    (void)verify(m_dummyHash, password);
}

} // namespace Kinora::Server::Accounts
