#include "player/hls/webvttrenditionloader.h"

#include "player/net/segmentloader.h"

namespace Kinora::Player {

WebVttRenditionLoader::WebVttRenditionLoader(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_loader(new SegmentLoader(network, this))
{
    connect(m_loader, &SegmentLoader::loaded, this,
            [this](quint64, const QByteArray &data, double, double) { onLoaded(data); });
    connect(m_loader, &SegmentLoader::failed, this,
            [this](quint64, const QString &message, bool) { Q_EMIT failed(message); });
}

void WebVttRenditionLoader::load(const QUrl &uri)
{
    abort();
    m_uri = uri;
    m_wholeDocument = uri.path().endsWith(QLatin1String(".vtt"), Qt::CaseInsensitive)
                      || uri.path().endsWith(QLatin1String(".webvtt"), Qt::CaseInsensitive);
    m_readingPlaylist = !m_wholeDocument;
    m_loader->load(uri);
}

void WebVttRenditionLoader::abort()
{
    m_loader->abort();
    m_segmentUris.clear();
    m_segments.clear();
}

void WebVttRenditionLoader::onLoaded(const QByteArray &data)
{
    if (!m_readingPlaylist) {
        if (!data.startsWith("WEBVTT") && !data.startsWith("\xEF\xBB\xBFWEBVTT"))
            return Q_EMIT failed(tr("%1: not a WebVTT document").arg(m_uri.toDisplayString()));
        if (m_wholeDocument)
            return Q_EMIT loaded(data); // a single .vtt file
        m_segments.append(data);
        return fetchNext();
    }
    m_readingPlaylist = false;
    if (data.startsWith("WEBVTT"))
        return Q_EMIT loaded(data); // the URI was the document after all
    PlaylistParser parser(m_uri);
    if (!parser.parse(data) || parser.kind() != PlaylistParser::Kind::Media)
        return Q_EMIT failed(tr("%1: not a subtitle playlist").arg(m_uri.toDisplayString()));
    for (const MediaSegment &segment : parser.media().segments)
        m_segmentUris.append(segment.uri);
    if (m_segmentUris.isEmpty())
        return Q_EMIT failed(tr("%1: the subtitle playlist has no segment").arg(m_uri.toDisplayString()));
    fetchNext();
}

void WebVttRenditionLoader::fetchNext()
{
    if (m_segmentUris.isEmpty()) {
        const QByteArray document = merge(m_segments);
        m_segments.clear();
        Q_EMIT loaded(document);
        return;
    }
    m_loader->load(m_segmentUris.takeFirst());
}

QByteArray WebVttRenditionLoader::merge(const QList<QByteArray> &segments)
{
    QByteArray document("WEBVTT\n\n");
    for (QByteArray segment : segments) {
        segment.replace("\r\n", "\n");
        // The header block runs to the first blank line: signature, X-TIMESTAMP-MAP, metadata.
        const qsizetype headerEnd = segment.indexOf("\n\n");
        if (headerEnd < 0)
            continue; // a header alone: no cue in this segment
        QByteArray cues = segment.mid(headerEnd + 2).trimmed();
        if (cues.isEmpty())
            continue;
        document += cues + "\n\n";
    }
    return document;
}

} // namespace Kinora::Player
