#include "server/http/httpconnection.h"

#include "server/http/httpresponsehead.h"
#include "server/http/httpmetrics.h"
#include "server/http/httpservershared.h"
#include "server/http/httpworker.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSocketNotifier>
#include <QTemporaryFile>
#include <QTimer>
#include <QUrl>

#include <cerrno>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

namespace Kinora::Server::Http {

namespace {

constexpr qsizetype kMaxBufferedInput = 64 * 1024;
// Reads outside a large body stay small; a body going to a file or sink is read in big gulps.
constexpr qsizetype kHeadReadSize = 64 * 1024;

QString trText(const char *text)
{
    return QCoreApplication::translate("Kinora::Server::Http::HttpConnection", text);
}

qint64 monotonicMs()
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000;
}

} // namespace

HttpConnection::HttpConnection(int fd, HttpWorker &worker, HttpServerShared &shared, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_worker(worker)
    , m_shared(shared)
    , m_parser({shared.settings.maxHeaderBytes, shared.settings.maxHeaderCount, 4096})
    , m_cors(shared.settings)
{
    m_readNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this);
    m_writeNotifier = new QSocketNotifier(qintptr(fd), QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &HttpConnection::onReadable);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &HttpConnection::onWritable);
    // A fresh connection must send its first head within the header timeout.
    m_deadlineMs = monotonicMs() + m_shared.settings.headerTimeoutMs;
    m_shared.metrics.connectionOpened();
}

HttpConnection::~HttpConnection()
{
    closeNow();
}

void HttpConnection::setReading(bool on)
{
    if (m_readNotifier && m_readNotifier->isEnabled() != on)
        m_readNotifier->setEnabled(on);
}

void HttpConnection::setWriting(bool on)
{
    if (m_writeNotifier && m_writeNotifier->isEnabled() != on)
        m_writeNotifier->setEnabled(on);
}

void HttpConnection::closeNow()
{
    if (m_fd < 0)
        return;
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    ::close(m_fd);
    m_fd = -1;
    resetRequest();
    if (m_fileFd >= 0) {
        ::close(m_fileFd);
        m_fileFd = -1;
    }
    m_shared.metrics.connectionClosed();
    m_shared.activeConnections.fetch_sub(1, std::memory_order_relaxed);
    m_worker.removeConnection(this);
}

void HttpConnection::checkTimeouts(qint64 nowMs)
{
    if (m_fd < 0)
        return;
    const auto &s = m_shared.settings;
    switch (m_phase) {
    case Phase::Idle:
        if (nowMs >= m_deadlineMs)
            closeNow();
        break;
    case Phase::Head:
        if (nowMs >= m_deadlineMs) {
            respondError(408, "request_timeout", trText("The request head did not arrive in time."), true);
        }
        break;
    case Phase::Body: {
        const qint64 elapsed = nowMs - m_bodyStartMs;
        // After a grace second, the body must keep up the minimum rate on average.
        if ((elapsed > 1000 && m_bodyBytes * 1000 < qint64(s.bodyMinBytesPerSecond) * (elapsed - 1000))
            || nowMs >= m_deadlineMs)
            respondError(408, "request_timeout", trText("The request body arrived too slowly."), true);
        break;
    }
    case Phase::Responding:
    case Phase::Lingering:
        if (nowMs >= m_deadlineMs)
            closeNow();
        break;
    }
}

