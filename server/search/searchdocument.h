#pragma once

#include <QString>
#include <QStringList>

namespace Kinora::Server::Search {

// The searchable text of one video, keyed by the video's internal row key.
struct SearchDocument
{
    qint64 key = 0;
    QString title;
    QStringList tags;
    QString description;
};

} // namespace Kinora::Server::Search
