#include "server/social/socialrequest.h"

#include <cmath>

namespace Kinora::Server::Social {

namespace {
Http::HttpResponse invalid(const QString &message)
{
    return Http::HttpResponse::error(422, QByteArrayLiteral("validation_failed"), message);
}
}

bool SocialRequest::onlyFields(const QJsonObject &object, const QStringList &allowed, Http::HttpResponse *error)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!allowed.contains(it.key())) {
            *error = invalid(tr("unknown field %1").arg(it.key()));
            return false;
        }
    }
    return true;
}

bool SocialRequest::integer(const QJsonObject &object, const QString &field, qint64 min, qint64 max,
                            std::optional<qint64> *value, Http::HttpResponse *error)
{
    const QJsonValue v = object.value(field);
    if (v.isUndefined() || v.isNull()) {
        value->reset();
        return true;
    }
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || d != std::floor(d) || d < double(min) || d > double(max)) {
        *error = invalid(tr("%1 must be an integer from %2 to %3").arg(field).arg(min).arg(max));
        return false;
    }
    *value = qint64(d);
    return true;
}

bool SocialRequest::text(const QJsonObject &object, const QString &field, std::optional<QString> *value, Http::HttpResponse *error)
{
    const QJsonValue v = object.value(field);
    if (v.isUndefined()) {
        value->reset();
        return true;
    }
    if (!v.isString()) {
        *error = invalid(tr("%1 must be a string").arg(field));
        return false;
    }
    *value = v.toString();
    return true;
}

} // namespace Kinora::Server::Social
