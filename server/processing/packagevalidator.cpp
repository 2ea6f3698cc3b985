#include "server/processing/packagevalidator.h"

#include "core/hls/playlistparser.h"
#include "server/processing/segmentinspector.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace Kinora::Server::Processing {

namespace {
const QString s_root = QStringLiteral("/package/");

QUrl packageUrl(const QString &relativePath)
{
    return QUrl(QStringLiteral("file://") + s_root + relativePath);
}

// The path inside the package a resolved URI points to; empty when it leaves the package.
QString packagePath(const QUrl &uri)
{
    if (uri.scheme() != QLatin1String("file") || !uri.host().isEmpty() || uri.hasQuery() || uri.hasFragment())
        return {};
    const QString path = QDir::cleanPath(uri.path());
    if (!path.startsWith(s_root))
        return {};
    return path.mid(s_root.size());
}

// The sampled segment indexes of a rendition: first, middle and last.
QList<int> sampleIndexes(int count)
{
    QList<int> indexes{0};
    if (count > 2)
        indexes.append(count / 2);
    if (count > 1)
        indexes.append(count - 1);
    return indexes;
}
} // namespace

std::optional<PackageValidator::Ladder> PackageValidator::fail(const QString &message)
{
    m_error = message;
    return std::nullopt;
}

