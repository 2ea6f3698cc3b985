#include "server/catalog/catalogroutes.h"

#include "server/accounts/authguard.h"
#include "server/app/jsonbody.h"
#include "server/catalog/catalogrequest.h"
#include "server/catalog/channelservice.h"
#include "server/catalog/videoservice.h"
#include "server/http/router.h"

#include <QFile>
#include <QJsonArray>

namespace Kinora::Server::Catalog {

namespace {
using Accounts::Role;
using Http::HttpRequest;
using Http::HttpResponse;

QString tr(const char *text)
{
    return QCoreApplication::translate("Kinora::Server::Catalog::CatalogRoutes", text);
}

HttpResponse videoResponse(const ServiceResult<Video> &result, int status = 200)
{
    if (!result)
        return result.error().toHttpResponse();
    return HttpResponse::json(QJsonObject{{QStringLiteral("video"), result->toJson()}}, status);
}

HttpResponse channelResponse(const ServiceResult<Channel> &result)
{
    if (!result)
        return result.error().toHttpResponse();
    return HttpResponse::json(QJsonObject{{QStringLiteral("channel"), result->toJson()}});
}

HttpResponse videoPage(const ServiceResult<Page<Video>> &result)
{
    if (!result)
        return result.error().toHttpResponse();
    return CatalogRequest::pageResponse<Video>(result.value(), [](const Video &v) { return v.toJson(); });
}

std::optional<VideoChanges> parseChanges(const HttpRequest &request, HttpResponse *error)
{
    const auto body = JsonBody::parse(request, error);
    if (!body)
        return std::nullopt;
    QString message;
    auto changes = VideoChanges::fromJson(body->object(), &message);
    if (!changes)
        *error = HttpResponse::error(422, QByteArrayLiteral("validation_failed"), message);
    return changes;
}
} // namespace

void addCatalogRoutes(Http::Router &router, VideoService &videos, ChannelService &channels,
                      const Accounts::AuthGuard &guard, qint64 maxJsonBodyBytes)
{
    Http::RouteOptions json;
    json.maxBodyBytes = maxJsonBodyBytes;
    Http::RouteOptions image;
    image.maxBodyBytes = videos.settings().maxImageBytes;
    const QByteArray get = QByteArrayLiteral("GET");
    const QByteArray post = QByteArrayLiteral("POST");
    const CatalogSettings &settings = videos.settings();

    router.addRoute(post, QStringLiteral("/api/v1/videos"), [&videos, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Creator, &error);
        if (!viewer)
            return error;
        const auto changes = parseChanges(request, &error);
        if (!changes)
            return error;
        return videoResponse(videos.create(*viewer, *changes), 201);
    }, json);

    router.addRoute(get, QStringLiteral("/api/v1/videos"), [&videos, &guard, &settings](HttpRequest &request) {
        HttpResponse error;
        if (!CatalogRequest::optionalViewer(guard, request, &error))
            return error;
        VideoListQuery query;
        if (!CatalogRequest::pageParameters(request, settings, &query.limit, &query.cursor, &error))
            return error;
        const QString sort = request.query.queryItemValue(QStringLiteral("sort"));
        if (sort == QLatin1String("popular"))
            query.sort = VideoListQuery::Sort::Popular;
        else if (!sort.isEmpty() && sort != QLatin1String("newest"))
            return HttpResponse::error(422, QByteArrayLiteral("validation_failed"), tr("sort must be newest or popular"));
        query.category = request.query.queryItemValue(QStringLiteral("category"), QUrl::FullyDecoded);
        const QString channel = request.query.queryItemValue(QStringLiteral("channel"));
        if (!channel.isEmpty()) {
            bool ok = false;
            query.channelId = channel.toLongLong(&ok);
            if (!ok || query.channelId <= 0)
                return HttpResponse::error(422, QByteArrayLiteral("validation_failed"), tr("channel must be a channel id"));
        }
        return videoPage(videos.list(query));
    });

    router.addRoute(get, QStringLiteral("/api/v1/videos/{id}"), [&videos, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::optionalViewer(guard, request, &error);
        if (!viewer)
            return error;
        return videoResponse(videos.get(request.pathParams.value(QStringLiteral("id")), *viewer));
    });

