#pragma once

#include <QString>

#include <optional>

namespace Kinora::Server::Http {

// Maps a relative URL path (as captured by a "{*rest}" route segment, encoded
// or decoded) to an absolute path inside root. Refuses "..", ".", encoded
// separators or dots (%2e, %2f, %5c, %00), double encoding, absolute paths,
// NUL, backslashes and any path whose existing part resolves (through
// symlinks) outside root. The target itself need not exist yet.
std::optional<QString> resolveUnder(const QString &root, const QString &relativeUrlPath);

} // namespace Kinora::Server::Http
