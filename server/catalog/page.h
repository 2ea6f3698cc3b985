#pragma once

#include <QList>
#include <QString>

namespace Kinora::Server::Catalog {

// One page of a list: the items and the opaque cursor of the next page
// (empty on the last page).
template <typename T>
struct Page
{
    QList<T> items;
    QString nextCursor;
};

} // namespace Kinora::Server::Catalog
