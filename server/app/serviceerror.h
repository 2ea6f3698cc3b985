#pragma once

#include "server/http/httpresponse.h"

#include <QByteArray>
#include <QString>

namespace Kinora::Server {

// A failure reported by a service, independent of the transport: the HTTP
// status and error code it maps to, a readable message, and for 429 how long
// to wait.
struct ServiceError
{
    int status = 500;
    QByteArray code;
    QString message;
    int retryAfterSeconds = 0; // > 0: sent as Retry-After

    Http::HttpResponse toHttpResponse() const;

    static ServiceError internal(const QString &message);
};

} // namespace Kinora::Server
