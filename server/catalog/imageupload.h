#pragma once

#include "server/app/serviceresult.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Kinora::Server::Catalog {

// Checks an uploaded image (avatar, custom thumbnail) by its bytes, not by
// what the client claims: PNG, JPEG or WebP, not empty, at most maxBytes, and
// the declared Content-Type must name the detected format. Gives the MIME type.
class ImageUpload
{
    Q_DECLARE_TR_FUNCTIONS(ImageUpload)

public:
    static ServiceResult<QString> validate(const QByteArray &data, const QByteArray &contentType, qint64 maxBytes);
    static QString detectType(const QByteArray &data); // empty when not a supported image
    static QString fileExtension(const QString &mimeType);
};

} // namespace Kinora::Server::Catalog
