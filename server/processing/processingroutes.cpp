#include "server/processing/processingroutes.h"

#include "server/catalog/catalogrequest.h"
#include "server/http/router.h"
#include "server/processing/processingservice.h"

namespace Kinora::Server::Processing {

void addProcessingRoutes(Http::Router &router, ProcessingService &processing, const Accounts::AuthGuard &guard)
{
    router.addRoute(QByteArrayLiteral("GET"), QStringLiteral("/api/v1/videos/{id}/status"), [&processing, &guard](Http::HttpRequest &request) {
        Http::HttpResponse error;
        const auto viewer = Catalog::CatalogRequest::optionalViewer(guard, request, &error);
        if (!viewer)
            return error;
        const auto status = processing.status(request.pathParams.value(QStringLiteral("id")), *viewer);
        if (!status)
            return status.error().toHttpResponse();
        return Http::HttpResponse::json(status->toJson());
    });
}

} // namespace Kinora::Server::Processing
