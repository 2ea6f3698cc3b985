#include "server/app/systemroutes.h"

#include "server/app/processmetrics.h"
#include "server/app/servercontext.h"
#include "server/http/httpmetrics.h"
#include "server/http/router.h"
#include "server/storage/database.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace Kinora::Server {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("Kinora::Server::SystemRoutes", text);
}
}

void addSystemRoutes(Http::Router &router, ServerContext &context)
{
    router.addRoute(QByteArrayLiteral("GET"), QStringLiteral("/api/v1/health"), [&context](Http::HttpRequest &) {
        QString error;
        const bool databaseOk = context.database().ping(&error);
        return Http::HttpResponse::json(
            QJsonObject{
                {QStringLiteral("status"), databaseOk ? QStringLiteral("ok") : QStringLiteral("degraded")},
                {QStringLiteral("version"), QStringLiteral(KINORA_VERSION)},
                {QStringLiteral("database"), databaseOk ? QStringLiteral("ok") : QStringLiteral("error")},
            },
            databaseOk ? 200 : 503);
    });

    router.addRoute(QByteArrayLiteral("GET"), QStringLiteral("/metrics"), [&context](Http::HttpRequest &) {
        QByteArray text = context.metrics().renderPrometheus();
        text += "# HELP kinora_build_info Version of the running server.\n# TYPE kinora_build_info gauge\n"
                "kinora_build_info{version=\"" KINORA_VERSION "\"} 1\n";
        text += ProcessMetrics::renderPrometheus(context.startedAtMs());
        return Http::HttpResponse::bytes(text, QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"));
    });

    // Reached only by a plain GET without the WebSocket upgrade headers.
    router.addRoute(QByteArrayLiteral("GET"), QStringLiteral("/ws"), [](Http::HttpRequest &) {
        Http::HttpResponse response = Http::HttpResponse::error(426, QByteArrayLiteral("upgrade_required"),
                                                                tr("/ws speaks WebSocket only"));
        response.setHeader(QByteArrayLiteral("Upgrade"), QByteArrayLiteral("websocket"));
        return response;
    });
}

} // namespace Kinora::Server
