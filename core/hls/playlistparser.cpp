#include "core/hls/playlistparser.h"

#include "core/hls/attributelist.h"

#include <QStringList>

#include <cmath>

namespace Kinora::Hls {

namespace {

bool startsWithTag(const QString &line, QLatin1String tag)
{
    return line.startsWith(tag);
}

QStringView tagValue(const QString &line, qsizetype prefixLength)
{
    return QStringView(line).mid(prefixLength);
}

} // namespace

// Tags that apply to the next URI line only.
struct PlaylistParser::PendingSegment
{
    std::optional<double> duration;
    int durationLine = 0;
    QString title;
    bool discontinuity = false;
    std::optional<QString> byteRangeText;
    int byteRangeLine = 0;
    QDateTime programDateTime;
    // derived program date time of the next segment, from the previous one
    QDateTime nextDerivedDateTime;
    QUrl lastRangeUri;
    qint64 lastRangeEnd = -1;
};

PlaylistParser::PlaylistParser(const QUrl &playlistUrl)
    : m_playlistUrl(playlistUrl)
{
}

bool PlaylistParser::fail(int line, const QString &message)
{
    m_errorLine = line;
    m_errorString = tr("line %1: %2").arg(line).arg(message);
    m_kind = Kind::Invalid;
    return false;
}

bool PlaylistParser::setKind(Kind kind, int line)
{
    if (m_kind != Kind::Invalid && m_kind != kind)
        return fail(line, tr("master playlist tags and media segment tags in the same playlist"));
    m_kind = kind;
    return true;
}

bool PlaylistParser::resolve(const QString &uri, int lineNumber, QUrl &result)
{
    const QUrl relative(uri);
    result = m_playlistUrl.isEmpty() ? relative : m_playlistUrl.resolved(relative);
    if (uri.isEmpty() || !relative.isValid() || !result.isValid())
        return fail(lineNumber, tr("invalid URI \"%1\"").arg(uri.left(200)));
    return true;
}

std::optional<AttributeList> PlaylistParser::attributes(const QString &line, qsizetype prefixLength, int lineNumber)
{
    QString error;
    std::optional<AttributeList> list = AttributeList::parse(tagValue(line, prefixLength), &error);
    if (!list)
        fail(lineNumber, error);
    return list;
}

bool PlaylistParser::parse(const QByteArray &data)
{
    m_kind = Kind::Invalid;
    m_master = MasterPlaylist();
    m_media = MediaPlaylist();
    m_errorString.clear();
    m_errorLine = 0;
    m_currentKey = SegmentKey();
    m_currentMap.reset();
    m_nextSequence = 0;
    m_discontinuitySequence = 0;
    m_targetDurationSeen = false;
    m_pendingVariant.reset();

    QByteArray bytes = data;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    const QStringList lines = QString::fromUtf8(bytes).split(u'\n');

    bool headerSeen = false;
    PendingSegment pending;
    Kind kindSeen = Kind::Invalid;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = int(i + 1);
        const QString line = lines.at(i).trimmed();
        if (!headerSeen) {
            if (line != QLatin1String("#EXTM3U"))
                return fail(lineNumber, tr("the playlist does not start with #EXTM3U"));
            headerSeen = true;
            continue;
        }
        if (line.isEmpty())
            continue;
        if (line.startsWith(u'#')) {
            if (!line.startsWith(QLatin1String("#EXT")))
                continue; // comment
            if (!parseTag(line, lineNumber, pending))
                return false;
            if (m_kind != Kind::Invalid)
                kindSeen = m_kind;
            continue;
        }
        // a URI line
        if (m_pendingVariant) {
            if (!resolve(line, lineNumber, m_pendingVariant->uri))
                return false;
            m_master.variants.append(*m_pendingVariant);
            m_pendingVariant.reset();
            continue;
        }
        if (!setKind(Kind::Media, lineNumber))
            return false;
        kindSeen = Kind::Media;
        if (!addSegment(line, lineNumber, pending))
            return false;
    }
    if (!headerSeen)
        return fail(1, tr("the playlist does not start with #EXTM3U"));
    if (m_pendingVariant)
        return fail(m_pendingVariantLine, tr("EXT-X-STREAM-INF is not followed by a URI"));
    if (pending.duration)
        return fail(pending.durationLine, tr("EXTINF is not followed by a URI"));

