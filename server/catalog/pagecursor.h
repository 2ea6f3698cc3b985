#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Kinora::Server::Catalog {

// Opaque keyset cursors: a kind tag and a few integers, base64url-encoded, so
// a cursor of one listing cannot be replayed against another and clients do
// not depend on its content.
class PageCursor
{
public:
    static QString encode(const QString &kind, const QList<qint64> &values);
    // Empty optional when the cursor is malformed, of another kind, or does
    // not hold exactly `count` values.
    static std::optional<QList<qint64>> decode(const QString &cursor, const QString &kind, int count);
};

} // namespace Kinora::Server::Catalog
