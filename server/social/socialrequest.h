#pragma once

#include "server/http/httpresponse.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Kinora::Server::Social {

// Field readers for the JSON bodies of the social routes: integers and
// optional strings, with 422 naming the field, and a check that no unknown
// field was sent.
class SocialRequest
{
    Q_DECLARE_TR_FUNCTIONS(SocialRequest)

public:
    static bool onlyFields(const QJsonObject &object, const QStringList &allowed, Http::HttpResponse *error);
    // Absent: nullopt and true. Present but not an integer in [min, max]: false.
    static bool integer(const QJsonObject &object, const QString &field, qint64 min, qint64 max,
                        std::optional<qint64> *value, Http::HttpResponse *error);
    static bool text(const QJsonObject &object, const QString &field, std::optional<QString> *value, Http::HttpResponse *error);
};

} // namespace Kinora::Server::Social
