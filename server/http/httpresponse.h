#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <utility>

namespace Kinora::Server::Http {

// What a handler returns. The body is either bytes in memory or a byte range
// of a file, which the connection sends with sendfile(2) without copying.
class HttpResponse
{
public:
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QString filePath;       // non-empty: send this file's [fileOffset, fileOffset + fileLength)
    qint64 fileOffset = 0;
    qint64 fileLength = -1; // -1: to the end of the file

    void setHeader(const QByteArray &name, const QByteArray &value);  // replaces
    void addHeader(const QByteArray &name, const QByteArray &value);  // appends
    QByteArray header(QByteArrayView name) const;

    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse json(const QJsonArray &array, int status = 200);
    // {"error":{"code":code,"message":message}}
    static HttpResponse error(int status, const QByteArray &code, const QString &message);
    static HttpResponse noContent();
    static HttpResponse bytes(const QByteArray &data, const QByteArray &contentType, int status = 200);
};

} // namespace Kinora::Server::Http
