#include "server/catalog/videoid.h"

#include <QRandomGenerator>

namespace Kinora::Server::Catalog {

namespace {
constexpr char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
}

QString VideoId::generate()
{
    // 64 alphabet characters: each one takes exactly 6 bits, no modulo bias.
    QString id(Length, Qt::Uninitialized);
    QRandomGenerator *random = QRandomGenerator::system();
    for (int i = 0; i < Length; ++i)
        id[i] = QLatin1Char(Alphabet[random->bounded(64)]);
    return id;
}

bool VideoId::isValid(const QString &id)
{
    if (id.size() != Length)
        return false;
    for (QChar c : id) {
        const ushort u = c.unicode();
        const bool ok = (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace Kinora::Server::Catalog
