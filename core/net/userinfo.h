#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Kinora::Core {

// A Kinora account as the REST API describes it:
// {id, username, displayName, role, createdAt}.
struct UserInfo
{
    QString id;
    QString username;
    QString displayName;
    QString role;
    QDateTime createdAt;

    bool isValid() const { return !username.isEmpty(); }
    static UserInfo fromJson(const QJsonObject &object);
};

} // namespace Kinora::Core

Q_DECLARE_METATYPE(Kinora::Core::UserInfo)