void HttpConnection::onReadable()
{
    if (m_fd < 0)
        return;
    if (m_phase == Phase::Lingering) {
        char *buf = m_worker.scratch();
        const ssize_t n = ::recv(m_fd, buf, size_t(m_worker.scratchSize()), 0);
        if (n > 0) {
            m_lingerBytes += n;
            if (m_lingerBytes > m_shared.settings.lingerMaxBytes)
                closeNow();
        } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            closeNow();
        }
        return;
    }
    if (m_phase == Phase::Responding) {
        setReading(false);
        return;
    }
    if (m_in.size() - m_inPos >= kMaxBufferedInput) {
        setReading(false);
        return;
    }
    // Clients open a fresh connection for a WebSocket, so only a connection's
    // first request is peeked at; later ones cost no extra system call.
    if (m_requestCount == 0 && m_phase == Phase::Idle && m_inPos == m_in.size() && m_parser.atMessageStart()
        && m_shared.hasWebSocketHandler.load(std::memory_order_relaxed)) {
        if (tryWebSocketUpgrade())
            return;
    }

    // A body with nothing buffered before it is parsed straight from the scratch buffer.
    const bool direct = m_phase == Phase::Body && m_inPos == m_in.size() && (m_bodyFile || m_request.bodySink);
    char *buf = m_worker.scratch();
    const qsizetype readSize = direct ? m_worker.scratchSize() : qMin(kHeadReadSize, m_worker.scratchSize());
    const ssize_t n = ::recv(m_fd, buf, size_t(readSize), 0);
    if (n == 0) {
        closeNow(); // peer closed; an unfinished request cannot be answered
        return;
    }
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            closeNow();
        return;
    }
    m_shared.metrics.addBytesReceived(n);
    if (m_phase == Phase::Idle) {
        m_phase = Phase::Head;
        m_deadlineMs = monotonicMs() + m_shared.settings.headerTimeoutMs;
    } else if (m_phase == Phase::Body) {
        m_deadlineMs = monotonicMs() + m_shared.settings.idleTimeoutMs; // a stalled body is cut off
    }
    if (direct) {
        processDirect(buf, n);
        return;
    }
    if (m_inPos > 0) {
        m_in.remove(0, m_inPos);
        m_inPos = 0;
    }
    m_in.append(buf, n);
    processInput();
}

// A "GET /ws" with "Upgrade: websocket" is handed to QWebSocketServer with its
// handshake still unread in the kernel, so the head is only peeked here.
bool HttpConnection::tryWebSocketUpgrade()
{
    const QByteArray prefix = "GET " + m_shared.settings.webSocketPath.toUtf8();
    char *buf = m_worker.scratch();
    const qsizetype cap = qMin<qsizetype>(m_worker.scratchSize(), m_shared.settings.maxHeaderBytes);
    const ssize_t n = ::recv(m_fd, buf, size_t(cap), MSG_PEEK);
    if (n <= 0)
        return false; // let the normal path see EOF or the error
    const QByteArrayView peeked(buf, n);
    const qsizetype common = qMin<qsizetype>(peeked.size(), prefix.size());
    if (peeked.first(common) != QByteArrayView(prefix).first(common))
        return false;
    if (peeked.size() > prefix.size()) {
        const char c = peeked.at(prefix.size());
        if (c != ' ' && c != '?')
            return false;
    }
    const bool complete = peeked.indexOf("\r\n\r\n") >= 0 || peeked.indexOf("\n\n") >= 0;
    if (!complete) {
        if (n >= cap)
            return false; // too large: the parser answers 431
        // Wait for the rest of the head without consuming it; the header timeout still applies.
        if (m_phase == Phase::Idle) {
            m_phase = Phase::Head;
            m_deadlineMs = monotonicMs() + m_shared.settings.headerTimeoutMs;
        }
        setReading(false);
        if (!m_wsRetryScheduled) {
            m_wsRetryScheduled = true;
            QTimer::singleShot(10, this, [this] {
                m_wsRetryScheduled = false;
                if (m_fd >= 0 && m_phase == Phase::Head && m_in.isEmpty()) {
                    m_phase = Phase::Idle; // re-enter the peek path; the deadline is kept
                    const qint64 deadline = m_deadlineMs;
                    setReading(true);
                    m_deadlineMs = deadline;
                }
            });
        }
        return true;
    }
    HttpRequestParser probe({m_shared.settings.maxHeaderBytes, m_shared.settings.maxHeaderCount, 4096});
    qsizetype used = 0;
    QByteArrayView chunk;
    if (probe.next(buf, n, &used, &chunk) != HttpRequestParser::Event::HeadComplete)
        return false;
    if (!probe.head().header("upgrade").toLower().contains("websocket"))
        return false;
    const int fd = m_fd;
    delete m_readNotifier;
    m_readNotifier = nullptr;
    delete m_writeNotifier;
    m_writeNotifier = nullptr;
    m_fd = -1;
    m_shared.metrics.recordRequest("GET", m_shared.settings.webSocketPath, 101, 0);
    m_shared.metrics.connectionClosed();
    m_shared.activeConnections.fetch_sub(1, std::memory_order_relaxed);
    m_worker.handOffWebSocket(fd, this);
    return true;
}

