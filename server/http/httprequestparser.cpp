#include "server/http/httprequestparser.h"

#include <QCoreApplication>

namespace Kinora::Server::Http {

namespace {

QString trText(const char *text)
{
    return QCoreApplication::translate("Kinora::Server::Http::HttpRequestParser", text);
}

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+':
    case '-': case '.': case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool hasControlChars(QByteArrayView s)
{
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return true;
    }
    return false;
}

QByteArrayView trimmedView(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

// Positive decimal without sign, at most 18 digits (fits qint64); -1 if invalid.
qint64 parseLength(QByteArrayView s)
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

QList<QByteArrayView> commaList(QByteArrayView s)
{
    QList<QByteArrayView> items;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s.at(i) == ',') {
            const QByteArrayView item = trimmedView(s.sliced(start, i - start));
            if (!item.isEmpty())
                items.append(item);
            start = i + 1;
        }
    }
    return items;
}

bool equalsNoCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

QByteArray HttpRequestParser::Head::header(QByteArrayView lowerName) const
{
    for (const auto &h : headers) {
        if (h.first == lowerName)
            return h.second;
    }
    return {};
}

HttpRequestParser::HttpRequestParser()
    : HttpRequestParser(Limits())
{
}

HttpRequestParser::HttpRequestParser(Limits limits)
    : m_limits(limits)
{
}

void HttpRequestParser::reset()
{
    m_state = State::Head;
    m_head = Head();
    m_headBuffer.clear();
    m_lineBuffer.clear();
    m_remaining = 0;
    m_bodyBytes = 0;
    m_trailerBytes = 0;
}

HttpRequestParser::Event HttpRequestParser::fail(int status, const char *code, const QString &message)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorCode = code;
    m_errorMessage = message;
    return Event::Error;
}

HttpRequestParser::Event HttpRequestParser::next(const char *data, qsizetype size, qsizetype *consumed, QByteArrayView *bodyChunk)
{
    qsizetype pos = 0;
    *consumed = 0;
    if (m_state == State::Done)
        reset();

    while (true) {
        switch (m_state) {
        case State::Failed:
            *consumed = pos;
            return Event::Error;

        case State::Head: {
            // Empty lines before a request line are ignored (RFC 9112, 2.2).
            while (m_headBuffer.isEmpty() && pos < size && (data[pos] == '\r' || data[pos] == '\n'))
                ++pos;
            if (pos == size) {
                *consumed = pos;
                return Event::NeedMore;
            }
            const qsizetype old = m_headBuffer.size();
            const qsizetype room = qMax<qsizetype>(0, m_limits.maxHeaderBytes - old);
            const qsizetype take = qMin(size - pos, room);
            m_headBuffer.append(data + pos, take);
            qsizetype end = -1;
            const char *b = m_headBuffer.constData();
            const qsizetype n = m_headBuffer.size();
            for (qsizetype i = qMax<qsizetype>(0, old - 2); i < n; ++i) {
                if (b[i] != '\n')
                    continue;
                if (i + 1 < n && b[i + 1] == '\n') {
                    end = i + 2;
                    break;
                }
                if (i + 2 < n && b[i + 1] == '\r' && b[i + 2] == '\n') {
                    end = i + 3;
                    break;
                }
            }
            if (end < 0) {
                if (m_headBuffer.size() >= m_limits.maxHeaderBytes) {
                    *consumed = pos + take;
                    return fail(431, "headers_too_large", trText("The request head exceeds the size limit."));
                }
                *consumed = pos + take;
                return Event::NeedMore;
            }
            pos += end - old;
            m_headBuffer.truncate(end);
            if (!parseHead()) {
                *consumed = pos;
                return Event::Error;
            }
            m_headBuffer.clear();
            m_headBuffer.squeeze();
            m_state = State::HeadDone;
            *consumed = pos;
            return Event::HeadComplete;
        }

        case State::HeadDone:
            if (m_head.chunked) {
                m_state = State::ChunkSize;
            } else if (m_head.contentLength > 0) {
                m_state = State::FixedBody;
                m_remaining = m_head.contentLength;
            } else {
                m_state = State::Done;
                *consumed = pos;
                return Event::MessageComplete;
            }
            break;

        case State::FixedBody:
        case State::ChunkData: {
            if (m_remaining == 0) {
                if (m_state == State::FixedBody) {
                    m_state = State::Done;
                    *consumed = pos;
                    return Event::MessageComplete;
                }
                m_state = State::ChunkDataEnd;
                break;
            }
            if (pos == size) {
                *consumed = pos;
                return Event::NeedMore;
            }
            const qsizetype n = qsizetype(qMin<qint64>(m_remaining, size - pos));
            *bodyChunk = QByteArrayView(data + pos, n);
            m_remaining -= n;
            m_bodyBytes += n;
            *consumed = pos + n;
            return Event::Body;
        }

        case State::ChunkSize:
        case State::ChunkDataEnd:
        case State::Trailers: {
            qsizetype used = 0;
            const Event e = parseChunkLine(data + pos, size - pos, &used);
            pos += used;
            if (e == Event::NeedMore && pos < size)
                break; // a line finished; go on in the next state
            if (e == Event::NeedMore || e == Event::Error || e == Event::MessageComplete) {
                *consumed = pos;
                return e;
            }
            break;
        }

        case State::Done:
            *consumed = pos;
            return Event::MessageComplete;
        }
    }
}

