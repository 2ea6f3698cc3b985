#pragma once

#include "player/hls/hlstypes.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QUrl>

class QNetworkAccessManager;

namespace Kinora::Player {

class SegmentLoader;

// Fetches a subtitle rendition (EXT-X-MEDIA TYPE=SUBTITLES) whole: its media
// playlist and every WebVTT segment in order, merged into one WebVTT document
// whose cue times are the playlist's timeline. A URI naming a .vtt file is
// taken as the document itself. Live subtitle playlists are read once.
class WebVttRenditionLoader : public QObject
{
    Q_OBJECT

public:
    explicit WebVttRenditionLoader(QNetworkAccessManager *network, QObject *parent = nullptr);

    void load(const QUrl &uri);
    void abort();

    // Joins WebVTT segments: the first header is kept, later ones and the
    // MPEG-TS timestamp maps (the cues already use the playlist's times) go.
    static QByteArray merge(const QList<QByteArray> &segments);

Q_SIGNALS:
    void loaded(const QByteArray &webVtt);
    void failed(const QString &message);

private:
    void onLoaded(const QByteArray &data);
    void fetchNext();

    SegmentLoader *m_loader;
    QUrl m_uri;
    QList<QUrl> m_segmentUris;
    QList<QByteArray> m_segments;
    bool m_readingPlaylist = false;
    bool m_wholeDocument = false;
};

} // namespace Kinora::Player