void HttpConnection::processInput()
{
    if (m_processing)
        return;
    m_processing = true;
    while (m_fd >= 0 && (m_phase == Phase::Idle || m_phase == Phase::Head || m_phase == Phase::Body)) {
        qsizetype used = 0;
        QByteArrayView chunk;
        const auto event = m_parser.next(m_in.constData() + m_inPos, m_in.size() - m_inPos, &used, &chunk);
        m_inPos += used;
        if (event == HttpRequestParser::Event::NeedMore) {
            if (m_phase == Phase::Idle && m_parser.inHead()) {
                m_phase = Phase::Head;
                m_deadlineMs = monotonicMs() + m_shared.settings.headerTimeoutMs;
            }
            break;
        }
        if (m_phase == Phase::Idle) {
            m_phase = Phase::Head;
            m_deadlineMs = monotonicMs() + m_shared.settings.headerTimeoutMs;
        }
        dispatch(event, chunk);
    }
    if (m_inPos == m_in.size()) {
        m_in.clear();
        m_inPos = 0;
    }
    m_processing = false;
    if (m_fd >= 0 && m_phase != Phase::Responding)
        setReading(m_in.size() - m_inPos < kMaxBufferedInput);
}

void HttpConnection::dispatch(HttpRequestParser::Event event, QByteArrayView chunk)
{
    switch (event) {
    case HttpRequestParser::Event::HeadComplete:
        onHeadComplete();
        break;
    case HttpRequestParser::Event::Body:
        onBodyData(chunk);
        break;
    case HttpRequestParser::Event::MessageComplete:
        runHandler();
        break;
    case HttpRequestParser::Event::Error:
        m_versionMinor = 1;
        m_keepAlive = false;
        respondError(m_parser.errorStatus(), m_parser.errorCode(), m_parser.errorMessage(), true);
        break;
    case HttpRequestParser::Event::NeedMore:
        break;
    }
}

// The body part of a read lands in the file or sink without a copy into m_in;
// whatever follows the body (a pipelined request) is queued as usual.
void HttpConnection::processDirect(const char *data, qsizetype size)
{
    m_processing = true;
    qsizetype pos = 0;
    while (m_fd >= 0 && m_phase == Phase::Body) { // the end of the message is an event of its own
        qsizetype used = 0;
        QByteArrayView chunk;
        const auto event = m_parser.next(data + pos, size - pos, &used, &chunk);
        pos += used;
        if (event == HttpRequestParser::Event::NeedMore)
            break;
        dispatch(event, chunk);
    }
    m_processing = false;
    if (m_fd < 0 || m_phase == Phase::Lingering)
        return;
    if (pos < size) {
        m_in.append(data + pos, size - pos);
        if (m_phase != Phase::Responding)
            processInput(); // a response sent at once left the connection idle
    } else if (m_phase != Phase::Responding) {
        setReading(true);
    }
}

