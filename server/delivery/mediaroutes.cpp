#include "server/delivery/mediaroutes.h"

#include "server/http/httpresponse.h"
#include "server/http/mimetypes.h"
#include "server/http/pathresolver.h"
#include "server/http/router.h"
#include "server/http/staticfileresponder.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace Kinora::Server::Delivery {

namespace {

QByteArray cacheControlFor(const QString &path)
{
    // A VOD playlist may still be replaced (a new rendition published), so it
    // is revalidated soon; segments and images never change under one name.
    if (path.endsWith(QLatin1String(".m3u8")))
        return QByteArrayLiteral("public, max-age=10");
    if (path.endsWith(QLatin1String(".vtt")))
        return QByteArrayLiteral("public, max-age=300");
    return QByteArrayLiteral("public, max-age=31536000, immutable");
}

Http::HttpResponse notFound()
{
    return Http::HttpResponse::error(404, QByteArrayLiteral("not_found"),
                                     QCoreApplication::translate("MediaRoutes", "No such media file."));
}

} // namespace

void addMediaRoutes(Http::Router &router, const QString &mediaDir)
{
    router.addRoute(QByteArrayLiteral("GET"), QStringLiteral("/media/{*path}"), [mediaDir](Http::HttpRequest &request) {
        const QString relative = request.pathParams.value(QStringLiteral("path"));
        const std::optional<QString> absolute = Http::resolveUnder(mediaDir, relative);
        if (!absolute || !QFileInfo(*absolute).isFile())
            return notFound();
        return Http::StaticFileResponder().respond(request, *absolute, Http::MimeTypes::forPath(*absolute),
                                                   cacheControlFor(*absolute));
    });
}

} // namespace Kinora::Server::Delivery
