#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QThread>

namespace Kinora::Server::Http {

// Limits and behaviour of the HTTP layer. Every number is configurable through
// the server's config file and environment (see server/README or API.md).
struct HttpServerSettings
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8080;                   // 0: any free port
    int workerThreads = QThread::idealThreadCount();
    int maxHeaderBytes = 16 * 1024;        // request line + headers; larger: 431
    int maxHeaderCount = 100;              // more: 431
    int headerTimeoutMs = 10'000;          // whole request head must arrive within this
    int idleTimeoutMs = 60'000;            // keep-alive connection with no request
    int bodyMinBytesPerSecond = 1024;      // slower bodies are cut off (after a grace second)
    int maxConnections = 10'000;
    QStringList corsAllowedOrigins;        // "*" allows any origin; empty: no CORS headers
    QString tempDir;                       // where BodyMode::File bodies are written
    QByteArray corsAllowHeaders = "Authorization, Content-Type, Range, Tus-Resumable, Upload-Length, Upload-Offset, Upload-Metadata, Upload-Checksum";
    QByteArray corsExposeHeaders;          // Access-Control-Expose-Headers on normal responses; empty: none
    int corsMaxAgeSeconds = 600;
    int lingerMs = 2000;                   // after an error reply, unread input is drained this long before closing
    int lingerMaxBytes = 256 * 1024;       // ... and at most this many bytes
    int writeTimeoutMs = 60'000;           // a client that reads nothing of its response for this long is dropped
    QString webSocketPath = QStringLiteral("/ws");
};

} // namespace Kinora::Server::Http
