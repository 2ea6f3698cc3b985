#pragma once

#include "server/accounts/role.h"

#include <QtGlobal>

namespace Kinora::Server::Catalog {

// Who is asking, as the catalog sees it: nobody (userId 0) or a user with a
// role. Visibility and ownership checks take a Viewer so services stay
// independent of the transport.
struct Viewer
{
    qint64 userId = 0;
    Accounts::Role role = Accounts::Role::Viewer;

    bool signedIn() const { return userId > 0; }
    bool isAdmin() const { return signedIn() && role == Accounts::Role::Admin; }
    bool isModerator() const { return signedIn() && Accounts::roleAtLeast(role, Accounts::Role::Moderator); }
    bool owns(qint64 ownerId) const { return signedIn() && ownerId == userId; }
};

} // namespace Kinora::Server::Catalog
