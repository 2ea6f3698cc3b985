#pragma once

#include "server/accounts/role.h"
#include "server/catalog/catalogsettings.h"
#include "server/catalog/page.h"
#include "server/catalog/viewer.h"
#include "server/http/httprequest.h"
#include "server/http/httpresponse.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace Kinora::Server::Accounts {
class AuthGuard;
}

namespace Kinora::Server::Catalog {

// What the catalog, search and social routes read from a request besides
// their own fields: who asks (optional on public routes: the token is checked
// only when one is sent, and a bad one is still 401), the page parameters,
// numeric path ids; and the JSON shape of a page.
class CatalogRequest
{
    Q_DECLARE_TR_FUNCTIONS(CatalogRequest)

public:
    static std::optional<Viewer> optionalViewer(const Accounts::AuthGuard &guard, const Http::HttpRequest &request,
                                                Http::HttpResponse *error);
    static std::optional<Viewer> requiredViewer(const Accounts::AuthGuard &guard, const Http::HttpRequest &request,
                                                Accounts::Role minRole, Http::HttpResponse *error);
    // limit (default settings.defaultPageSize; 422 outside 1..maxPageSize) and cursor.
    static bool pageParameters(const Http::HttpRequest &request, const CatalogSettings &settings, int *limit,
                               QString *cursor, Http::HttpResponse *error);
    // A positive integer path parameter; 404 otherwise.
    static std::optional<qint64> idParameter(const Http::HttpRequest &request, const QString &name, Http::HttpResponse *error);

    template <typename T>
    static Http::HttpResponse pageResponse(const Page<T> &page, const std::function<QJsonObject(const T &)> &toJson)
    {
        QJsonArray items;
        for (const T &item : page.items)
            items.append(toJson(item));
        return Http::HttpResponse::json(QJsonObject{
            {QStringLiteral("items"), items},
            {QStringLiteral("nextCursor"), page.nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page.nextCursor)},
        });
    }
};

} // namespace Kinora::Server::Catalog
