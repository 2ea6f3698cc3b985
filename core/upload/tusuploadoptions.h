#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QList>
#include <QUrl>

#include <utility>

namespace Kinora::Core {

// What a TusUploader sends where, and how patiently.
struct TusUploadOptions
{
    QUrl endpoint;                          // creation URL, e.g. https://host/api/v1/uploads/
    QString filePath;                       // the local file
    qint64 chunkSize = qint64(64) << 20;    // bytes per PATCH
    bool checksum = false;                  // send "Upload-Checksum: sha256 ..." with each PATCH
    QHash<QString, QByteArray> metadata;    // Upload-Metadata; "filename" defaults to the file's name
    QByteArray bearerToken;                 // Authorization: Bearer (empty: none)
    QList<std::pair<QByteArray, QByteArray>> extraHeaders;
    int maxRetries = 8;                     // consecutive failures before giving up
    int retryBaseDelayMs = 500;             // first retry delay, doubled each time
    int retryMaxDelayMs = 30'000;
    int stallTimeoutMs = 60'000;            // a request with no progress this long is abandoned and retried
};

} // namespace Kinora::Core