void HttpConnection::onHeadComplete()
{
    const HttpRequestParser::Head &head = m_parser.head();
    ++m_requestCount;
    m_requestTimer.start();
    m_request = HttpRequest();
    m_request.method = head.method;
    m_request.target = head.target;
    m_request.headers = head.headers;
    m_versionMinor = head.versionMinor;
    m_keepAlive = head.keepAlive;
    m_isHead = head.method == "HEAD";

    const qsizetype q = head.target.indexOf('?');
    const QByteArray rawPath = q < 0 ? head.target : head.target.left(q);
    m_request.path = QUrl::fromPercentEncoding(rawPath);
    if (q >= 0)
        m_request.query = QUrlQuery(QString::fromUtf8(head.target.mid(q + 1)));
    {
        struct sockaddr_storage addr;
        socklen_t len = sizeof addr;
        if (::getpeername(m_fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
            m_request.peer.setAddress(reinterpret_cast<sockaddr *>(&addr));
    }

    const bool hasBody = head.hasBody();
    if (head.target == "*") {
        HttpResponse r = HttpResponse::noContent();
        r.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        respond(std::move(r), hasBody);
        return;
    }

    const QString rawPathText = QString::fromUtf8(rawPath);
    const bool preflight = m_cors.isPreflight(m_request);
    Router::Match match = m_shared.router.match(head.method, rawPathText);
    if (head.method == "OPTIONS" && (preflight || match.kind != Router::Match::Kind::Found)) {
        if (match.kind == Router::Match::Kind::NotFound) {
            respondError(404, "not_found", trText("No resource exists at this path."), hasBody);
            return;
        }
        respond(m_cors.optionsResponse(m_request, match.allowedMethods), hasBody);
        return;
    }
    if (match.kind == Router::Match::Kind::NotFound) {
        respondError(404, "not_found", trText("No resource exists at this path."), hasBody);
        return;
    }
    if (match.kind == Router::Match::Kind::MethodNotAllowed) {
        HttpResponse r = HttpResponse::error(405, "method_not_allowed", trText("This method is not allowed on this resource."));
        r.setHeader("Allow", CorsPolicy::joinMethods(match.allowedMethods));
        respond(std::move(r), hasBody);
        return;
    }
    m_route = match.route;
    m_request.pathParams = std::move(match.params);
    m_request.routePattern = m_route->pattern;

    if (!hasBody)
        return; // MessageComplete follows

    const qint64 cap = m_route->options.maxBodyBytes;
    if (!head.chunked && head.contentLength > cap) {
        // Refused before a single body byte is read; the connection cannot be reused.
        respondError(413, "payload_too_large",
                     trText("The request body is larger than the limit of %1 bytes.").arg(cap), true);
        return;
    }
    if (m_route->bodySink && !head.chunked)
        m_request.bodySink = m_route->bodySink(m_request);
    if (m_request.bodySink) {
        // The route's sink takes the bytes.
    } else if (m_route->options.bodyMode == BodyMode::File) {
        const QString dir = m_shared.settings.tempDir.isEmpty() ? QDir::tempPath() : m_shared.settings.tempDir;
        m_bodyFile = std::make_unique<QTemporaryFile>(dir + QStringLiteral("/kinora-body-XXXXXX"));
        m_bodyFile->setAutoRemove(false);
        if (!m_bodyFile->open()) {
            qWarning("HTTP: cannot create a temporary body file in %s: %s", qPrintable(dir),
                     qPrintable(m_bodyFile->errorString()));
            m_bodyFile.reset();
            respondError(500, "internal_error", trText("The server could not store the request body."), true);
            return;
        }
    } else if (!head.chunked) {
        m_request.body.reserve(qsizetype(head.contentLength));
    }
    m_phase = Phase::Body;
    m_bodyStartMs = monotonicMs();
    m_deadlineMs = m_bodyStartMs + m_shared.settings.idleTimeoutMs;
    m_bodyBytes = 0;
    if (head.expectContinue) {
        static constexpr char kContinue[] = "HTTP/1.1 100 Continue\r\n\r\n";
        // Tiny and first on the wire: a non-blocking send succeeds unless the peer is gone.
        const ssize_t sent = ::send(m_fd, kContinue, sizeof kContinue - 1, MSG_NOSIGNAL);
        if (sent == ssize_t(sizeof kContinue - 1))
            m_shared.metrics.addBytesSent(sent);
    }
}

bool HttpConnection::onBodyData(QByteArrayView chunk)
{
    if (m_phase != Phase::Body)
        return false;
    m_bodyBytes += chunk.size();
    if (m_bodyBytes > m_route->options.maxBodyBytes) {
        respondError(413, "payload_too_large",
                     trText("The request body is larger than the limit of %1 bytes.").arg(m_route->options.maxBodyBytes), true);
        return false;
    }
    if (m_request.bodySink) {
        if (!m_request.bodySink->write(chunk)) {
            qWarning("HTTP: a request body sink for %s failed: %s", qPrintable(m_request.routePattern),
                     qPrintable(m_request.bodySink->errorString()));
            respondError(507, "insufficient_storage", trText("The server could not store the request body."), true);
            return false;
        }
    } else if (m_bodyFile) {
        if (m_bodyFile->write(chunk.data(), chunk.size()) != chunk.size()) {
            qWarning("HTTP: writing a request body to %s failed: %s", qPrintable(m_bodyFile->fileName()),
                     qPrintable(m_bodyFile->errorString()));
            respondError(507, "insufficient_storage", trText("The server could not store the request body."), true);
            return false;
        }
    } else {
        m_request.body.append(chunk.data(), chunk.size());
    }
    return true;
}

void HttpConnection::runHandler()
{
    if (!m_route) {
        // Errors answered at the head are already in flight; nothing to run.
        return;
    }
    m_request.bodySize = m_bodyBytes;
    if (m_bodyFile) {
        m_bodyFile->flush();
        m_request.bodyFilePath = m_bodyFile->fileName();
        m_bodyFile->close();
    }
    HttpResponse response;
    try {
        response = m_route->handler(m_request);
    } catch (const std::exception &e) {
        qWarning("HTTP: handler for %s %s threw: %s", m_request.method.constData(), qPrintable(m_request.routePattern), e.what());
        response = HttpResponse::error(500, "internal_error", trText("The server failed to process the request."));
    } catch (...) {
        qWarning("HTTP: handler for %s %s threw an unknown exception", m_request.method.constData(),
                 qPrintable(m_request.routePattern));
        response = HttpResponse::error(500, "internal_error", trText("The server failed to process the request."));
    }
    // A sink lets go of what it holds before the answer is on the wire, where the client may act on it.
    m_request.bodySink.reset();
    if (m_bodyFile) {
        // The handler may have moved the file away; otherwise it is removed now.
        if (QFile::exists(m_request.bodyFilePath))
            QFile::remove(m_request.bodyFilePath);
        m_bodyFile.reset();
    }
    respond(std::move(response));
}

void HttpConnection::respondError(int status, const QByteArray &code, const QString &message, bool forceClose)
{
    respond(HttpResponse::error(status, code, message), forceClose);
}

void HttpConnection::respond(HttpResponse response, bool forceClose)
{
    if (m_fd < 0)
        return;
    if (m_bodyFile) {
        const QString name = m_bodyFile->fileName();
        m_bodyFile->close();
        QFile::remove(name);
        m_bodyFile.reset();
    }
    m_status = response.status;
    m_closeAfterResponse = forceClose || !m_keepAlive || response.header("connection").toLower() == "close";
    m_lingerAfterResponse = forceClose;

    qint64 contentLength = response.body.size();
    if (!response.filePath.isEmpty()) {
        const int ffd = ::open(QFile::encodeName(response.filePath).constData(), O_RDONLY | O_CLOEXEC);
        struct stat st;
        if (ffd < 0 || ::fstat(ffd, &st) != 0 || !S_ISREG(st.st_mode)) {
            if (ffd >= 0)
                ::close(ffd);
            qWarning("HTTP: cannot open response file %s: %s", qPrintable(response.filePath), strerror(errno));
            response = HttpResponse::error(404, "not_found", trText("The requested file does not exist."));
            m_status = 404;
            contentLength = response.body.size();
        } else {
            const qint64 size = st.st_size;
            const qint64 offset = qBound<qint64>(0, response.fileOffset, size);
            const qint64 length = response.fileLength < 0 ? size - offset : qMin(response.fileLength, size - offset);
            contentLength = length;
            if (m_isHead || length == 0) {
                ::close(ffd);
            } else {
                m_fileFd = ffd;
                m_fileOffset = offset;
                m_fileRemaining = length;
            }
            response.body.clear();
        }
    }
    if (response.header("content-length").size() && m_isHead && response.filePath.isEmpty() && response.body.isEmpty()) {
        // A HEAD handler may state the length of the entity it describes.
        contentLength = response.header("content-length").toLongLong();
    }

    m_cors.decorate(m_request, response);
    const bool bodyless = HttpResponseHead::isBodyless(m_status);
    response.status = m_status;
    m_outHead = HttpResponseHead::serialize(response, contentLength, m_closeAfterResponse, m_versionMinor == 0);
    m_outHeadPos = 0;
    m_outBody = (m_isHead || bodyless) ? QByteArray() : std::move(response.body);
    m_outBodyPos = 0;
    if (bodyless && m_fileFd >= 0) {
        ::close(m_fileFd);
        m_fileFd = -1;
        m_fileRemaining = 0;
    }

    m_phase = Phase::Responding;
    m_deadlineMs = monotonicMs() + m_shared.settings.writeTimeoutMs;
    // Reading stays enabled while the reply usually goes out at once (saves two
    // epoll updates a request); onReadable() stops it if the reply is pending.
    sendPending();
}

void HttpConnection::onWritable()
{
    sendPending();
}

void HttpConnection::sendPending()
{
    if (m_fd < 0 || m_phase != Phase::Responding)
        return;
    while (true) {
        const qsizetype headLeft = m_outHead.size() - m_outHeadPos;
        const qsizetype bodyLeft = m_outBody.size() - m_outBodyPos;
        ssize_t n;
        if (headLeft > 0 || bodyLeft > 0) {
            struct iovec iov[2];
            int count = 0;
            if (headLeft > 0)
                iov[count++] = {m_outHead.data() + m_outHeadPos, size_t(headLeft)};
            if (bodyLeft > 0)
                iov[count++] = {m_outBody.data() + m_outBodyPos, size_t(bodyLeft)};
            struct msghdr msg = {};
            msg.msg_iov = iov;
            msg.msg_iovlen = size_t(count);
            n = ::sendmsg(m_fd, &msg, MSG_NOSIGNAL | (m_fileRemaining > 0 ? MSG_MORE : 0));
            if (n > 0) {
                const qsizetype fromHead = qMin<qsizetype>(n, headLeft);
                m_outHeadPos += fromHead;
                m_outBodyPos += n - fromHead;
            }
        } else if (m_fileRemaining > 0) {
            off_t offset = off_t(m_fileOffset);
            n = ::sendfile(m_fd, m_fileFd, &offset, size_t(qMin<qint64>(m_fileRemaining, 1 << 30)));
            if (n == 0) {
                qWarning("HTTP: response file ended early (truncated while being sent)");
                closeNow();
                return;
            }
            if (n > 0) {
                m_fileOffset += n;
                m_fileRemaining -= n;
            }
        } else {
            break;
        }
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                setReading(false);
                setWriting(true);
                return;
            }
            closeNow(); // peer gone (EPIPE, ECONNRESET)
            return;
        }
        m_shared.metrics.addBytesSent(n);
        m_deadlineMs = monotonicMs() + m_shared.settings.writeTimeoutMs;
    }
    setWriting(false);
    onResponseSent();
}