    if (kindSeen == Kind::Invalid)
        kindSeen = Kind::Media; // a media playlist that has no segments yet (live start)
    m_kind = kindSeen;
    if (m_kind == Kind::Media && !m_targetDurationSeen) {
        // tolerated: derive it as RFC 8216 defines it (the rounded maximum segment duration)
        double maximum = 0.0;
        for (const MediaSegment &segment : std::as_const(m_media.segments))
            maximum = std::max(maximum, std::round(segment.duration));
        m_media.targetDuration = maximum;
    }
    return true;
}

bool PlaylistParser::parseTag(const QString &line, int lineNumber, PendingSegment &pending)
{
    if (startsWithTag(line, QLatin1String("#EXT-X-VERSION:"))) {
        bool ok = false;
        const int version = tagValue(line, 15).toInt(&ok);
        if (!ok || version < 1)
            return fail(lineNumber, tr("invalid EXT-X-VERSION"));
        m_master.version = version;
        m_media.version = version;
        return true;
    }
    if (line == QLatin1String("#EXT-X-INDEPENDENT-SEGMENTS")) {
        m_master.independentSegments = true;
        m_media.independentSegments = true;
        return true;
    }
    if (startsWithTag(line, QLatin1String("#EXT-X-START:"))) {
        const std::optional<AttributeList> list = attributes(line, 13, lineNumber);
        if (!list)
            return false;
        const std::optional<double> offset = list->decimal(QStringLiteral("TIME-OFFSET"));
        if (!offset)
            return fail(lineNumber, tr("EXT-X-START without a valid TIME-OFFSET"));
        StartPoint start;
        start.timeOffset = *offset;
        start.precise = list->yes(QStringLiteral("PRECISE"));
        m_master.start = start;
        m_media.start = start;
        return true;
    }
    bool handled = false;
    if (!parseMasterTag(line, lineNumber, handled))
        return false;
    if (handled)
        return true;
    if (!parseMediaTag(line, lineNumber, pending, handled))
        return false;
    return true; // unknown tags are ignored (RFC 8216 6.3.1)
}

bool PlaylistParser::parseMasterTag(const QString &line, int lineNumber, bool &handled)
{
    handled = true;
    if (startsWithTag(line, QLatin1String("#EXT-X-STREAM-INF:"))) {
        if (!setKind(Kind::Master, lineNumber))
            return false;
        if (m_pendingVariant)
            return fail(m_pendingVariantLine, tr("EXT-X-STREAM-INF is not followed by a URI"));
        return parseVariant(line, 18, lineNumber, false);
    }
    if (startsWithTag(line, QLatin1String("#EXT-X-I-FRAME-STREAM-INF:"))) {
        if (!setKind(Kind::Master, lineNumber))
            return false;
        return parseVariant(line, 26, lineNumber, true);
    }
    if (startsWithTag(line, QLatin1String("#EXT-X-MEDIA:"))) {
        if (!setKind(Kind::Master, lineNumber))
            return false;
        return parseMediaRendition(line, lineNumber);
    }
    handled = false;
    return true;
}

