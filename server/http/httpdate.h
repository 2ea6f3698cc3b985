#pragma once

#include <QByteArray>
#include <QDateTime>

namespace Kinora::Server::Http {

// IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT") formatting and parsing,
// independent of the process locale.
class HttpDate
{
public:
    static QByteArray format(const QDateTime &time);
    static QByteArray format(qint64 secondsSinceEpoch);
    static QDateTime parse(QByteArrayView text); // invalid QDateTime when unparsable
    static QByteArray now();                     // cached per thread, refreshed each second
};

} // namespace Kinora::Server::Http
