#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

#include <optional>

namespace Kinora::Server::Upload {

// The tus checksum extension: "Upload-Checksum: <algorithm> <base64 digest>"
// for the bytes of one PATCH. sha1 and sha256 are supported.
class UploadChecksum
{
public:
    enum class ParseError { None, Malformed, UnsupportedAlgorithm };

    static QByteArray supportedAlgorithms(); // "sha1,sha256"

    static std::optional<UploadChecksum> parse(const QByteArray &header, ParseError *error);

    // Hashes a file's first `size` bytes; nullopt when it cannot be read.
    std::optional<bool> matchesFile(const QString &path, qint64 size) const;

    QCryptographicHash::Algorithm algorithm() const { return m_algorithm; }
    QByteArray digest() const { return m_digest; }

private:
    QCryptographicHash::Algorithm m_algorithm = QCryptographicHash::Sha256;
    QByteArray m_digest;
};

} // namespace Kinora::Server::Upload