    router.addRoute(QByteArrayLiteral("PATCH"), QStringLiteral("/api/v1/videos/{id}"), [&videos, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto changes = parseChanges(request, &error);
        if (!changes)
            return error;
        return videoResponse(videos.update(request.pathParams.value(QStringLiteral("id")), *viewer, *changes));
    }, json);

    router.addRoute(QByteArrayLiteral("DELETE"), QStringLiteral("/api/v1/videos/{id}"), [&videos, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto result = videos.remove(request.pathParams.value(QStringLiteral("id")), *viewer);
        return result ? HttpResponse::noContent() : result.error().toHttpResponse();
    });

    router.addRoute(post, QStringLiteral("/api/v1/videos/{id}/thumbnail"), [&videos, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        return videoResponse(videos.setCustomThumbnail(request.pathParams.value(QStringLiteral("id")), *viewer, request.body,
                                                       request.header("content-type")));
    }, image);

    router.addRoute(get, QStringLiteral("/api/v1/users/me/videos"), [&videos, &guard, &settings](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        int limit = 0;
        QString cursor;
        if (!CatalogRequest::pageParameters(request, settings, &limit, &cursor, &error))
            return error;
        return videoPage(videos.listOwn(*viewer, limit, cursor));
    });

    router.addRoute(get, QStringLiteral("/api/v1/users/me/channel"), [&channels, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        return channelResponse(channels.ensureForUser(viewer->userId));
    });

    router.addRoute(get, QStringLiteral("/api/v1/channels/{id}"), [&channels, &guard](HttpRequest &request) {
        HttpResponse error;
        if (!CatalogRequest::optionalViewer(guard, request, &error))
            return error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        if (!id)
            return error;
        return channelResponse(channels.get(*id));
    });

    router.addRoute(QByteArrayLiteral("PATCH"), QStringLiteral("/api/v1/channels/{id}"), [&channels, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        if (!id)
            return error;
        const auto body = JsonBody::parse(request, &error);
        if (!body)
            return error;
        std::optional<QString> name, description;
        for (const QString &key : body->object().keys()) {
            if (key != QLatin1String("name") && key != QLatin1String("description"))
                return HttpResponse::error(422, QByteArrayLiteral("validation_failed"), tr("unknown field %1").arg(key));
        }
        QString value;
        if (body->object().contains(QStringLiteral("name"))) {
            if (!body->string(QStringLiteral("name"), &value, &error))
                return error;
            name = value;
        }
        if (body->object().contains(QStringLiteral("description"))) {
            if (!body->string(QStringLiteral("description"), &value, &error))
                return error;
            description = value;
        }
        return channelResponse(channels.update(*viewer, *id, name, description));
    }, json);

    router.addRoute(get, QStringLiteral("/api/v1/channels/{id}/videos"), [&videos, &guard, &settings](HttpRequest &request) {
        HttpResponse error;
        if (!CatalogRequest::optionalViewer(guard, request, &error))
            return error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        if (!id)
            return error;
        VideoListQuery query;
        query.channelId = *id;
        if (!CatalogRequest::pageParameters(request, settings, &query.limit, &query.cursor, &error))
            return error;
        if (request.query.queryItemValue(QStringLiteral("sort")) == QLatin1String("popular"))
            query.sort = VideoListQuery::Sort::Popular;
        return videoPage(videos.list(query));
    });

    router.addRoute(post, QStringLiteral("/api/v1/channels/{id}/avatar"), [&channels, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        if (!id)
            return error;
        return channelResponse(channels.setAvatar(*viewer, *id, request.body, request.header("content-type")));
    }, image);

    router.addRoute(get, QStringLiteral("/api/v1/channels/{id}/avatar"), [&channels](HttpRequest &request) {
        HttpResponse error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        if (!id)
            return error;
        const auto file = channels.avatarFile(*id);
        if (!file)
            return file.error().toHttpResponse();
        HttpResponse response;
        response.filePath = file->first;
        response.setHeader(QByteArrayLiteral("Content-Type"), file->second.toLatin1());
        response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("public, max-age=300"));
        return response;
    });

    router.addRoute(get, QStringLiteral("/api/v1/categories"), [&settings](HttpRequest &) {
        return HttpResponse::json(QJsonObject{{QStringLiteral("categories"), QJsonArray::fromStringList(settings.categories)}});
    });
}

} // namespace Kinora::Server::Catalog
