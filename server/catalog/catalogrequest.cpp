#include "server/catalog/catalogrequest.h"

#include "server/accounts/authguard.h"

namespace Kinora::Server::Catalog {

std::optional<Viewer> CatalogRequest::optionalViewer(const Accounts::AuthGuard &guard, const Http::HttpRequest &request,
                                                     Http::HttpResponse *error)
{
    if (!request.hasHeader("authorization"))
        return Viewer{};
    return requiredViewer(guard, request, Accounts::Role::Viewer, error);
}

std::optional<Viewer> CatalogRequest::requiredViewer(const Accounts::AuthGuard &guard, const Http::HttpRequest &request,
                                                     Accounts::Role minRole, Http::HttpResponse *error)
{
    const auto auth = guard.requireUser(request, minRole);
    if (!auth) {
        *error = auth.response;
        return std::nullopt;
    }
    return Viewer{auth.user().id, auth.user().role};
}

bool CatalogRequest::pageParameters(const Http::HttpRequest &request, const CatalogSettings &settings, int *limit,
                                    QString *cursor, Http::HttpResponse *error)
{
    *limit = settings.defaultPageSize;
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        *limit = request.query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || *limit < 1 || *limit > settings.maxPageSize) {
            *error = Http::HttpResponse::error(422, QByteArrayLiteral("validation_failed"),
                                               tr("limit must be an integer from 1 to %1").arg(settings.maxPageSize));
            return false;
        }
    }
    *cursor = request.query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    return true;
}

std::optional<qint64> CatalogRequest::idParameter(const Http::HttpRequest &request, const QString &name, Http::HttpResponse *error)
{
    bool ok = false;
    const qint64 id = request.pathParams.value(name).toLongLong(&ok);
    if (!ok || id <= 0) {
        *error = Http::HttpResponse::error(404, QByteArrayLiteral("not_found"), tr("no such resource: %1").arg(request.pathParams.value(name)));
        return std::nullopt;
    }
    return id;
}

} // namespace Kinora::Server::Catalog
