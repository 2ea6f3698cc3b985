#include "server/social/playlistroutes.h"

#include "server/accounts/authguard.h"
#include "server/app/jsonbody.h"
#include "server/catalog/catalogrequest.h"
#include "server/http/router.h"
#include "server/social/playlistservice.h"
#include "server/social/socialrequest.h"

namespace Kinora::Server::Social {

namespace {
using Catalog::CatalogRequest;
using Http::HttpRequest;
using Http::HttpResponse;

QString tr(const char *text)
{
    return QCoreApplication::translate("Kinora::Server::Social::PlaylistRoutes", text);
}

HttpResponse playlistResponse(const ServiceResult<Playlist> &result, int status = 200)
{
    if (!result)
        return result.error().toHttpResponse();
    return HttpResponse::json(QJsonObject{{QStringLiteral("playlist"), result->toJson()}}, status);
}

HttpResponse statusResponse(const ServiceStatus &result)
{
    return result ? HttpResponse::noContent() : result.error().toHttpResponse();
}

// title, description, visibility; each optional.
std::optional<PlaylistService::Fields> parseFields(const HttpRequest &request, HttpResponse *error)
{
    const auto body = JsonBody::parse(request, error);
    if (!body)
        return std::nullopt;
    PlaylistService::Fields fields;
    std::optional<QString> visibility;
    if (!SocialRequest::onlyFields(body->object(), {QStringLiteral("title"), QStringLiteral("description"), QStringLiteral("visibility")}, error)
        || !SocialRequest::text(body->object(), QStringLiteral("title"), &fields.title, error)
        || !SocialRequest::text(body->object(), QStringLiteral("description"), &fields.description, error)
        || !SocialRequest::text(body->object(), QStringLiteral("visibility"), &visibility, error))
        return std::nullopt;
    if (visibility) {
        fields.visibility = Catalog::visibilityFromName(*visibility);
        if (!fields.visibility) {
            *error = HttpResponse::error(422, QByteArrayLiteral("validation_failed"), tr("visibility must be public, unlisted or private"));
            return std::nullopt;
        }
    }
    return fields;
}
}

void addPlaylistRoutes(Http::Router &router, PlaylistService &playlists, const Accounts::AuthGuard &guard,
                       const Catalog::CatalogSettings &settings, qint64 maxJsonBodyBytes)
{
    Http::RouteOptions json;
    json.maxBodyBytes = maxJsonBodyBytes;
    const QByteArray get = QByteArrayLiteral("GET");
    const QByteArray post = QByteArrayLiteral("POST");
    const QByteArray patch = QByteArrayLiteral("PATCH");
    const QByteArray del = QByteArrayLiteral("DELETE");
    using Accounts::Role;

    router.addRoute(post, QStringLiteral("/api/v1/playlists"), [&playlists, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto fields = parseFields(request, &error);
        if (!fields)
            return error;
        return playlistResponse(playlists.create(*viewer, *fields), 201);
    }, json);

    router.addRoute(get, QStringLiteral("/api/v1/playlists/{id}"), [&playlists, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::optionalViewer(guard, request, &error);
        if (!viewer)
            return error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        if (!id)
            return error;
        return playlistResponse(playlists.get(*viewer, *id));
    });

    router.addRoute(patch, QStringLiteral("/api/v1/playlists/{id}"), [&playlists, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        if (!id)
            return error;
        const auto fields = parseFields(request, &error);
        if (!fields)
            return error;
        return playlistResponse(playlists.update(*viewer, *id, *fields));
    }, json);

    router.addRoute(del, QStringLiteral("/api/v1/playlists/{id}"), [&playlists, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        if (!id)
            return error;
        return statusResponse(playlists.remove(*viewer, *id));
    });

    router.addRoute(get, QStringLiteral("/api/v1/playlists/{id}/items"), [&playlists, &guard, &settings](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::optionalViewer(guard, request, &error);
        if (!viewer)
            return error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        if (!id)
            return error;
        int limit = 0;
        QString cursor;
        if (!CatalogRequest::pageParameters(request, settings, &limit, &cursor, &error))
            return error;
        const auto page = playlists.items(*viewer, *id, limit, cursor);
        if (!page)
            return page.error().toHttpResponse();
        return CatalogRequest::pageResponse<PlaylistItem>(page.value(), [](const PlaylistItem &i) { return i.toJson(); });
    });

    router.addRoute(post, QStringLiteral("/api/v1/playlists/{id}/items"), [&playlists, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        if (!id)
            return error;
        const auto body = JsonBody::parse(request, &error);
        QString videoId;
        std::optional<qint64> position;
        if (!body || !SocialRequest::onlyFields(body->object(), {QStringLiteral("videoId"), QStringLiteral("position")}, &error)
            || !body->string(QStringLiteral("videoId"), &videoId, &error)
            || !SocialRequest::integer(body->object(), QStringLiteral("position"), 0, 1'000'000, &position, &error))
            return error;
        const auto item = playlists.addItem(*viewer, *id, videoId, position.value_or(-1));
        if (!item)
            return item.error().toHttpResponse();
        return HttpResponse::json(QJsonObject{{QStringLiteral("item"), item->toJson()}}, 201);
    }, json);

    router.addRoute(patch, QStringLiteral("/api/v1/playlists/{id}/items/{itemId}"), [&playlists, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        const auto itemId = id ? CatalogRequest::idParameter(request, QStringLiteral("itemId"), &error) : std::nullopt;
        if (!id || !itemId)
            return error;
        const auto body = JsonBody::parse(request, &error);
        std::optional<qint64> position;
        if (!body || !SocialRequest::onlyFields(body->object(), {QStringLiteral("position")}, &error)
            || !SocialRequest::integer(body->object(), QStringLiteral("position"), 0, 1'000'000, &position, &error))
            return error;
        if (!position)
            return HttpResponse::error(422, QByteArrayLiteral("validation_failed"), tr("position is required"));
        return statusResponse(playlists.moveItem(*viewer, *id, *itemId, *position));
    }, json);

    router.addRoute(del, QStringLiteral("/api/v1/playlists/{id}/items/{itemId}"), [&playlists, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        const auto itemId = id ? CatalogRequest::idParameter(request, QStringLiteral("itemId"), &error) : std::nullopt;
        if (!id || !itemId)
            return error;
        return statusResponse(playlists.removeItem(*viewer, *id, *itemId));
    });

    router.addRoute(get, QStringLiteral("/api/v1/users/me/playlists"), [&playlists, &guard, &settings](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        int limit = 0;
        QString cursor;
        if (!CatalogRequest::pageParameters(request, settings, &limit, &cursor, &error))
            return error;
        const auto page = playlists.listOwn(*viewer, limit, cursor);
        if (!page)
            return page.error().toHttpResponse();
        return CatalogRequest::pageResponse<Playlist>(page.value(), [](const Playlist &p) { return p.toJson(); });
    });

    router.addRoute(get, QStringLiteral("/api/v1/users/me/watch-later"), [&playlists, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        return playlistResponse(playlists.watchLater(*viewer));
    });
}

} // namespace Kinora::Server::Social