bool PlaylistParser::parseVariant(const QString &line, qsizetype prefixLength, int lineNumber, bool iFrames)
{
    const std::optional<AttributeList> list = attributes(line, prefixLength, lineNumber);
    if (!list)
        return false;
    VariantStream variant;
    variant.iFramesOnly = iFrames;
    const std::optional<qint64> bandwidth = list->integer(QStringLiteral("BANDWIDTH"));
    if (!bandwidth)
        return fail(lineNumber, tr("variant stream without a valid BANDWIDTH"));
    variant.bandwidth = *bandwidth;
    if (list->contains(QStringLiteral("AVERAGE-BANDWIDTH"))) {
        variant.averageBandwidth = list->integer(QStringLiteral("AVERAGE-BANDWIDTH"));
        if (!variant.averageBandwidth)
            return fail(lineNumber, tr("invalid AVERAGE-BANDWIDTH"));
    }
    if (list->contains(QStringLiteral("RESOLUTION"))) {
        const QStringList parts = list->value(QStringLiteral("RESOLUTION")).split(u'x', Qt::KeepEmptyParts, Qt::CaseInsensitive);
        bool okWidth = false;
        bool okHeight = false;
        if (parts.size() == 2) {
            variant.resolution = QSize(parts.at(0).toInt(&okWidth), parts.at(1).toInt(&okHeight));
        }
        if (!okWidth || !okHeight || variant.resolution.width() <= 0 || variant.resolution.height() <= 0)
            return fail(lineNumber, tr("invalid RESOLUTION"));
    }
    if (list->contains(QStringLiteral("CODECS"))) {
        const QStringList codecs = list->value(QStringLiteral("CODECS")).split(u',', Qt::SkipEmptyParts);
        for (const QString &codec : codecs)
            variant.codecs.append(codec.trimmed());
    }
    if (list->contains(QStringLiteral("FRAME-RATE")))
        variant.frameRate = list->decimal(QStringLiteral("FRAME-RATE")).value_or(0.0);
    variant.hdcpLevel = list->value(QStringLiteral("HDCP-LEVEL"));
    variant.audioGroup = list->value(QStringLiteral("AUDIO"));
    variant.videoGroup = list->value(QStringLiteral("VIDEO"));
    variant.subtitlesGroup = list->value(QStringLiteral("SUBTITLES"));
    const QString captions = list->value(QStringLiteral("CLOSED-CAPTIONS"));
    if (list->isQuoted(QStringLiteral("CLOSED-CAPTIONS")))
        variant.closedCaptionsGroup = captions; // the enumerated NONE means no captions
    if (iFrames) {
        if (!list->contains(QStringLiteral("URI")))
            return fail(lineNumber, tr("EXT-X-I-FRAME-STREAM-INF without URI"));
        if (!resolve(list->value(QStringLiteral("URI")), lineNumber, variant.uri))
            return false;
        m_master.iFrameVariants.append(variant);
        return true;
    }
    m_pendingVariant = variant;
    m_pendingVariantLine = lineNumber;
    return true;
}

bool PlaylistParser::parseMediaRendition(const QString &line, int lineNumber)
{
    const std::optional<AttributeList> list = attributes(line, 13, lineNumber);
    if (!list)
        return false;
    MediaRendition rendition;
    const QString type = list->value(QStringLiteral("TYPE"));
    if (type == QLatin1String("AUDIO"))
        rendition.type = MediaRendition::Type::Audio;
    else if (type == QLatin1String("VIDEO"))
        rendition.type = MediaRendition::Type::Video;
    else if (type == QLatin1String("SUBTITLES"))
        rendition.type = MediaRendition::Type::Subtitles;
    else if (type == QLatin1String("CLOSED-CAPTIONS"))
        rendition.type = MediaRendition::Type::ClosedCaptions;
    else
        return fail(lineNumber, tr("EXT-X-MEDIA with an unknown TYPE \"%1\"").arg(type));
    rendition.groupId = list->value(QStringLiteral("GROUP-ID"));
    rendition.name = list->value(QStringLiteral("NAME"));
    if (rendition.groupId.isEmpty())
        return fail(lineNumber, tr("EXT-X-MEDIA without GROUP-ID"));
    if (rendition.name.isEmpty())
        return fail(lineNumber, tr("EXT-X-MEDIA without NAME"));
    if (list->contains(QStringLiteral("URI"))) {
        if (rendition.type == MediaRendition::Type::ClosedCaptions)
            return fail(lineNumber, tr("CLOSED-CAPTIONS rendition with a URI"));
        if (!resolve(list->value(QStringLiteral("URI")), lineNumber, rendition.uri))
            return false;
    }
    if (rendition.type == MediaRendition::Type::Subtitles && rendition.uri.isEmpty())
        return fail(lineNumber, tr("SUBTITLES rendition without URI"));
    rendition.language = list->value(QStringLiteral("LANGUAGE"));
    rendition.associatedLanguage = list->value(QStringLiteral("ASSOC-LANGUAGE"));
    rendition.isDefault = list->yes(QStringLiteral("DEFAULT"));
    rendition.autoSelect = list->yes(QStringLiteral("AUTOSELECT")) || rendition.isDefault;
    rendition.forced = list->yes(QStringLiteral("FORCED"));
    rendition.instreamId = list->value(QStringLiteral("INSTREAM-ID"));
    rendition.characteristics = list->value(QStringLiteral("CHARACTERISTICS"));
    rendition.channels = list->value(QStringLiteral("CHANNELS"));
    m_master.renditions.append(rendition);
    return true;
}

