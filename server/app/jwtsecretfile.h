#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Kinora::Server {

// The access-token signing secret kept in the data directory: 32 random bytes
// (libsodium) written once, hex-encoded, readable by the owner only (0600).
class JwtSecretFile
{
    Q_DECLARE_TR_FUNCTIONS(JwtSecretFile)

public:
    static QByteArray loadOrCreate(const QString &path, QString *error);
};

} // namespace Kinora::Server
