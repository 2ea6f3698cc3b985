#include "server/delivery/mediaroutes.h"

#include "server/catalog/catalogrequest.h"
#include "server/catalog/videoservice.h"
#include "server/delivery/mediadelivery.h"
#include "server/http/httpresponse.h"
#include "server/http/mimetypes.h"
#include "server/http/router.h"
#include "server/http/staticfileresponder.h"

#include <QDateTime>

namespace Kinora::Server::Delivery {

namespace {

Http::HttpResponse send(const Http::HttpRequest &request, const ServiceResult<MediaDelivery::File> &file)
{
    if (!file)
        return file.error().toHttpResponse();
    const QByteArray contentType = Http::MimeTypes::forPath(file->absolutePath);
    if (!file->accelPath.isEmpty()) {
        // nginx sends the file (ranges and validators included) from its internal location.
        Http::HttpResponse response;
        response.status = 200;
        response.setHeader("X-Accel-Redirect", file->accelPath.toUtf8());
        response.setHeader("Content-Type", contentType);
        response.setHeader("Cache-Control", file->cacheControl);
        return response;
    }
    return Http::StaticFileResponder().respond(request, file->absolutePath, contentType, file->cacheControl);
}

} // namespace

void addMediaRoutes(Http::Router &router, MediaDelivery &delivery, Catalog::VideoService &videos,
                    const Accounts::AuthGuard &guard)
{
    const QByteArray get = QByteArrayLiteral("GET");
    router.addRoute(get, QStringLiteral("/media/{*path}"), [&delivery](Http::HttpRequest &request) {
        const QString path = request.pathParams.value(QStringLiteral("path"));
        return send(request, delivery.openPublic(path, QDateTime::currentMSecsSinceEpoch()));
    });
    router.addRoute(get, QStringLiteral("/media/s/{token}/{*path}"), [&delivery](Http::HttpRequest &request) {
        const QByteArray token = request.pathParams.value(QStringLiteral("token")).toLatin1();
        const QString path = request.pathParams.value(QStringLiteral("path"));
        return send(request, delivery.openSigned(token, path, QDateTime::currentMSecsSinceEpoch()));
    });
    router.addRoute(get, QStringLiteral("/api/v1/videos/{id}/media"), [&delivery, &videos, &guard](Http::HttpRequest &request) {
        Http::HttpResponse error;
        const auto viewer = Catalog::CatalogRequest::optionalViewer(guard, request, &error);
        if (!viewer)
            return error;
        const auto video = videos.get(request.pathParams.value(QStringLiteral("id")), *viewer);
        if (!video)
            return video.error().toHttpResponse();
        Http::HttpResponse response =
            Http::HttpResponse::json(delivery.linksFor(video.value(), {}, QDateTime::currentMSecsSinceEpoch()).toJson());
        response.setHeader("Cache-Control", "no-store");
        return response;
    });
}

} // namespace Kinora::Server::Delivery