bool PlaylistParser::parseMediaTag(const QString &line, int lineNumber, PendingSegment &pending, bool &handled)
{
    handled = true;
    if (startsWithTag(line, QLatin1String("#EXTINF:"))) {
        if (!setKind(Kind::Media, lineNumber))
            return false;
        if (pending.duration)
            return fail(pending.durationLine, tr("EXTINF is not followed by a URI"));
        const QStringView value = tagValue(line, 8);
        const qsizetype comma = value.indexOf(u',');
        const QStringView durationText = (comma < 0 ? value : value.left(comma)).trimmed();
        bool ok = false;
        const double duration = durationText.toDouble(&ok);
        if (!ok || !std::isfinite(duration))
            return fail(lineNumber, tr("EXTINF duration \"%1\" is not a number").arg(durationText.toString()));
        if (duration < 0.0)
            return fail(lineNumber, tr("EXTINF duration %1 is negative").arg(duration));
        pending.duration = duration;
        pending.durationLine = lineNumber;
        pending.title = comma < 0 ? QString() : value.mid(comma + 1).trimmed().toString();
        return true;
    }
    if (startsWithTag(line, QLatin1String("#EXT-X-TARGETDURATION:"))) {
        bool ok = false;
        const QStringView text = tagValue(line, 22).trimmed();
        const double target = text.toDouble(&ok);
        if (!ok || target < 0.0 || !std::isfinite(target))
            return fail(lineNumber, tr("invalid EXT-X-TARGETDURATION \"%1\"").arg(text.toString()));
        m_media.targetDuration = target;
        m_targetDurationSeen = true;
        return setKind(Kind::Media, lineNumber);
    }
    if (startsWithTag(line, QLatin1String("#EXT-X-MEDIA-SEQUENCE:"))) {
        bool ok = false;
        const qint64 sequence = tagValue(line, 22).trimmed().toLongLong(&ok);
        if (!ok || sequence < 0)
            return fail(lineNumber, tr("invalid EXT-X-MEDIA-SEQUENCE"));
        if (!m_media.segments.isEmpty())
            return fail(lineNumber, tr("EXT-X-MEDIA-SEQUENCE after the first segment"));
        m_media.mediaSequence = sequence;
        m_nextSequence = sequence;
        return setKind(Kind::Media, lineNumber);
    }
    if (startsWithTag(line, QLatin1String("#EXT-X-DISCONTINUITY-SEQUENCE:"))) {
        bool ok = false;
        const qint64 sequence = tagValue(line, 30).trimmed().toLongLong(&ok);
        if (!ok || sequence < 0)
            return fail(lineNumber, tr("invalid EXT-X-DISCONTINUITY-SEQUENCE"));
        if (!m_media.segments.isEmpty())
            return fail(lineNumber, tr("EXT-X-DISCONTINUITY-SEQUENCE after the first segment"));
        m_media.discontinuitySequence = sequence;
        m_discontinuitySequence = sequence;
        return setKind(Kind::Media, lineNumber);
    }
    if (line == QLatin1String("#EXT-X-DISCONTINUITY")) {
        pending.discontinuity = true;
        return setKind(Kind::Media, lineNumber);
    }
    if (line == QLatin1String("#EXT-X-ENDLIST")) {
        m_media.endList = true;
        return setKind(Kind::Media, lineNumber);
    }
    if (line == QLatin1String("#EXT-X-I-FRAMES-ONLY")) {
        m_media.iFramesOnly = true;
        return setKind(Kind::Media, lineNumber);
    }
    if (startsWithTag(line, QLatin1String("#EXT-X-PLAYLIST-TYPE:"))) {
        const QStringView type = tagValue(line, 21).trimmed();
        if (type == QLatin1String("VOD"))
            m_media.type = MediaPlaylist::Type::Vod;
        else if (type == QLatin1String("EVENT"))
            m_media.type = MediaPlaylist::Type::Event;
        else
            return fail(lineNumber, tr("unknown EXT-X-PLAYLIST-TYPE \"%1\"").arg(type.toString()));
        return setKind(Kind::Media, lineNumber);
    }
    if (startsWithTag(line, QLatin1String("#EXT-X-BYTERANGE:"))) {
        pending.byteRangeText = tagValue(line, 17).trimmed().toString();
        pending.byteRangeLine = lineNumber;
        return setKind(Kind::Media, lineNumber);
    }
    if (startsWithTag(line, QLatin1String("#EXT-X-PROGRAM-DATE-TIME:"))) {
        const QString text = tagValue(line, 25).trimmed().toString();
        QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!when.isValid())
            when = QDateTime::fromString(text, Qt::ISODate);
        pending.programDateTime = when; // an unreadable date is ignored, not trusted
        return setKind(Kind::Media, lineNumber);
    }
    if (startsWithTag(line, QLatin1String("#EXT-X-KEY:"))) {
        if (!setKind(Kind::Media, lineNumber))
            return false;
        return parseKey(line, lineNumber);
    }
    if (startsWithTag(line, QLatin1String("#EXT-X-MAP:"))) {
        if (!setKind(Kind::Media, lineNumber))
            return false;
        return parseMap(line, lineNumber);
    }
    handled = false;
    return true;
}

