#include "server/social/socialroutes.h"

#include "server/accounts/authguard.h"
#include "server/app/jsonbody.h"
#include "server/catalog/catalogrequest.h"
#include "server/catalog/videoservice.h"
#include "server/http/router.h"
#include "server/social/commentroutes.h"
#include "server/social/historyservice.h"
#include "server/social/playlistroutes.h"
#include "server/social/ratingservice.h"
#include "server/social/socialrequest.h"
#include "server/social/subscriptionservice.h"

namespace Kinora::Server::Social {

namespace {
using Accounts::Role;
using Catalog::CatalogRequest;
using Http::HttpRequest;
using Http::HttpResponse;

QString tr(const char *text)
{
    return QCoreApplication::translate("Kinora::Server::Social::SocialRoutes", text);
}

template <typename T>
HttpResponse objectResponse(const ServiceResult<T> &result)
{
    if (!result)
        return result.error().toHttpResponse();
    return HttpResponse::json(result->toJson());
}

HttpResponse statusResponse(const ServiceStatus &result)
{
    return result ? HttpResponse::noContent() : result.error().toHttpResponse();
}

HttpResponse historyPage(const ServiceResult<Catalog::Page<HistoryEntry>> &result)
{
    if (!result)
        return result.error().toHttpResponse();
    return CatalogRequest::pageResponse<HistoryEntry>(result.value(), [](const HistoryEntry &e) { return e.toJson(); });
}
}

void addSocialRoutes(Http::Router &router, const SocialServices &services, Catalog::VideoService &videos,
                     const Accounts::AuthGuard &guard, qint64 maxJsonBodyBytes)
{
    Http::RouteOptions json;
    json.maxBodyBytes = maxJsonBodyBytes;
    const QByteArray get = QByteArrayLiteral("GET");
    const QByteArray put = QByteArrayLiteral("PUT");
    const QByteArray del = QByteArrayLiteral("DELETE");
    const Catalog::CatalogSettings &settings = videos.settings();
    RatingService &ratings = services.ratings;
    SubscriptionService &subscriptions = services.subscriptions;
    HistoryService &history = services.history;

    router.addRoute(get, QStringLiteral("/api/v1/videos/{id}/rating"), [&ratings, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::optionalViewer(guard, request, &error);
        if (!viewer)
            return error;
        return objectResponse(ratings.state(*viewer, request.pathParams.value(QStringLiteral("id"))));
    });

    router.addRoute(put, QStringLiteral("/api/v1/videos/{id}/rating"), [&ratings, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto body = JsonBody::parse(request, &error);
        QString name;
        if (!body || !SocialRequest::onlyFields(body->object(), {QStringLiteral("rating")}, &error)
            || !body->string(QStringLiteral("rating"), &name, &error))
            return error;
        const auto rating = ratingFromName(name);
        if (!rating)
            return HttpResponse::error(422, QByteArrayLiteral("validation_failed"), tr("rating must be like, dislike or none"));
        return objectResponse(ratings.rate(*viewer, request.pathParams.value(QStringLiteral("id")), *rating));
    }, json);

    router.addRoute(get, QStringLiteral("/api/v1/users/me/liked"), [&ratings, &guard, &settings](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        int limit = 0;
        QString cursor;
        if (!CatalogRequest::pageParameters(request, settings, &limit, &cursor, &error))
            return error;
        const auto page = ratings.liked(*viewer, limit, cursor);
        if (!page)
            return page.error().toHttpResponse();
        return CatalogRequest::pageResponse<Catalog::Video>(page.value(), [](const Catalog::Video &v) { return v.toJson(); });
    });

    router.addRoute(get, QStringLiteral("/api/v1/channels/{id}/subscription"), [&subscriptions, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::optionalViewer(guard, request, &error);
        if (!viewer)
            return error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        if (!id)
            return error;
        return objectResponse(subscriptions.state(*viewer, *id));
    });

    for (const bool subscribe : {true, false}) {
        router.addRoute(subscribe ? put : del, QStringLiteral("/api/v1/channels/{id}/subscription"),
                        [&subscriptions, &guard, subscribe](HttpRequest &request) {
            HttpResponse error;
            const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
            if (!viewer)
                return error;
            const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
            if (!id)
                return error;
            return objectResponse(subscriptions.setSubscribed(*viewer, *id, subscribe));
        });
    }

    router.addRoute(get, QStringLiteral("/api/v1/users/me/subscriptions"), [&subscriptions, &guard, &settings](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        int limit = 0;
        QString cursor;
        if (!CatalogRequest::pageParameters(request, settings, &limit, &cursor, &error))
            return error;
        const auto page = subscriptions.subscriptions(*viewer, limit, cursor);
        if (!page)
            return page.error().toHttpResponse();
        return CatalogRequest::pageResponse<Catalog::Channel>(page.value(), [](const Catalog::Channel &c) { return c.toJson(); });
    });

    router.addRoute(get, QStringLiteral("/api/v1/feed/subscriptions"), [&videos, &guard, &settings](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        Catalog::VideoListQuery query;
        query.subscriberId = viewer->userId;
        if (!CatalogRequest::pageParameters(request, settings, &query.limit, &query.cursor, &error))
            return error;
        const auto page = videos.list(query);
        if (!page)
            return page.error().toHttpResponse();
        return CatalogRequest::pageResponse<Catalog::Video>(page.value(), [](const Catalog::Video &v) { return v.toJson(); });
    });

    router.addRoute(put, QStringLiteral("/api/v1/users/me/history/{videoId}"), [&history, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto body = JsonBody::parse(request, &error);
        std::optional<qint64> position;
        if (!body || !SocialRequest::onlyFields(body->object(), {QStringLiteral("positionMs")}, &error)
            || !SocialRequest::integer(body->object(), QStringLiteral("positionMs"), 0, qint64(1) << 40, &position, &error))
            return error;
        if (!position)
            return HttpResponse::error(422, QByteArrayLiteral("validation_failed"), tr("positionMs is required"));
        return objectResponse(history.record(*viewer, request.pathParams.value(QStringLiteral("videoId")), *position));
    }, json);

    router.addRoute(get, QStringLiteral("/api/v1/users/me/history"), [&history, &guard, &settings](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        int limit = 0;
        QString cursor;
        if (!CatalogRequest::pageParameters(request, settings, &limit, &cursor, &error))
            return error;
        return historyPage(history.list(*viewer, limit, cursor));
    });

    router.addRoute(del, QStringLiteral("/api/v1/users/me/history/{videoId}"), [&history, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        return statusResponse(history.remove(*viewer, request.pathParams.value(QStringLiteral("videoId"))));
    });

    router.addRoute(del, QStringLiteral("/api/v1/users/me/history"), [&history, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        return statusResponse(history.clear(*viewer));
    });

    router.addRoute(get, QStringLiteral("/api/v1/users/me/continue-watching"), [&history, &guard, &settings](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Role::Viewer, &error);
        if (!viewer)
            return error;
        int limit = 0;
        QString cursor;
        if (!CatalogRequest::pageParameters(request, settings, &limit, &cursor, &error))
            return error;
        return historyPage(history.continueWatching(*viewer, limit, cursor));
    });

    addCommentRoutes(router, services.comments, guard, settings, maxJsonBodyBytes);
    addPlaylistRoutes(router, services.playlists, guard, settings, maxJsonBodyBytes);
}

} // namespace Kinora::Server::Social
