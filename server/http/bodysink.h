#pragma once

#include <QByteArrayView>
#include <QString>

namespace Kinora::Server::Http {

// Takes a request body as it arrives, in place of a memory buffer or a
// temporary file, so a route can put the bytes where they belong at once.
// Created by a route's RouteOptions::bodySink once the head is parsed;
// destroyed when the request ends, answered or cut off.
class BodySink
{
public:
    virtual ~BodySink() = default;
    // False stops the request with 507 (errorString() says why, for the log).
    virtual bool write(QByteArrayView data) = 0;
    virtual QString errorString() const = 0;
};

} // namespace Kinora::Server::Http
