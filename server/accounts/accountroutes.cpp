#include "server/accounts/accountroutes.h"

#include "server/accounts/accountservice.h"
#include "server/accounts/authguard.h"
#include "server/app/jsonbody.h"
#include "server/http/router.h"

#include <QJsonArray>

namespace Kinora::Server::Accounts {

namespace {
using Http::HttpRequest;
using Http::HttpResponse;

QString tr(const char *text)
{
    return QCoreApplication::translate("Kinora::Server::Accounts::AccountRoutes", text);
}

QString clientAddress(const HttpRequest &request, bool trustForwardedFor)
{
    if (trustForwardedFor) {
        const QByteArray forwarded = request.header("x-forwarded-for");
        const QByteArray last = forwarded.mid(forwarded.lastIndexOf(',') + 1).trimmed();
        if (!last.isEmpty() && last.size() <= 64)
            return QString::fromLatin1(last);
    }
    return request.peer.toString();
}

HttpResponse tokensResponse(const ServiceResult<AuthTokens> &result, int status)
{
    if (!result)
        return result.error().toHttpResponse();
    HttpResponse response = HttpResponse::json(result->toJson(), status);
    response.setHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return response;
}

HttpResponse statusResponse(const ServiceStatus &result)
{
    return result ? HttpResponse::noContent() : result.error().toHttpResponse();
}
}

void addAccountRoutes(Http::Router &router, AccountService &accounts, const AuthGuard &guard, qint64 maxJsonBodyBytes)
{
    Http::RouteOptions json;
    json.maxBodyBytes = maxJsonBodyBytes;
    const QByteArray get = QByteArrayLiteral("GET");
    const QByteArray post = QByteArrayLiteral("POST");

    router.addRoute(post, QStringLiteral("/api/v1/auth/register"), [&accounts](HttpRequest &request) {
        HttpResponse error;
        const auto body = JsonBody::parse(request, &error);
        QString username, password, displayName;
        if (!body || !body->string(QStringLiteral("username"), &username, &error)
            || !body->string(QStringLiteral("password"), &password, &error)
            || !body->string(QStringLiteral("displayName"), &displayName, &error, false))
            return error;
        return tokensResponse(accounts.registerUser(username, password, displayName, clientAddress(request, accounts.settings().trustForwardedFor)), 201);
    }, json);

    router.addRoute(post, QStringLiteral("/api/v1/auth/login"), [&accounts](HttpRequest &request) {
        HttpResponse error;
        const auto body = JsonBody::parse(request, &error);
        QString username, password;
        if (!body || !body->string(QStringLiteral("username"), &username, &error)
            || !body->string(QStringLiteral("password"), &password, &error))
            return error;
        return tokensResponse(accounts.login(username, password, clientAddress(request, accounts.settings().trustForwardedFor)), 200);
    }, json);

    router.addRoute(post, QStringLiteral("/api/v1/auth/refresh"), [&accounts](HttpRequest &request) {
        HttpResponse error;
        const auto body = JsonBody::parse(request, &error);
        QString token;
        if (!body || !body->string(QStringLiteral("refreshToken"), &token, &error))
            return error;
        return tokensResponse(accounts.refresh(token.toLatin1(), clientAddress(request, accounts.settings().trustForwardedFor)), 200);
    }, json);

    router.addRoute(post, QStringLiteral("/api/v1/auth/logout"), [&accounts](HttpRequest &request) {
        HttpResponse error;
        const auto body = JsonBody::parse(request, &error);
        QString token;
        if (!body || !body->string(QStringLiteral("refreshToken"), &token, &error))
            return error;
        return statusResponse(accounts.logout(token.toLatin1()));
    }, json);

    router.addRoute(post, QStringLiteral("/api/v1/auth/logout-all"), [&accounts, &guard](HttpRequest &request) {
        const auto auth = guard.requireUser(request);
        if (!auth)
            return auth.response;
        return statusResponse(accounts.logoutAll(*auth.principal));
    }, json);

    router.addRoute(get, QStringLiteral("/api/v1/users/me"), [&guard](HttpRequest &request) {
        const auto auth = guard.requireUser(request);
        if (!auth)
            return auth.response;
        return HttpResponse::json(QJsonObject{{QStringLiteral("user"), auth.user().toJson()}});
    });

    router.addRoute(post, QStringLiteral("/api/v1/users/me/password"), [&accounts, &guard](HttpRequest &request) {
        const auto auth = guard.requireUser(request);
        if (!auth)
            return auth.response;
        HttpResponse error;
        const auto body = JsonBody::parse(request, &error);
        QString current, next;
        if (!body || !body->string(QStringLiteral("currentPassword"), &current, &error)
            || !body->string(QStringLiteral("newPassword"), &next, &error))
            return error;
        return statusResponse(accounts.changePassword(*auth.principal, current, next));
    }, json);

    router.addRoute(get, QStringLiteral("/api/v1/admin/users"), [&accounts, &guard](HttpRequest &request) {
        const auto auth = guard.requireUser(request, Role::Admin);
        if (!auth)
            return auth.response;
        int limit = 50;
        if (request.query.hasQueryItem(QStringLiteral("limit"))) {
            bool ok = false;
            limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
            if (!ok)
                return HttpResponse::error(422, QByteArrayLiteral("validation_failed"), tr("limit must be an integer"));
        }
        const auto page = accounts.listUsers(limit, request.query.queryItemValue(QStringLiteral("cursor")));
        if (!page)
            return page.error().toHttpResponse();
        QJsonArray items;
        for (const User &user : page->items)
            items.append(user.toJson());
        return HttpResponse::json(QJsonObject{
            {QStringLiteral("items"), items},
            {QStringLiteral("nextCursor"), page->nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page->nextCursor)},
        });
    });

    router.addRoute(QByteArrayLiteral("PATCH"), QStringLiteral("/api/v1/admin/users/{id}"), [&accounts, &guard](HttpRequest &request) {
        const auto auth = guard.requireUser(request, Role::Admin);
        if (!auth)
            return auth.response;
        bool ok = false;
        const qint64 id = request.pathParams.value(QStringLiteral("id")).toLongLong(&ok);
        if (!ok)
            return HttpResponse::error(404, QByteArrayLiteral("not_found"), tr("no such user"));
        HttpResponse error;
        const auto body = JsonBody::parse(request, &error);
        QString roleText;
        if (!body || !body->string(QStringLiteral("role"), &roleText, &error))
            return error;
        const auto role = roleFromName(roleText);
        if (!role)
            return HttpResponse::error(422, QByteArrayLiteral("validation_failed"),
                                       tr("role must be viewer, creator, moderator or admin"));
        const auto user = accounts.setRole(id, *role);
        if (!user)
            return user.error().toHttpResponse();
        return HttpResponse::json(QJsonObject{{QStringLiteral("user"), user->toJson()}});
    }, json);
}

} // namespace Kinora::Server::Accounts
