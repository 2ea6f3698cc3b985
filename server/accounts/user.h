#pragma once

#include "server/accounts/role.h"

#include <QJsonObject>
#include <QString>

namespace Kinora::Server::Accounts {

// An account as the API shows it: {id, username, displayName, role, createdAt}.
struct User
{
    qint64 id = 0;
    QString username;
    QString displayName;
    Role role = Role::Viewer;
    qint64 createdAtMs = 0;

    QJsonObject toJson() const;
};

} // namespace Kinora::Server::Accounts