// Reads one CRLF-terminated line of chunk framing (size line, the CRLF after
// data, or a trailer line) and acts on it. Returns NeedMore both when the line
// is incomplete and when it was handled (the caller checks the bytes left).
HttpRequestParser::Event HttpRequestParser::parseChunkLine(const char *data, qsizetype size, qsizetype *consumed)
{
    const void *nl = memchr(data, '\n', size_t(size));
    const qsizetype lineEnd = nl ? static_cast<const char *>(nl) - data : size;
    const int limit = m_state == State::Trailers ? m_limits.maxHeaderBytes : m_limits.maxChunkLineBytes;
    if (m_lineBuffer.size() + lineEnd > limit) {
        *consumed = qMin(size, qsizetype(limit));
        if (m_state == State::Trailers)
            return fail(431, "headers_too_large", trText("The chunked trailer section exceeds the size limit."));
        return fail(400, "bad_request", trText("A chunk size line is too long."));
    }
    m_lineBuffer.append(data, lineEnd);
    if (!nl) {
        *consumed = size;
        return Event::NeedMore;
    }
    *consumed = lineEnd + 1;
    QByteArrayView line(m_lineBuffer);
    if (line.endsWith('\r'))
        line.chop(1);

    switch (m_state) {
    case State::ChunkSize: {
        const qsizetype semi = line.indexOf(';');
        const QByteArrayView sizeText = trimmedView(semi >= 0 ? line.first(semi) : line);
        if (sizeText.isEmpty() || sizeText.size() > 15) {
            m_lineBuffer.clear();
            return fail(400, "bad_request", trText("A chunk size is missing or too large."));
        }
        qint64 v = 0;
        for (char c : sizeText) {
            int d;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            else {
                m_lineBuffer.clear();
                return fail(400, "bad_request", trText("A chunk size is not a hexadecimal number."));
            }
            v = v * 16 + d;
        }
        m_lineBuffer.clear();
        if (v == 0) {
            m_state = State::Trailers;
            m_trailerBytes = 0;
        } else {
            m_state = State::ChunkData;
            m_remaining = v;
        }
        return Event::NeedMore;
    }
    case State::ChunkDataEnd:
        if (!line.isEmpty()) {
            m_lineBuffer.clear();
            return fail(400, "bad_request", trText("Chunk data is not followed by CRLF."));
        }
        m_lineBuffer.clear();
        m_state = State::ChunkSize;
        return Event::NeedMore;
    case State::Trailers:
        m_trailerBytes += int(m_lineBuffer.size()) + 1;
        if (line.isEmpty()) {
            m_lineBuffer.clear();
            m_state = State::Done;
            return Event::MessageComplete;
        }
        m_lineBuffer.clear();
        if (m_trailerBytes > m_limits.maxHeaderBytes)
            return fail(431, "headers_too_large", trText("The chunked trailer section exceeds the size limit."));
        return Event::NeedMore;
    default:
        return Event::NeedMore;
    }
}

