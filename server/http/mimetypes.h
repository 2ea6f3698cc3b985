#pragma once

#include <QByteArray>
#include <QStringView>

namespace Kinora::Server::Http {

// Content types of the files the server delivers, chosen by file extension.
class MimeTypes
{
public:
    // "application/octet-stream" for unknown extensions.
    static QByteArray forPath(QStringView path);
};

} // namespace Kinora::Server::Http
