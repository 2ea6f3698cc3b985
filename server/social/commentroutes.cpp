#include "server/social/commentroutes.h"

#include "server/accounts/authguard.h"
#include "server/app/jsonbody.h"
#include "server/catalog/catalogrequest.h"
#include "server/http/router.h"
#include "server/social/commentservice.h"
#include "server/social/socialrequest.h"

namespace Kinora::Server::Social {

namespace {
using Catalog::CatalogRequest;
using Http::HttpRequest;
using Http::HttpResponse;

QString tr(const char *text)
{
    return QCoreApplication::translate("Kinora::Server::Social::CommentRoutes", text);
}

HttpResponse commentPage(const ServiceResult<Catalog::Page<Comment>> &result)
{
    if (!result)
        return result.error().toHttpResponse();
    return CatalogRequest::pageResponse<Comment>(result.value(), [](const Comment &c) { return c.toJson(); });
}

HttpResponse commentResponse(const ServiceResult<Comment> &result, int status = 200)
{
    if (!result)
        return result.error().toHttpResponse();
    return HttpResponse::json(QJsonObject{{QStringLiteral("comment"), result->toJson()}}, status);
}
}

void addCommentRoutes(Http::Router &router, CommentService &comments, const Accounts::AuthGuard &guard,
                      const Catalog::CatalogSettings &settings, qint64 maxJsonBodyBytes)
{
    Http::RouteOptions json;
    json.maxBodyBytes = maxJsonBodyBytes;

    router.addRoute(QByteArrayLiteral("GET"), QStringLiteral("/api/v1/videos/{id}/comments"), [&comments, &guard, &settings](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::optionalViewer(guard, request, &error);
        if (!viewer)
            return error;
        int limit = 0;
        QString cursor;
        if (!CatalogRequest::pageParameters(request, settings, &limit, &cursor, &error))
            return error;
        return commentPage(comments.list(*viewer, request.pathParams.value(QStringLiteral("id")), 0, limit, cursor));
    });

    router.addRoute(QByteArrayLiteral("POST"), QStringLiteral("/api/v1/videos/{id}/comments"), [&comments, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Accounts::Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto body = JsonBody::parse(request, &error);
        if (!body)
            return error;
        std::optional<QString> text;
        std::optional<QString> parent;
        if (!SocialRequest::onlyFields(body->object(), {QStringLiteral("body"), QStringLiteral("parentId")}, &error)
            || !SocialRequest::text(body->object(), QStringLiteral("body"), &text, &error)
            || !SocialRequest::text(body->object(), QStringLiteral("parentId"), &parent, &error))
            return error;
        if (!text)
            return HttpResponse::error(422, QByteArrayLiteral("validation_failed"), tr("body is required"));
        qint64 parentId = 0;
        if (parent) {
            bool ok = false;
            parentId = parent->toLongLong(&ok);
            if (!ok || parentId <= 0)
                return HttpResponse::error(422, QByteArrayLiteral("validation_failed"), tr("parentId must be a comment id"));
        }
        return commentResponse(comments.add(*viewer, request.pathParams.value(QStringLiteral("id")), *text, parentId), 201);
    }, json);

    router.addRoute(QByteArrayLiteral("GET"), QStringLiteral("/api/v1/comments/{id}/replies"), [&comments, &guard, &settings](HttpRequest &request) {
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
        return commentPage(comments.replies(*viewer, *id, limit, cursor));
    });

    router.addRoute(QByteArrayLiteral("PATCH"), QStringLiteral("/api/v1/comments/{id}"), [&comments, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Accounts::Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        if (!id)
            return error;
        const auto body = JsonBody::parse(request, &error);
        QString text;
        if (!body || !SocialRequest::onlyFields(body->object(), {QStringLiteral("body")}, &error)
            || !body->string(QStringLiteral("body"), &text, &error))
            return error;
        return commentResponse(comments.edit(*viewer, *id, text));
    }, json);

    router.addRoute(QByteArrayLiteral("DELETE"), QStringLiteral("/api/v1/comments/{id}"), [&comments, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Accounts::Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto id = CatalogRequest::idParameter(request, QStringLiteral("id"), &error);
        if (!id)
            return error;
        const auto result = comments.remove(*viewer, *id);
        return result ? HttpResponse::noContent() : result.error().toHttpResponse();
    });
}

} // namespace Kinora::Server::Social
