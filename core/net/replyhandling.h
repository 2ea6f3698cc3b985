#pragma once

#include "core/net/apierror.h"
#include "core/net/apireply.h"
#include "core/net/catalogclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QString>

#include <functional>

// What the REST clients (CatalogClient, LibraryClient, StudioClient) share:
// path encoding, the error for an answer of the wrong shape, page parsing and
// the hand-over of a reply to its callback.
namespace Kinora::Core::Rest {

// An id or cursor as one percent-encoded path or query component.
QString encoded(const QString &id);

// path?limit=N&cursor=C, each only when set.
QString pagePath(const QString &path, const QString &cursor, int limit);

// A 2xx answer whose JSON does not have the expected shape.
ApiError invalidResponse();

template<typename T>
bool parsePage(const QJsonObject &json, ResultPage<T> *page, T (*fromJson)(const QJsonObject &))
{
    const QJsonValue items = json.value(QLatin1String("items"));
    if (!items.isArray())
        return false;
    for (const QJsonValue &item : items.toArray())
        page->items.append(fromJson(item.toObject()));
    page->nextCursor = json.value(QLatin1String("nextCursor")).toString();
    return true;
}

// Runs parse on the reply's JSON on success and calls done once, on the GUI
// thread, unless context is gone; a body without the expected shape is an error.
template<typename T>
void handle(ApiReply *reply, QObject *context, std::function<void(const T &result, const ApiError &error)> done,
            std::function<bool(const QJsonObject &json, T *result)> parse)
{
    QObject::connect(reply, &ApiReply::finished, context, [reply, done = std::move(done), parse = std::move(parse)] {
        T result{};
        if (!reply->isSuccess()) {
            done(result, reply->error());
            return;
        }
        if (!parse(reply->json(), &result)) {
            done(T{}, invalidResponse());
            return;
        }
        done(result, ApiError());
    });
}

} // namespace Kinora::Core::Rest
