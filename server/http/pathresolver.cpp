#include "server/http/pathresolver.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace Kinora::Server::Http {

namespace {

bool isUnder(const QString &canonicalRoot, const QString &canonicalPath)
{
    if (canonicalPath == canonicalRoot)
        return true;
    const QString prefix = canonicalRoot.endsWith(u'/') ? canonicalRoot : canonicalRoot + u'/';
    return canonicalPath.startsWith(prefix);
}

} // namespace

std::optional<QString> resolveUnder(const QString &root, const QString &relativeUrlPath)
{
    if (relativeUrlPath.isEmpty() || root.isEmpty())
        return std::nullopt;
    // Encoded separators, dots and NUL never name a legitimate media file.
    static const QString forbiddenEncoded[] = {QStringLiteral("%2e"), QStringLiteral("%2f"), QStringLiteral("%5c"),
                                               QStringLiteral("%00"), QStringLiteral("%25")};
    for (const QString &f : forbiddenEncoded) {
        if (relativeUrlPath.contains(f, Qt::CaseInsensitive))
            return std::nullopt;
    }
    const QString decoded = relativeUrlPath.contains(u'%') ? QUrl::fromPercentEncoding(relativeUrlPath.toUtf8())
                                                           : relativeUrlPath;
    if (decoded.contains(u'%') || decoded.contains(QChar(0)) || decoded.contains(u'\\') || decoded.startsWith(u'/')
        || decoded.contains(QChar(0xFFFD)))
        return std::nullopt;
    if (decoded.size() >= 2 && decoded.at(1) == u':')
        return std::nullopt; // "C:..." drive paths
    const QStringList segments = decoded.split(u'/');
    for (const QString &s : segments) {
        if (s.isEmpty() || s == u"." || s == u"..")
            return std::nullopt;
        for (QChar c : s) {
            if (c.unicode() < 0x20)
                return std::nullopt;
        }
    }

    const QString canonicalRoot = QFileInfo(root).canonicalFilePath();
    if (canonicalRoot.isEmpty())
        return std::nullopt;
    const QString candidate = QDir::cleanPath(canonicalRoot + u'/' + decoded);
    if (!isUnder(canonicalRoot, candidate))
        return std::nullopt;

    // Resolve the deepest part that exists: symlinks in it must stay inside root.
    QString existing = candidate;
    while (!QFileInfo::exists(existing) && existing != canonicalRoot) {
        const qsizetype slash = existing.lastIndexOf(u'/');
        if (slash <= 0)
            return std::nullopt;
        existing.truncate(slash);
    }
    // A dangling symlink "exists" for neither check above; refuse it outright.
    if (QFileInfo(candidate).isSymLink() && !QFileInfo::exists(candidate))
        return std::nullopt;
    const QString canonicalExisting = QFileInfo(existing).canonicalFilePath();
    if (canonicalExisting.isEmpty() || !isUnder(canonicalRoot, canonicalExisting))
        return std::nullopt;
    return candidate;
}

} // namespace Kinora::Server::Http
