#include "server/http/httpserver.h"

#include "server/http/httplistener.h"
#include "server/http/httpmetrics.h"
#include "server/http/httpservershared.h"
#include "server/http/httpworker.h"
#include "server/http/router.h"

#include <QThread>
#include <QTimer>

#include <csignal>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

namespace Kinora::Server::Http {

class HttpServer::Private
{
public:
    Private(const Router &router, HttpMetrics &metrics, HttpServerSettings settings)
        : shared(router, metrics, std::move(settings))
    {
    }

    void accept(qintptr descriptor);

    HttpServerShared shared;
    std::unique_ptr<HttpListener> listener;
    std::vector<QThread *> threads;
    std::vector<HttpWorker *> workers;
    size_t nextWorker = 0;
};

void HttpServer::Private::accept(qintptr descriptor)
{
    const int fd = int(descriptor);
    const int flags = ::fcntl(fd, F_GETFL);
    ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

    if (shared.activeConnections.load(std::memory_order_relaxed) >= shared.settings.maxConnections) {
        static constexpr char kBusy[] =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: 90\r\n"
            "Server: kinora\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
            "{\"error\":{\"code\":\"too_many_connections\",\"message\":\"The server has too many connections.\"}}";
        static_assert(sizeof("{\"error\":{\"code\":\"too_many_connections\",\"message\":\"The server has too many connections.\"}}") - 1 == 90);
        // Best effort on a fresh socket; the client is told why before the close.
        [[maybe_unused]] const ssize_t sent = ::send(fd, kBusy, sizeof kBusy - 1, MSG_NOSIGNAL);
        ::shutdown(fd, SHUT_WR);
        ::close(fd);
        shared.metrics.recordRequest("OTHER", QStringLiteral("unmatched"), 503, 0);
        return;
    }
    shared.activeConnections.fetch_add(1, std::memory_order_relaxed);
    HttpWorker *worker = workers[nextWorker++ % workers.size()];
    QMetaObject::invokeMethod(worker, [worker, fd] { worker->addConnection(fd); }, Qt::QueuedConnection);
}

HttpServer::HttpServer(const Router &router, HttpMetrics &metrics, HttpServerSettings settings, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>(router, metrics, std::move(settings)))
{
}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(QString *errorMessage)
{
    if (d->listener)
        return true;
    // Writes to a vanished peer must fail with EPIPE, not kill the process (sendfile has no MSG_NOSIGNAL).
    std::signal(SIGPIPE, SIG_IGN);

    const int threadCount = qMax(1, d->shared.settings.workerThreads);
    for (int i = 0; i < threadCount; ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("http-worker-%1").arg(i));
        auto *worker = new HttpWorker(d->shared);
        worker->moveToThread(thread);
        // The worker dies in its own thread, after its event loop ends.
        QObject::connect(thread, &QThread::finished, worker, [worker] { delete worker; }, Qt::DirectConnection);
        QObject::connect(thread, &QThread::started, worker, [worker] { worker->start(); }, Qt::DirectConnection);
        thread->start();
        d->threads.push_back(thread);
        d->workers.push_back(worker);
    }

    d->listener = std::make_unique<HttpListener>([this](qintptr descriptor) { d->accept(descriptor); });
    d->listener->setListenBacklogSize(1024);
    // QTcpServer pauses on errors such as EMFILE; accepting resumes shortly after
    // instead of never (connections are freed as clients leave or time out).
    HttpListener *listener = d->listener.get();
    connect(listener, &QTcpServer::acceptError, this, [listener](QAbstractSocket::SocketError) {
        qWarning("HTTP: accepting a connection failed: %s", qPrintable(listener->errorString()));
        QTimer::singleShot(100, listener, [listener] { listener->resumeAccepting(); });
    });
    if (!d->listener->listen(d->shared.settings.address, d->shared.settings.port)) {
        if (errorMessage)
            *errorMessage = tr("Cannot listen on %1:%2: %3")
                                .arg(d->shared.settings.address.toString())
                                .arg(d->shared.settings.port)
                                .arg(d->listener->errorString());
        qWarning("HTTP: %s", qPrintable(d->listener->errorString()));
        close();
        return false;
    }
    qInfo("HTTP server on %s:%u with %d worker threads", qPrintable(d->listener->serverAddress().toString()),
          unsigned(d->listener->serverPort()), threadCount);
    return true;
}

quint16 HttpServer::serverPort() const
{
    return d->listener ? d->listener->serverPort() : 0;
}

QString HttpServer::serverUrl() const
{
    QHostAddress address = d->listener ? d->listener->serverAddress() : d->shared.settings.address;
    if (address == QHostAddress::Any || address == QHostAddress::AnyIPv4)
        address = QHostAddress::LocalHost;
    else if (address == QHostAddress::AnyIPv6)
        address = QHostAddress::LocalHostIPv6;
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + address.toString() + u']'
                                                                              : address.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(serverPort());
}

void HttpServer::setWebSocketHandler(WebSocketHandler handler)
{
    QMutexLocker lock(&d->shared.webSocketMutex);
    d->shared.webSocketHandler = std::move(handler);
    d->shared.hasWebSocketHandler.store(bool(d->shared.webSocketHandler), std::memory_order_relaxed);
}

void HttpServer::close()
{
    if (d->listener) {
        d->listener->close();
        d->listener.reset();
    }
    for (QThread *thread : d->threads) {
        thread->quit();
        thread->wait();
        delete thread;
    }
    d->threads.clear();
    d->workers.clear(); // deleted in their threads on finish
}

} // namespace Kinora::Server::Http
