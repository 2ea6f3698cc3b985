#include "server/search/searchroutes.h"

#include "server/accounts/authguard.h"
#include "server/catalog/catalogrequest.h"
#include "server/http/router.h"
#include "server/search/searchservice.h"

#include <QJsonArray>

namespace Kinora::Server::Search {

namespace {
using Http::HttpRequest;
using Http::HttpResponse;

QString tr(const char *text)
{
    return QCoreApplication::translate("Kinora::Server::Search::SearchRoutes", text);
}

QString queryValue(const HttpRequest &request, const QString &name)
{
    return request.query.queryItemValue(name, QUrl::FullyDecoded);
}

bool intValue(const HttpRequest &request, const QString &name, int fallback, int *value)
{
    if (!request.query.hasQueryItem(name)) {
        *value = fallback;
        return true;
    }
    bool ok = false;
    *value = request.query.queryItemValue(name).toInt(&ok);
    return ok;
}
}

void addSearchRoutes(Http::Router &router, SearchService &search, const Accounts::AuthGuard &guard)
{
    const QByteArray get = QByteArrayLiteral("GET");

    router.addRoute(get, QStringLiteral("/api/v1/search"), [&search, &guard](HttpRequest &request) {
        HttpResponse error;
        if (!Catalog::CatalogRequest::optionalViewer(guard, request, &error))
            return error;
        SearchService::Parameters p;
        p.text = queryValue(request, QStringLiteral("q"));
        p.duration = queryValue(request, QStringLiteral("duration"));
        p.date = queryValue(request, QStringLiteral("date"));
        p.category = queryValue(request, QStringLiteral("category"));
        p.sort = queryValue(request, QStringLiteral("sort"));
        p.cursor = queryValue(request, QStringLiteral("cursor"));
        if (!intValue(request, QStringLiteral("limit"), 20, &p.limit))
            return HttpResponse::error(422, QByteArrayLiteral("validation_failed"), tr("limit must be an integer"));
        const auto body = search.searchJson(p);
        if (!body)
            return body.error().toHttpResponse();
        return HttpResponse::bytes(body.value(), QByteArrayLiteral("application/json"));
    });

    router.addRoute(get, QStringLiteral("/api/v1/search/suggest"), [&search, &guard](HttpRequest &request) {
        HttpResponse error;
        if (!Catalog::CatalogRequest::optionalViewer(guard, request, &error))
            return error;
        int limit = 0;
        if (!intValue(request, QStringLiteral("limit"), 10, &limit))
            return HttpResponse::error(422, QByteArrayLiteral("validation_failed"), tr("limit must be an integer"));
        const auto titles = search.suggest(queryValue(request, QStringLiteral("q")), limit);
        if (!titles)
            return titles.error().toHttpResponse();
        return HttpResponse::json(QJsonObject{{QStringLiteral("suggestions"), QJsonArray::fromStringList(titles.value())}});
    });
}

} // namespace Kinora::Server::Search
