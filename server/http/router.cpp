#include "server/http/router.h"

#include <QUrl>

namespace Kinora::Server::Http {

namespace {

// Splits "/a/b" into {"a", "b"}; "/" gives {""}. Segments stay encoded.
QList<QStringView> splitPath(QStringView path)
{
    if (path.startsWith(u'/'))
        path = path.mid(1);
    return path.split(u'/');
}

QString decodeSegment(QStringView segment)
{
    if (!segment.contains(u'%'))
        return segment.toString();
    return QUrl::fromPercentEncoding(segment.toUtf8());
}

bool isParam(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

bool isRest(const QString &segment)
{
    return isParam(segment) && segment.at(1) == u'*';
}

// Literal segments count more than captures, so "/videos/new" wins over "/videos/{id}".
int specificity(const Router::Route &route)
{
    int score = 0;
    for (const QString &s : route.segments)
        score = score * 4 + (isRest(s) ? 0 : isParam(s) ? 1 : 2);
    return score;
}

bool matchPath(const Router::Route &route, const QList<QStringView> &segments, QHash<QString, QString> *params)
{
    const QStringList &pattern = route.segments;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &p = pattern.at(i);
        if (isRest(p)) {
            if (i >= segments.size())
                return false;
            QStringList rest;
            for (qsizetype j = i; j < segments.size(); ++j)
                rest.append(decodeSegment(segments.at(j)));
            params->insert(p.mid(2, p.size() - 3), rest.join(u'/'));
            return true;
        }
        if (i >= segments.size())
            return false;
        const QString value = decodeSegment(segments.at(i));
        if (isParam(p)) {
            if (value.isEmpty())
                return false;
            params->insert(p.mid(1, p.size() - 2), value);
        } else if (p != value) {
            return false;
        }
    }
    return pattern.size() == segments.size();
}

} // namespace

void Router::addRoute(const QByteArray &method, const QString &pattern, Handler handler, RouteOptions options,
                      BodySinkFactory bodySink)
{
    auto route = std::make_unique<Route>();
    route->method = method.toUpper();
    route->pattern = pattern;
    QStringView p(pattern);
    if (p.startsWith(u'/'))
        p = p.mid(1);
    for (QStringView s : p.split(u'/'))
        route->segments.append(s.toString());
    route->handler = std::move(handler);
    route->options = options;
    route->bodySink = std::move(bodySink);
    m_routes.push_back(std::move(route));
}

Router::Match Router::match(QByteArrayView method, QStringView path) const
{
    Match result;
    const QList<QStringView> segments = splitPath(path);
    const Route *best = nullptr;
    const Route *bestGet = nullptr;
    QHash<QString, QString> bestParams;
    QHash<QString, QString> bestGetParams;
    int bestScore = -1;
    int bestGetScore = -1;
    for (const auto &route : m_routes) {
        QHash<QString, QString> params;
        if (!matchPath(*route, segments, &params))
            continue;
        if (!result.allowedMethods.contains(route->method))
            result.allowedMethods.append(route->method);
        const int score = specificity(*route);
        if (route->method == method) {
            if (score > bestScore) {
                best = route.get();
                bestScore = score;
                bestParams = std::move(params);
            }
        } else if (route->method == "GET" && score > bestGetScore) {
            bestGet = route.get();
            bestGetScore = score;
            bestGetParams = std::move(params);
        }
    }
    if (result.allowedMethods.isEmpty())
        return result;
    // HEAD is served by the GET handler (the connection drops the body) unless a HEAD route exists.
    if (result.allowedMethods.contains("GET") && !result.allowedMethods.contains("HEAD"))
        result.allowedMethods.append("HEAD");
    if (!result.allowedMethods.contains("OPTIONS"))
        result.allowedMethods.append("OPTIONS");
    if (!best && method == "HEAD" && bestGet) {
        best = bestGet;
        bestParams = std::move(bestGetParams);
    }
    if (best) {
        result.kind = Match::Kind::Found;
        result.route = best;
        result.params = std::move(bestParams);
    } else {
        result.kind = Match::Kind::MethodNotAllowed;
    }
    return result;
}

QList<RouteInfo> Router::routes() const
{
    QList<RouteInfo> list;
    list.reserve(qsizetype(m_routes.size()));
    for (const auto &route : m_routes)
        list.append({route->method, route->pattern});
    return list;
}

} // namespace Kinora::Server::Http
