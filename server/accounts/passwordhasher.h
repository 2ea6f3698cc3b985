#pragma once

#include <QByteArray>
#include <QString>

namespace Kinora::Server::Accounts {

// Argon2id password hashes in the PHC string format ("$argon2id$v=19$m=...,t=...,p=1$..."),
// through libsodium's crypto_pwhash_str; verification compares in constant time.
class PasswordHasher
{
public:
    PasswordHasher(quint64 opsLimit, quint64 memLimitKiB);

    // Empty on failure (out of memory, cost outside libsodium's bounds).
    QByteArray hash(const QString &password) const;
    bool verify(const QByteArray &storedHash, const QString &password) const;
    bool needsRehash(const QByteArray &storedHash) const;

    // Spends about the time of one verification, so an unknown user name is
    // not told apart from a wrong password by the response time.
    void verifyDummy(const QString &password) const;

    quint64 opsLimit() const { return m_opsLimit; }
    quint64 memLimitBytes() const { return m_memLimitBytes; }

    static bool costIsValid(quint64 opsLimit, quint64 memLimitKiB);

private:
    quint64 m_opsLimit;
    quint64 m_memLimitBytes;
    QByteArray m_dummyHash;
};

} // namespace Kinora::Server::Accounts
