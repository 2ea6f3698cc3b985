#include "server/app/serviceerror.h"

namespace Kinora::Server {

Http::HttpResponse ServiceError::toHttpResponse() const
{
    Http::HttpResponse response = Http::HttpResponse::error(status, code, message);
    if (retryAfterSeconds > 0)
        response.setHeader(QByteArrayLiteral("Retry-After"), QByteArray::number(retryAfterSeconds));
    return response;
}

ServiceError ServiceError::internal(const QString &message)
{
    return ServiceError{500, QByteArrayLiteral("internal_error"), message, 0};
}

} // namespace Kinora::Server
