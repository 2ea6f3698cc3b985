#pragma once

#include <QByteArray>
#include <QString>

namespace Kinora::Core {

// An error reported by the Kinora REST API: the body
// {"error":{"code":"...","message":"..."}} plus the HTTP status.
struct ApiError
{
    int httpStatus = 0;   // 0: no HTTP response at all (network failure)
    QString code;         // machine-readable, e.g. "quota_exceeded"
    QString message;      // human-readable, from the server or the network layer

    bool isNetworkError() const { return httpStatus == 0; }

    // Parses an error body; falls back to a generic message when the body is not the API's shape.
    static ApiError fromReply(int httpStatus, const QByteArray &body);
};

} // namespace Kinora::Core
