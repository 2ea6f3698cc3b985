#include "server/catalog/imageupload.h"

namespace Kinora::Server::Catalog {

QString ImageUpload::detectType(const QByteArray &data)
{
    if (data.startsWith(QByteArrayLiteral("\x89PNG\r\n\x1a\n")))
        return QStringLiteral("image/png");
    if (data.startsWith(QByteArrayLiteral("\xff\xd8\xff")))
        return QStringLiteral("image/jpeg");
    if (data.size() >= 12 && data.startsWith("RIFF") && data.mid(8, 4) == "WEBP")
        return QStringLiteral("image/webp");
    return {};
}

QString ImageUpload::fileExtension(const QString &mimeType)
{
    if (mimeType == QLatin1String("image/png"))
        return QStringLiteral("png");
    if (mimeType == QLatin1String("image/webp"))
        return QStringLiteral("webp");
    return QStringLiteral("jpg");
}

ServiceResult<QString> ImageUpload::validate(const QByteArray &data, const QByteArray &contentType, qint64 maxBytes)
{
    if (data.size() > maxBytes)
        return ServiceError{413, QByteArrayLiteral("payload_too_large"), tr("the image is larger than %1 bytes").arg(maxBytes), 0};
    if (data.isEmpty())
        return ServiceError{422, QByteArrayLiteral("validation_failed"), tr("the image is empty"), 0};
    const QString declared = QString::fromLatin1(contentType.split(';').constFirst().trimmed().toLower());
    if (declared != QLatin1String("image/png") && declared != QLatin1String("image/jpeg") && declared != QLatin1String("image/webp"))
        return ServiceError{415, QByteArrayLiteral("unsupported_media_type"), tr("the image must be image/png, image/jpeg or image/webp"), 0};
    const QString detected = detectType(data);
    if (detected != declared)
        return ServiceError{422, QByteArrayLiteral("validation_failed"), tr("the body is not a %1 image").arg(declared), 0};
    return detected;
}

} // namespace Kinora::Server::Catalog
