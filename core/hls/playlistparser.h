#pragma once

#include "core/hls/masterplaylist.h"
#include "core/hls/mediaplaylist.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace Kinora::Hls {

class AttributeList;

// Parses an RFC 8216 master or media playlist. URIs are resolved against the
// playlist URL given to the constructor. Tolerates real-world noise (BOM, CRLF,
// blank lines, unknown tags, trailing spaces) but rejects what would mislead
// playback; errorString() and errorLine() (1-based) then say where and why.
class PlaylistParser
{
    Q_DECLARE_TR_FUNCTIONS(Kinora::Hls::PlaylistParser)

public:
    enum class Kind { Invalid, Master, Media };

    explicit PlaylistParser(const QUrl &playlistUrl);

    bool parse(const QByteArray &data);

    Kind kind() const { return m_kind; }
    const MasterPlaylist &master() const { return m_master; }
    const MediaPlaylist &media() const { return m_media; }
    QString errorString() const { return m_errorString; }
    int errorLine() const { return m_errorLine; }

private:
    struct PendingSegment;

    bool fail(int line, const QString &message);
    bool setKind(Kind kind, int line);
    bool resolve(const QString &uri, int lineNumber, QUrl &result);
    std::optional<AttributeList> attributes(const QString &line, qsizetype prefixLength, int lineNumber);

    bool parseTag(const QString &line, int lineNumber, PendingSegment &pending);
    bool parseMasterTag(const QString &line, int lineNumber, bool &handled);
    bool parseMediaTag(const QString &line, int lineNumber, PendingSegment &pending, bool &handled);
    bool parseMediaRendition(const QString &line, int lineNumber);
    bool parseVariant(const QString &line, qsizetype prefixLength, int lineNumber, bool iFrames);
    bool parseKey(const QString &line, int lineNumber);
    bool parseMap(const QString &line, int lineNumber);
    std::optional<ByteRange> parseByteRange(const QString &text, int lineNumber);
    bool addSegment(const QString &uriText, int lineNumber, PendingSegment &pending);

    QUrl m_playlistUrl;
    Kind m_kind = Kind::Invalid;
    MasterPlaylist m_master;
    MediaPlaylist m_media;
    QString m_errorString;
    int m_errorLine = 0;

    // media playlist state while parsing
    SegmentKey m_currentKey;
    std::optional<MediaInitialization> m_currentMap;
    qint64 m_nextSequence = 0;
    qint64 m_discontinuitySequence = 0;
    bool m_targetDurationSeen = false;
    // master playlist state: the EXT-X-STREAM-INF waiting for its URI line
    std::optional<VariantStream> m_pendingVariant;
    int m_pendingVariantLine = 0;
};

} // namespace Kinora::Hls
