#include "server/http/staticfileresponder.h"

#include "server/http/httpdate.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>

namespace Kinora::Server::Http {

namespace {

QString trText(const char *text)
{
    return QCoreApplication::translate("Kinora::Server::Http::StaticFileResponder", text);
}

// Digits only; -1 when empty, not a number or too large.
qint64 parseNumber(QByteArrayView s)
{
    if (s.isEmpty() || s.size() > 18)
        return -1;
    qint64 v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

bool etagListMatches(QByteArrayView list, QByteArrayView etag)
{
    if (trimmed(list) == "*")
        return true;
    // Weak comparison: W/"x" matches "x".
    for (QByteArrayView item : QByteArray(list.toByteArray()).split(',')) {
        QByteArrayView t = trimmed(item);
        if (t.startsWith("W/"))
            t = t.sliced(2);
        if (t == etag)
            return true;
    }
    return false;
}

} // namespace

StaticFileResponder::RangeResult StaticFileResponder::parseRange(QByteArrayView header, qint64 size, ByteRange *range)
{
    header = trimmed(header);
    if (!header.startsWith("bytes="))
        return RangeResult::None;
    const QByteArrayView spec = trimmed(header.sliced(6));
    if (spec.contains(','))
        return RangeResult::None;
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return RangeResult::None;
    const QByteArrayView a = trimmed(spec.first(dash));
    const QByteArrayView b = trimmed(spec.sliced(dash + 1));
    if (a.isEmpty()) {
        // Suffix range: the last n bytes.
        const qint64 n = parseNumber(b);
        if (n < 0)
            return RangeResult::None;
        if (n == 0 || size == 0)
            return RangeResult::Unsatisfiable;
        range->first = qMax<qint64>(0, size - n);
        range->last = size - 1;
        return RangeResult::Satisfiable;
    }
    const qint64 first = parseNumber(a);
    if (first < 0)
        return RangeResult::None;
    qint64 last = size - 1;
    if (!b.isEmpty()) {
        last = parseNumber(b);
        if (last < 0 || last < first)
            return RangeResult::None;
        last = qMin(last, size - 1);
    }
    if (first >= size)
        return RangeResult::Unsatisfiable;
    range->first = first;
    range->last = last;
    return RangeResult::Satisfiable;
}

HttpResponse StaticFileResponder::respond(const HttpRequest &request, const QString &absolutePath,
                                          const QByteArray &contentType, const QByteArray &cacheControl) const
{
    const QFileInfo info(absolutePath);
    if (!info.exists() || !info.isFile() || !info.isReadable())
        return HttpResponse::error(404, "not_found", trText("The requested file does not exist."));

    const qint64 size = info.size();
    const QDateTime modified = info.lastModified();
    const QByteArray etag = '"' + QByteArray::number(size, 16) + '-' + QByteArray::number(modified.toMSecsSinceEpoch(), 16) + '"';
    const QByteArray lastModified = HttpDate::format(modified);

    HttpResponse response;
    response.setHeader("ETag", etag);
    response.setHeader("Last-Modified", lastModified);
    response.setHeader("Accept-Ranges", "bytes");
    if (!cacheControl.isEmpty())
        response.setHeader("Cache-Control", cacheControl);

    const bool safeMethod = request.method == "GET" || request.method == "HEAD";
    const QByteArray ifNoneMatch = request.header("if-none-match");
    bool notModified = false;
    if (!ifNoneMatch.isEmpty()) {
        notModified = etagListMatches(ifNoneMatch, etag);
    } else if (const QByteArray ims = request.header("if-modified-since"); !ims.isEmpty()) {
        const QDateTime since = HttpDate::parse(ims);
        notModified = since.isValid() && modified.toSecsSinceEpoch() <= since.toSecsSinceEpoch();
    }
    if (notModified && safeMethod) {
        response.status = 304;
        return response;
    }

    response.setHeader("Content-Type", contentType);
    response.filePath = absolutePath;
    const QByteArray rangeHeader = request.header("range");
    bool useRange = !rangeHeader.isEmpty() && safeMethod;
    if (useRange) {
        // If-Range: the range applies only while the representation is unchanged.
        const QByteArray ifRange = request.header("if-range");
        if (!ifRange.isEmpty()) {
            if (ifRange.startsWith('"'))
                useRange = ifRange == etag;
            else {
                const QDateTime t = HttpDate::parse(ifRange);
                useRange = t.isValid() && t.toSecsSinceEpoch() == modified.toSecsSinceEpoch();
            }
        }
    }
    if (useRange) {
        ByteRange range;
        switch (parseRange(rangeHeader, size, &range)) {
        case RangeResult::None:
            break;
        case RangeResult::Unsatisfiable: {
            HttpResponse r = HttpResponse::error(416, "range_not_satisfiable", trText("The requested range is outside the file."));
            r.setHeader("Content-Range", "bytes */" + QByteArray::number(size));
            r.setHeader("Accept-Ranges", "bytes");
            return r;
        }
        case RangeResult::Satisfiable:
            response.status = 206;
            response.fileOffset = range.first;
            response.fileLength = range.last - range.first + 1;
            response.setHeader("Content-Range", "bytes " + QByteArray::number(range.first) + '-'
                                                    + QByteArray::number(range.last) + '/' + QByteArray::number(size));
            return response;
        }
    }
    response.status = 200;
    response.fileOffset = 0;
    response.fileLength = size;
    return response;
}

} // namespace Kinora::Server::Http
