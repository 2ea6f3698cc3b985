#pragma once

#include "server/http/httpserversettings.h"

#include <QMutex>

#include <atomic>
#include <functional>

class QWebSocket;

namespace Kinora::Server::Http {

class Router;
class HttpMetrics;

// State shared by the listener and every worker thread of one HttpServer.
// The router and metrics are owned by the server's creator and outlive it.
struct HttpServerShared
{
    HttpServerShared(const Router &r, HttpMetrics &m, HttpServerSettings s)
        : router(r)
        , metrics(m)
        , settings(std::move(s))
    {
    }

    const Router &router;
    HttpMetrics &metrics;
    const HttpServerSettings settings;
    std::atomic<int> activeConnections{0};

    std::atomic<bool> hasWebSocketHandler{false};
    mutable QMutex webSocketMutex;
    std::function<void(QWebSocket *)> webSocketHandler;

    std::function<void(QWebSocket *)> currentWebSocketHandler() const
    {
        QMutexLocker lock(&webSocketMutex);
        return webSocketHandler;
    }
};

} // namespace Kinora::Server::Http