bool HttpRequestParser::parseHead()
{
    m_head = Head();
    QByteArrayView rest(m_headBuffer);
    QList<QByteArrayView> lines;
    while (!rest.isEmpty()) {
        qsizetype nl = rest.indexOf('\n');
        if (nl < 0)
            nl = rest.size();
        QByteArrayView line = rest.first(nl);
        if (line.endsWith('\r'))
            line.chop(1);
        rest = nl < rest.size() ? rest.sliced(nl + 1) : QByteArrayView();
        if (line.isEmpty())
            break;
        lines.append(line);
    }
    if (lines.isEmpty()) {
        fail(400, "bad_request", trText("The request line is missing."));
        return false;
    }

    // Request line: method SP request-target SP HTTP-version
    const QByteArrayView requestLine = lines.first();
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 < 0 || requestLine.indexOf(' ', sp2 + 1) >= 0) {
        fail(400, "bad_request", trText("The request line is malformed."));
        return false;
    }
    const QByteArrayView method = requestLine.first(sp1);
    QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method)) {
        fail(400, "bad_request", trText("The request method is not a valid token."));
        return false;
    }
    if (target.isEmpty() || hasControlChars(target) || target.contains('\t')) {
        fail(400, "bad_request", trText("The request target is malformed."));
        return false;
    }
    if (version.size() != 8 || !version.startsWith("HTTP/") || version.at(6) != '.' || version.at(5) < '0'
        || version.at(5) > '9' || version.at(7) < '0' || version.at(7) > '9') {
        fail(400, "bad_request", trText("The HTTP version is malformed."));
        return false;
    }
    if (version.at(5) != '1') {
        fail(505, "http_version_not_supported", trText("Only HTTP/1.0 and HTTP/1.1 are supported."));
        return false;
    }
    // Absolute form ("http://host/path") is accepted and reduced to its path.
    if (target.startsWith("http://") || target.startsWith("https://")) {
        const qsizetype schemeEnd = target.indexOf("//") + 2;
        const qsizetype slash = target.indexOf('/', schemeEnd);
        target = slash < 0 ? QByteArrayView("/") : target.sliced(slash);
    }
    if (!target.startsWith('/') && !(target == "*" && method == "OPTIONS")) {
        fail(400, "bad_request", trText("The request target must be an absolute path."));
        return false;
    }
    m_head.method = method.toByteArray();
    m_head.target = target.toByteArray();
    m_head.versionMinor = version.at(7) - '0';

    if (lines.size() - 1 > m_limits.maxHeaderCount) {
        fail(431, "headers_too_large", trText("The request has too many header fields."));
        return false;
    }
    QByteArrayView transferEncoding;
    QByteArray teCombined;
    int teCount = 0;
    bool haveLength = false;
    int hostCount = 0;
    m_head.headers.reserve(lines.size() - 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.front() == ' ' || line.front() == '\t') {
            fail(400, "bad_request", trText("Folded header lines are not accepted."));
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon))) {
            fail(400, "bad_request", trText("A header field is malformed."));
            return false;
        }
        const QByteArrayView value = trimmedView(line.sliced(colon + 1));
        if (hasControlChars(value)) {
            fail(400, "bad_request", trText("A header value contains control characters."));
            return false;
        }
        QByteArray name = line.first(colon).toByteArray().toLower();
        if (name == "content-length") {
            for (QByteArrayView item : commaList(value)) {
                const qint64 len = parseLength(item);
                if (len < 0 || (haveLength && len != m_head.contentLength)) {
                    fail(400, "bad_request", trText("The Content-Length header is invalid."));
                    return false;
                }
                haveLength = true;
                m_head.contentLength = len;
            }
            if (value.isEmpty()) {
                fail(400, "bad_request", trText("The Content-Length header is invalid."));
                return false;
            }
        } else if (name == "transfer-encoding") {
            if (teCount++)
                teCombined.append(',');
            teCombined.append(value);
        } else if (name == "host") {
            ++hostCount;
        }
        m_head.headers.append({std::move(name), value.toByteArray()});
    }
    transferEncoding = teCombined;

    if (m_head.versionMinor >= 1 && hostCount != 1) {
        fail(400, "bad_request", trText("An HTTP/1.1 request needs exactly one Host header."));
        return false;
    }
    if (teCount > 0) {
        if (haveLength) {
            fail(400, "bad_request", trText("Content-Length and Transfer-Encoding must not be combined."));
            return false;
        }
        const QList<QByteArrayView> codings = commaList(transferEncoding);
        if (codings.isEmpty() || !equalsNoCase(codings.last(), "chunked")) {
            fail(400, "bad_request", trText("The body length cannot be determined: chunked must be the final transfer coding."));
            return false;
        }
        if (codings.size() != 1) {
            fail(501, "not_implemented", trText("Only the chunked transfer coding is supported."));
            return false;
        }
        m_head.chunked = true;
    }

    m_head.keepAlive = m_head.versionMinor >= 1;
    const QByteArray connection = m_head.header("connection");
    for (QByteArrayView token : commaList(connection)) {
        if (equalsNoCase(token, "close"))
            m_head.keepAlive = false;
        else if (equalsNoCase(token, "keep-alive") && m_head.versionMinor == 0)
            m_head.keepAlive = true;
    }
    const QByteArray expect = m_head.header("expect");
    if (!expect.isEmpty()) {
        if (!equalsNoCase(expect, "100-continue")) {
            fail(417, "expectation_failed", trText("Only the 100-continue expectation is supported."));
            return false;
        }
        m_head.expectContinue = m_head.versionMinor >= 1;
    }
    return true;
}

} // namespace Kinora::Server::Http
