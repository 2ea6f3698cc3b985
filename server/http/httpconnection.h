#pragma once

#include "server/http/corspolicy.h"
#include "server/http/httprequest.h"
#include "server/http/httprequestparser.h"
#include "server/http/httpresponse.h"
#include "server/http/router.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>

#include <memory>

class QSocketNotifier;
class QTemporaryFile;

namespace Kinora::Server::Http {

class HttpWorker;
struct HttpServerShared;

// One client connection on a non-blocking socket, driven by QSocketNotifiers
// on its worker thread. Reads only while it has no response in flight (so
// pipelined requests queue in the kernel, not in memory), routes each request
// as soon as its head is parsed, streams the body to memory or a temporary
// file under the route's cap, and writes responses with writev/sendfile.
class HttpConnection : public QObject
{
    Q_OBJECT

public:
    HttpConnection(int fd, HttpWorker &worker, HttpServerShared &shared, QObject *parent = nullptr);
    ~HttpConnection() override;

    // Called by the worker's sweep timer with a monotonic clock in ms.
    void checkTimeouts(qint64 nowMs);
    void closeNow();
    bool isClosed() const { return m_fd < 0; }

private:
    enum class Phase { Idle, Head, Body, Responding, Lingering };

    void onReadable();
    void onWritable();
    bool tryWebSocketUpgrade(); // true when the socket was handed off (or we wait for more of the head)
    void processInput();
    void processDirect(const char *data, qsizetype size);
    void dispatch(HttpRequestParser::Event event, QByteArrayView chunk);
    void onHeadComplete();
    bool onBodyData(QByteArrayView chunk);
    void runHandler();
    void respond(HttpResponse response, bool forceClose = false);
    void respondError(int status, const QByteArray &code, const QString &message, bool forceClose);
    void sendPending();
    void onResponseSent();
    void startLinger();
    void resetRequest();
    void setReading(bool on);
    void setWriting(bool on);

    int m_fd;
    HttpWorker &m_worker;
    HttpServerShared &m_shared;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    HttpRequestParser m_parser;
    CorsPolicy m_cors;
    QByteArray m_in;
    qsizetype m_inPos = 0;
    Phase m_phase = Phase::Idle;
    qint64 m_deadlineMs = 0;
    bool m_processing = false;
    bool m_wsRetryScheduled = false;
    qint64 m_requestCount = 0;

    // The request being read or answered.
    HttpRequest m_request;
    const Router::Route *m_route = nullptr;
    QElapsedTimer m_requestTimer;
    qint64 m_bodyStartMs = 0;
    qint64 m_bodyBytes = 0;
    std::unique_ptr<QTemporaryFile> m_bodyFile;
    bool m_keepAlive = true;
    bool m_isHead = false;
    int m_versionMinor = 1;

    // The response being written.
    int m_status = 0;
    QByteArray m_outHead;
    qsizetype m_outHeadPos = 0;
    QByteArray m_outBody;
    qsizetype m_outBodyPos = 0;
    int m_fileFd = -1;
    qint64 m_fileOffset = 0;
    qint64 m_fileRemaining = 0;
    bool m_closeAfterResponse = false;
    bool m_lingerAfterResponse = false;
    qint64 m_lingerBytes = 0;
};

} // namespace Kinora::Server::Http