std::optional<PackageValidator::Ladder> PackageValidator::validate(const QString &folder)
{
    m_error.clear();
    const QDir root(folder);
    const auto readFile = [&root](const QString &relative, QByteArray *data) {
        QFile file(root.filePath(relative));
        if (!QFileInfo(file.fileName()).isFile() || !file.open(QIODevice::ReadOnly))
            return false;
        *data = file.read(16 << 20);
        return true;
    };

    QByteArray masterText;
    if (!readFile(QStringLiteral("master.m3u8"), &masterText))
        return fail(tr("master.m3u8 is missing"));
    Hls::PlaylistParser masterParser(packageUrl(QStringLiteral("master.m3u8")));
    if (!masterParser.parse(masterText))
        return fail(tr("master.m3u8: %1").arg(masterParser.errorString()));   // the parser's message names the line
    if (masterParser.kind() != Hls::PlaylistParser::Kind::Master)
        return fail(tr("master.m3u8 is not a master playlist"));
    const Hls::MasterPlaylist &master = masterParser.master();
    if (master.variants.isEmpty())
        return fail(tr("master.m3u8 lists no variant"));
    if (!master.renditions.isEmpty() || !master.iFrameVariants.isEmpty())
        return fail(tr("master.m3u8: alternative renditions and I-frame playlists are not supported in packages"));

    Ladder ladder;
    QList<QList<double>> durations;
    QSet<QString> names;
    for (const Hls::VariantStream &variant : master.variants) {
        const QString playlistPath = packagePath(variant.uri);
        if (playlistPath.isEmpty())
            return fail(tr("master.m3u8: the variant %1 points outside the package").arg(variant.uri.toString()));
        const qsizetype slash = playlistPath.indexOf(QLatin1Char('/'));
        if (slash <= 0 || playlistPath.indexOf(QLatin1Char('/'), slash + 1) >= 0)
            return fail(tr("master.m3u8: the variant playlist %1 must be <rendition>/index.m3u8").arg(playlistPath));
        const QString name = playlistPath.left(slash);
        if (name == QLatin1String("thumbs") || name == QLatin1String("storyboard") || names.contains(name))
            return fail(tr("master.m3u8: the rendition name %1 is used twice or reserved").arg(name));
        names.insert(name);
        const QString label = tr("rendition %1").arg(name);
        QByteArray mediaText;
        if (!readFile(playlistPath, &mediaText))
            return fail(tr("%1: the playlist %2 is missing").arg(label, playlistPath));
        Hls::PlaylistParser mediaParser(packageUrl(playlistPath));
        if (!mediaParser.parse(mediaText))
            return fail(tr("%1: %2: %3").arg(label, playlistPath, mediaParser.errorString()));
        if (mediaParser.kind() != Hls::PlaylistParser::Kind::Media)
            return fail(tr("%1: %2 is not a media playlist").arg(label, playlistPath));
        const Hls::MediaPlaylist &media = mediaParser.media();
        if (media.segments.isEmpty())
            return fail(tr("%1: %2 lists no segment").arg(label, playlistPath));
        if (!media.endList)
            return fail(tr("%1: %2 has no EXT-X-ENDLIST; a package must be complete").arg(label, playlistPath));
        QList<double> cut;
        QStringList segmentPaths;
        for (const Hls::MediaSegment &segment : media.segments) {
            const QString segmentPath = packagePath(segment.uri);
            if (segmentPath.isEmpty())
                return fail(tr("%1: the segment %2 points outside the package").arg(label, segment.uri.toString()));
            if (segment.byteRange || segment.initialization || segment.key.method != Hls::SegmentKey::Method::None)
                return fail(tr("%1: segment %2 uses byte ranges, an init section or encryption, which packages may not")
                                .arg(label, QFileInfo(segmentPath).fileName()));
            if (!QFileInfo(root.filePath(segmentPath)).isFile())
                return fail(tr("%1: segment %2 is missing").arg(label, segmentPath.startsWith(name + QLatin1Char('/'))
                                                                            ? segmentPath.mid(name.size() + 1)
                                                                            : segmentPath));
            cut.append(segment.duration);
            segmentPaths.append(segmentPath);
        }

        SegmentInspector inspector;
        for (const int index : sampleIndexes(int(segmentPaths.size()))) {
            const QString segmentName = QFileInfo(segmentPaths[index]).fileName();
            const auto found = inspector.inspect(root.filePath(segmentPaths[index]));
            if (!found)
                return fail(tr("%1: segment %2 %3").arg(label, segmentName, inspector.errorString()));
            const QStringList codecs = variant.codecs;
            const bool declaresVideo = std::any_of(codecs.begin(), codecs.end(), [](const QString &c) { return c.startsWith(QLatin1String("avc1.")); });
            const bool declaresAudio = std::any_of(codecs.begin(), codecs.end(), [](const QString &c) { return c.startsWith(QLatin1String("mp4a.")); });
            if (index == 0) {
                if (codecs.isEmpty())
                    return fail(tr("%1: master.m3u8 declares no CODECS").arg(label));
                if (found->hasVideo != declaresVideo)
                    return fail(tr("%1: CODECS \"%2\" does not match segment %3, which %4 H.264 video")
                                    .arg(label, codecs.join(QLatin1Char(',')), segmentName,
                                         found->hasVideo ? tr("has") : tr("has no")));
                if (found->hasAudio != declaresAudio || (found->hasAudio && found->audioCodec != QLatin1String("aac")))
                    return fail(tr("%1: CODECS \"%2\" does not match the audio of segment %3 (%4)")
                                    .arg(label, codecs.join(QLatin1Char(',')), segmentName,
                                         found->hasAudio ? found->audioCodec : tr("none")));
                if (found->hasVideo) {
                    if (found->videoCodec != QLatin1String("h264"))
                        return fail(tr("%1: segment %2 holds %3 video; packages must use H.264").arg(label, segmentName, found->videoCodec));
                    if (found->videoCodecString.isEmpty() || !codecs.contains(found->videoCodecString, Qt::CaseInsensitive))
                        return fail(tr("%1: CODECS \"%2\" does not match segment %3 (%4)")
                                        .arg(label, codecs.join(QLatin1Char(',')), segmentName,
                                             found->videoCodecString.isEmpty() ? tr("no SPS in its first packet") : found->videoCodecString));
                    if (!variant.resolution.isValid())
                        return fail(tr("%1: master.m3u8 declares no RESOLUTION").arg(label));
                    if (variant.resolution.width() != found->width || variant.resolution.height() != found->height)
                        return fail(tr("%1: RESOLUTION %2x%3 does not match segment %4 (%5x%6)")
                                        .arg(label).arg(variant.resolution.width()).arg(variant.resolution.height())
                                        .arg(segmentName).arg(found->width).arg(found->height));
                }
            }
            if (found->hasVideo && !found->firstPacketIsKeyframe)
                return fail(tr("%1: segment %2 does not start with a keyframe").arg(label, segmentName));
        }

        if (!durations.isEmpty()) {
            const QList<double> &reference = durations.front();
            if (reference.size() != cut.size())
                return fail(tr("%1 has %2 segments but rendition %3 has %4; renditions must be cut alike")
                                .arg(label).arg(cut.size()).arg(ladder.renditions.front()).arg(reference.size()));
            for (int i = 0; i < int(cut.size()); ++i) {
                if (std::abs(cut[i] - reference[i]) > 0.1)
                    return fail(tr("%1: segment %2 lasts %3 s but %4 s in rendition %5; renditions must be cut alike")
                                    .arg(label, QFileInfo(segmentPaths[i]).fileName()).arg(cut[i]).arg(reference[i])
                                    .arg(ladder.renditions.front()));
            }
        } else {
            double total = 0.0;
            for (const double d : cut)
                total += d;
            ladder.durationMs = qint64(std::llround(total * 1000.0));
        }
        durations.append(cut);
        ladder.renditions.append(name);
    }
    return ladder;
}

} // namespace Kinora::Server::Processing