void HttpConnection::onResponseSent()
{
    if (m_fileFd >= 0) {
        ::close(m_fileFd);
        m_fileFd = -1;
    }
    const double seconds = m_requestTimer.isValid() ? double(m_requestTimer.nsecsElapsed()) / 1e9 : 0.0;
    m_shared.metrics.recordRequest(m_request.method.isEmpty() ? QByteArrayLiteral("OTHER") : m_request.method,
                                   m_request.routePattern.isEmpty() ? QStringLiteral("unmatched") : m_request.routePattern,
                                   m_status, seconds);
    const bool close = m_closeAfterResponse;
    const bool linger = m_lingerAfterResponse;
    resetRequest();
    m_outHead.clear();
    m_outBody.clear();
    if (close) {
        if (linger)
            startLinger();
        else
            closeNow();
        return;
    }
    m_parser.reset();
    m_phase = Phase::Idle;
    m_deadlineMs = monotonicMs() + m_shared.settings.idleTimeoutMs;
    if (m_inPos < m_in.size()) {
        // Pipelined requests: processInput()'s loop goes on by itself; after an
        // asynchronous send it is restarted from the event loop, not recursively.
        if (!m_processing)
            QTimer::singleShot(0, this, [this] { processInput(); });
    } else {
        setReading(true);
    }
}

// After an error reply the client may still be sending a body; closing with
// unread input would reset the connection and could destroy the reply in
// flight, so the rest is read and discarded for a short, bounded time.
void HttpConnection::startLinger()
{
    ::shutdown(m_fd, SHUT_WR);
    m_phase = Phase::Lingering;
    m_lingerBytes = 0;
    m_in.clear();
    m_inPos = 0;
    m_deadlineMs = monotonicMs() + m_shared.settings.lingerMs;
    setReading(true);
}

void HttpConnection::resetRequest()
{
    if (m_bodyFile) {
        const QString name = m_bodyFile->fileName();
        m_bodyFile->close();
        QFile::remove(name);
        m_bodyFile.reset();
    }
    m_route = nullptr;
    m_request = HttpRequest();
    m_requestTimer.invalidate();
    m_bodyBytes = 0;
    m_isHead = false;
    m_status = 0;
}

} // namespace Kinora::Server::Http