bool PlaylistParser::parseKey(const QString &line, int lineNumber)
{
    const std::optional<AttributeList> list = attributes(line, 11, lineNumber);
    if (!list)
        return false;
    const QString method = list->value(QStringLiteral("METHOD"));
    SegmentKey key;
    if (method == QLatin1String("NONE")) {
        if (list->contains(QStringLiteral("URI")))
            return fail(lineNumber, tr("EXT-X-KEY METHOD=NONE with a URI"));
        m_currentKey = key;
        return true;
    }
    if (method == QLatin1String("AES-128"))
        key.method = SegmentKey::Method::Aes128;
    else if (method == QLatin1String("SAMPLE-AES"))
        key.method = SegmentKey::Method::SampleAes;
    else
        return fail(lineNumber, tr("EXT-X-KEY with an unsupported METHOD \"%1\"").arg(method));
    if (!list->contains(QStringLiteral("URI")))
        return fail(lineNumber, tr("EXT-X-KEY without URI"));
    if (!resolve(list->value(QStringLiteral("URI")), lineNumber, key.uri))
        return false;
    if (list->contains(QStringLiteral("IV"))) {
        std::optional<QByteArray> iv = list->hexadecimal(QStringLiteral("IV"));
        if (!iv || iv->size() > 16)
            return fail(lineNumber, tr("EXT-X-KEY with an invalid IV"));
        iv->prepend(QByteArray(16 - iv->size(), '\0'));
        key.iv = *iv;
    }
    key.keyFormat = list->value(QStringLiteral("KEYFORMAT"));
    m_currentKey = key;
    return true;
}

