#include "server/http/mimetypes.h"

#include <QString>

namespace Kinora::Server::Http {

QByteArray MimeTypes::forPath(QStringView path)
{
    struct Entry
    {
        QStringView extension;
        const char *type;
    };
    static constexpr Entry table[] = {
        {u"m3u8", "application/vnd.apple.mpegurl"},
        {u"ts", "video/mp2t"},
        {u"m4s", "video/iso.segment"},
        {u"mp4", "video/mp4"},
        {u"m4a", "audio/mp4"},
        {u"m4v", "video/mp4"},
        {u"mpd", "application/dash+xml"},
        {u"aac", "audio/aac"},
        {u"webm", "video/webm"},
        {u"jpg", "image/jpeg"},
        {u"jpeg", "image/jpeg"},
        {u"png", "image/png"},
        {u"webp", "image/webp"},
        {u"gif", "image/gif"},
        {u"svg", "image/svg+xml"},
        {u"vtt", "text/vtt; charset=utf-8"},
        {u"json", "application/json"},
        {u"html", "text/html; charset=utf-8"},
        {u"css", "text/css; charset=utf-8"},
        {u"js", "text/javascript; charset=utf-8"},
        {u"txt", "text/plain; charset=utf-8"},
    };
    const qsizetype dot = path.lastIndexOf(u'.');
    const qsizetype slash = path.lastIndexOf(u'/');
    if (dot < 0 || dot < slash)
        return "application/octet-stream";
    const QStringView ext = path.sliced(dot + 1);
    for (const Entry &e : table) {
        if (ext.compare(e.extension, Qt::CaseInsensitive) == 0)
            return e.type;
    }
    return "application/octet-stream";
}

} // namespace Kinora::Server::Http
