#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <optional>

namespace Kinora::Server::Upload {

// The tus Upload-Metadata header: comma-separated "key base64value" pairs
// (the value may be absent). Keys are ASCII without spaces or commas and
// appear once.
class UploadMetadata
{
public:
    static constexpr int MaxHeaderBytes = 8192;

    // nullopt and a reason when the header is malformed.
    static std::optional<QHash<QString, QByteArray>> parse(QByteArrayView header, QString *error);
};

} // namespace Kinora::Server::Upload