bool PlaylistParser::parseMap(const QString &line, int lineNumber)
{
    const std::optional<AttributeList> list = attributes(line, 11, lineNumber);
    if (!list)
        return false;
    if (!list->contains(QStringLiteral("URI")))
        return fail(lineNumber, tr("EXT-X-MAP without URI"));
    MediaInitialization map;
    if (!resolve(list->value(QStringLiteral("URI")), lineNumber, map.uri))
        return false;
    if (list->contains(QStringLiteral("BYTERANGE"))) {
        const QString text = list->value(QStringLiteral("BYTERANGE"));
        if (!text.contains(u'@'))
            return fail(lineNumber, tr("EXT-X-MAP BYTERANGE without an offset"));
        map.byteRange = parseByteRange(text, lineNumber);
        if (!map.byteRange)
            return false;
    }
    m_currentMap = map;
    return true;
}

std::optional<ByteRange> PlaylistParser::parseByteRange(const QString &text, int lineNumber)
{
    const qsizetype at = text.indexOf(u'@');
    bool ok = false;
    ByteRange range;
    range.length = QStringView(text).left(at < 0 ? text.size() : at).trimmed().toLongLong(&ok);
    if (!ok || range.length < 0) {
        fail(lineNumber, tr("invalid byte range \"%1\"").arg(text));
        return std::nullopt;
    }
    range.offset = -1;
    if (at >= 0) {
        range.offset = QStringView(text).mid(at + 1).trimmed().toLongLong(&ok);
        if (!ok || range.offset < 0) {
            fail(lineNumber, tr("invalid byte range \"%1\"").arg(text));
            return std::nullopt;
        }
    }
    return range;
}

bool PlaylistParser::addSegment(const QString &uriText, int lineNumber, PendingSegment &pending)
{
    if (!pending.duration)
        return fail(lineNumber, tr("segment URI without a preceding EXTINF"));
    MediaSegment segment;
    if (!resolve(uriText, lineNumber, segment.uri))
        return false;
    segment.duration = *pending.duration;
    segment.title = pending.title;
    segment.sequenceNumber = m_nextSequence++;
    if (pending.discontinuity)
        ++m_discontinuitySequence;
    segment.discontinuity = pending.discontinuity;
    segment.discontinuitySequence = m_discontinuitySequence;
    segment.key = m_currentKey;
    segment.initialization = m_currentMap;
    if (pending.byteRangeText) {
        std::optional<ByteRange> range = parseByteRange(*pending.byteRangeText, pending.byteRangeLine);
        if (!range)
            return false;
        if (range->offset < 0) {
            if (pending.lastRangeUri != segment.uri || pending.lastRangeEnd < 0)
                return fail(pending.byteRangeLine,
                            tr("EXT-X-BYTERANGE without offset does not follow a range of the same resource"));
            range->offset = pending.lastRangeEnd;
        }
        segment.byteRange = range;
        pending.lastRangeUri = segment.uri;
        pending.lastRangeEnd = range->offset + range->length;
    } else {
        pending.lastRangeUri.clear();
        pending.lastRangeEnd = -1;
    }
    if (pending.programDateTime.isValid())
        segment.programDateTime = pending.programDateTime;
    else if (!pending.discontinuity)
        segment.programDateTime = pending.nextDerivedDateTime;
    if (segment.programDateTime.isValid())
        pending.nextDerivedDateTime = segment.programDateTime.addMSecs(qint64(std::llround(segment.duration * 1000.0)));
    else
        pending.nextDerivedDateTime = QDateTime();
    m_media.segments.append(segment);

    pending.duration.reset();
    pending.title.clear();
    pending.discontinuity = false;
    pending.byteRangeText.reset();
    pending.programDateTime = QDateTime();
    return true;
}

} // namespace Kinora::Hls
