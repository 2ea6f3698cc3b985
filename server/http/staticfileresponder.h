#pragma once

#include "server/http/httprequest.h"
#include "server/http/httpresponse.h"

#include <QByteArray>
#include <QString>

namespace Kinora::Server::Http {

// Answers GET/HEAD for one file on disk: single byte ranges (206/416),
// validators (ETag from size and mtime, Last-Modified) with conditional
// requests (304), and a file body the connection sends with sendfile(2).
class StaticFileResponder
{
public:
    HttpResponse respond(const HttpRequest &request, const QString &absolutePath, const QByteArray &contentType,
                         const QByteArray &cacheControl) const;

    struct ByteRange
    {
        qint64 first = 0;
        qint64 last = 0; // inclusive
    };
    enum class RangeResult { None, Satisfiable, Unsatisfiable };
    // Parses a Range header against a size; multiple ranges or bad syntax give None (serve everything).
    static RangeResult parseRange(QByteArrayView header, qint64 size, ByteRange *range);
};

} // namespace Kinora::Server::Http
