#include "server/playback/playbackroutes.h"

#include "server/app/jsonbody.h"
#include "server/catalog/catalogrequest.h"
#include "server/catalog/video.h"
#include "server/http/router.h"
#include "server/playback/playbackservice.h"

#include <QJsonArray>

namespace Kinora::Server::Playback {

namespace {

using Catalog::CatalogRequest;
using Http::HttpRequest;
using Http::HttpResponse;

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

QJsonArray sessionsJson(const QList<PlaybackSession> &sessions)
{
    QJsonArray items;
    for (const PlaybackSession &session : sessions)
        items.append(session.toJson());
    return items;
}

HttpResponse noStore(HttpResponse response)
{
    response.setHeader("Cache-Control", "no-store");
    return response;
}

HttpResponse startSession(HttpRequest &request, PlaybackService &service, const Accounts::AuthGuard &guard,
                          bool trustForwardedFor)
{
    HttpResponse error;
    const auto viewer = CatalogRequest::optionalViewer(guard, request, &error);
    if (!viewer)
        return error;
    const auto body = JsonBody::parse(request, &error);
    PlaybackService::Start start;
    if (!body || !body->string(QStringLiteral("videoId"), &start.videoId, &error)
        || !body->string(QStringLiteral("deviceId"), &start.deviceId, &error)
        || !body->string(QStringLiteral("deviceName"), &start.deviceName, &error, false))
        return error;
    start.clientAddress = clientAddress(request, trustForwardedFor);
    PlaybackService::Started started;
    if (const auto refusal = service.startSession(*viewer, start, &started)) {
        HttpResponse response = refusal->error.toHttpResponse();
        if (refusal->error.code == "stream_limit_reached") {
            const QJsonObject inner{
                {QStringLiteral("code"), QString::fromLatin1(refusal->error.code)},
                {QStringLiteral("message"), refusal->error.message},
                {QStringLiteral("activeSessions"), sessionsJson(refusal->activeSessions)},
            };
            response = HttpResponse::json(QJsonObject{{QStringLiteral("error"), inner}}, 429);
        }
        return noStore(response);
    }
    QJsonObject json{
        {QStringLiteral("sessionId"), started.session.id},
        {QStringLiteral("videoId"), started.session.videoId},
        {QStringLiteral("heartbeatSeconds"), service.settings().heartbeatSeconds},
        {QStringLiteral("expiresAt"), Catalog::isoTime(started.expiresAtMs)},
    };
    const QJsonObject links = started.links.toJson();
    json.insert(QStringLiteral("masterUrl"), links.value(QStringLiteral("masterUrl")));
    json.insert(QStringLiteral("posterUrl"), links.value(QStringLiteral("posterUrl")));
    json.insert(QStringLiteral("storyboardUrl"), links.value(QStringLiteral("storyboardUrl")));
    json.insert(QStringLiteral("mediaExpiresAt"), links.value(QStringLiteral("expiresAt")));
    return noStore(HttpResponse::json(json, 201));
}

HttpResponse heartbeat(HttpRequest &request, PlaybackService &service, const Accounts::AuthGuard &guard)
{
    HttpResponse error;
    const auto viewer = CatalogRequest::optionalViewer(guard, request, &error);
    if (!viewer)
        return error;
    const auto body = JsonBody::parse(request, &error);
    if (!body)
        return error;
    QString problem;
    const auto beat = PlaybackHeartbeat::fromJson(body->object(), &problem);
    if (!beat)
        return HttpResponse::error(422, QByteArrayLiteral("validation_failed"), problem);
    const auto expiresAt = service.heartbeat(*viewer, request.pathParams.value(QStringLiteral("id")), *beat);
    if (!expiresAt)
        return noStore(expiresAt.error().toHttpResponse());
    return noStore(HttpResponse::json(QJsonObject{{QStringLiteral("expiresAt"), Catalog::isoTime(expiresAt.value())}}));
}

} // namespace

void addPlaybackRoutes(Http::Router &router, PlaybackService &service, const Accounts::AuthGuard &guard,
                       qint64 maxJsonBodyBytes, bool trustForwardedFor)
{
    Http::RouteOptions json;
    json.maxBodyBytes = maxJsonBodyBytes;
    const QString base = QStringLiteral("/api/v1/playback/sessions");
    router.addRoute(QByteArrayLiteral("POST"), base, [&service, &guard, trustForwardedFor](HttpRequest &request) {
        return startSession(request, service, guard, trustForwardedFor);
    }, json);
    router.addRoute(QByteArrayLiteral("GET"), base, [&service, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::requiredViewer(guard, request, Accounts::Role::Viewer, &error);
        if (!viewer)
            return error;
        const auto sessions = service.activeSessions(*viewer);
        if (!sessions)
            return sessions.error().toHttpResponse();
        return noStore(HttpResponse::json(QJsonObject{{QStringLiteral("items"), sessionsJson(sessions.value())}}));
    });
    router.addRoute(QByteArrayLiteral("POST"), base + QStringLiteral("/{id}/heartbeat"), [&service, &guard](HttpRequest &request) {
        return heartbeat(request, service, guard);
    }, json);
    router.addRoute(QByteArrayLiteral("DELETE"), base + QStringLiteral("/{id}"), [&service, &guard](HttpRequest &request) {
        HttpResponse error;
        const auto viewer = CatalogRequest::optionalViewer(guard, request, &error);
        if (!viewer)
            return error;
        const auto stopped = service.stop(*viewer, request.pathParams.value(QStringLiteral("id")));
        if (!stopped)
            return stopped.error().toHttpResponse();
        return HttpResponse::noContent();
    });
}

} // namespace Kinora::Server::Playback
