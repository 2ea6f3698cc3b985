#include "player/mpv/mpvrenditiontracks.h"

#include "player/abr/abrregistry.h"
#include "player/hls/hlssession.h"
#include "player/hls/webvttrenditionloader.h"

#include <QFile>

#include <algorithm>

#include <mpv/client.h>

namespace Kinora::Player {

MpvRenditionTracks::MpvRenditionTracks(QNetworkAccessManager *network, const QString &abrId, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_audioSession(std::make_unique<HlsSession>(network, AbrRegistry::create(abrId)))
{
    connect(m_audioSession.get(), &HlsSession::segmentReady, this,
            [this](int, int, const QByteArray &data) { m_audioFeed.append(data); });
    connect(m_audioSession.get(), &HlsSession::finished, this, [this] { m_audioFeed.finish(); });
    connect(m_audioSession.get(), &HlsSession::feedRestarted, this, [this](double) {
        m_audioFeed.reset();
        ++m_audioGeneration;
        if (m_audioChoice >= 0 && !m_audioStarted) {
            // The rendition is ready: restart the video feed so both begin together.
            m_audioStarted = true;
            Q_EMIT restartRequested();
        }
    });
    connect(m_audioSession.get(), &HlsSession::failed, this, [this](const QString &message) {
        m_audioFeed.cancel();
        m_audioChoice = -1;
        m_audioStarted = false;
        Q_EMIT audioFailed(message);
    });
}

MpvRenditionTracks::~MpvRenditionTracks()
{
    m_audioFeed.cancel();
}

bool MpvRenditionTracks::attach(mpv_handle *mpv)
{
    m_mpv = mpv;
    return m_audioFeed.registerProtocol(mpv, "kinoraaudio");
}

QString MpvRenditionTracks::groupOf(const QList<VariantStream> &variants, QString VariantStream::*group)
{
    for (const VariantStream &variant : variants) {
        if (!(variant.*group).isEmpty())
            return variant.*group;
    }
    return QString();
}

void MpvRenditionTracks::clear()
{
    for (const Subtitle &subtitle : std::as_const(m_subtitleFiles)) {
        if (subtitle.loader)
            subtitle.loader->deleteLater();
        if (!subtitle.path.isEmpty())
            QFile::remove(subtitle.path);
    }
    m_subtitleFiles.clear();
    m_subtitles.clear();
    m_audio.clear();
    m_subtitleChoice = -1;
    m_audioChoice = -1;
    m_audioStarted = false;
    m_audioSession->stop();
    m_audioFeed.reset();
}

void MpvRenditionTracks::load(const QList<VariantStream> &variants, const QList<MediaRendition> &renditions)
{
    clear();
    const QString subtitleGroup = groupOf(variants, &VariantStream::subtitlesGroup);
    const QString audioGroup = groupOf(variants, &VariantStream::audioGroup);
    int defaultAudio = -1;
    for (const MediaRendition &rendition : renditions) {
        if (rendition.uri.isEmpty())
            continue; // carried inside the variant's own stream
        if (rendition.type == MediaRendition::Type::Subtitles
            && (subtitleGroup.isEmpty() || rendition.groupId == subtitleGroup)) {
            const int index = int(m_subtitles.size());
            m_subtitles.append(rendition);
            auto *loader = new WebVttRenditionLoader(m_network, this);
            m_subtitleFiles.append({QString(), loader});
            connect(loader, &WebVttRenditionLoader::loaded, this, [this, index, loader](const QByteArray &webVtt) {
                loader->deleteLater();
                if (index >= m_subtitleFiles.size() || m_subtitleFiles.at(index).loader != loader)
                    return;
                const QString path = m_files.filePath(QStringLiteral("subtitles-%1.vtt").arg(index));
                QFile file(path);
                if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(webVtt) != webVtt.size())
                    return;
                file.close();
                m_subtitleFiles[index] = {path, nullptr};
                if (m_fileLoaded)
                    addSubtitle(index);
                Q_EMIT subtitlesReady();
            });
            connect(loader, &WebVttRenditionLoader::failed, this, [this, index, loader](const QString &) {
                loader->deleteLater();
                if (index < m_subtitleFiles.size() && m_subtitleFiles.at(index).loader == loader)
                    m_subtitleFiles[index].loader = nullptr; // captions in that language stay unavailable
            });
            loader->load(rendition.uri);
        } else if (rendition.type == MediaRendition::Type::Audio && rendition.groupId == audioGroup) {
            if (rendition.isDefault && defaultAudio < 0)
                defaultAudio = int(m_audio.size());
            m_audio.append(rendition);
        }
    }
    if (defaultAudio >= 0)
        chooseAudio(defaultAudio);
}

int MpvRenditionTracks::subtitlesLoaded() const
{
    return int(std::count_if(m_subtitleFiles.cbegin(), m_subtitleFiles.cend(),
                             [](const Subtitle &subtitle) { return !subtitle.path.isEmpty(); }));
}

void MpvRenditionTracks::chooseAudio(int index)
{
    if (index >= m_audio.size())
        index = -1;
    if (index == m_audioChoice)
        return;
    m_audioChoice = index;
    m_audioStarted = false;
    m_audioFeed.reset();
    if (index < 0) {
        m_audioSession->stop();
        Q_EMIT restartRequested(); // back to the variant's own audio
        return;
    }
    m_audioSession->open(m_audio.at(index).uri);
}

void MpvRenditionTracks::onFeedRestarted(double streamSeconds)
{
    m_fileLoaded = false;
    // The feed's clock starts at 0 where the stream is at streamSeconds;
    // the cues are in stream seconds.
    double delay = -streamSeconds;
    mpv_set_property_async(m_mpv, 0, "sub-delay", MPV_FORMAT_DOUBLE, &delay);
    if (m_audioChoice >= 0 && m_audioStarted)
        m_audioSession->seek(streamSeconds);
}

void MpvRenditionTracks::onFileLoaded()
{
    m_fileLoaded = true;
    for (int index = 0; index < m_subtitleFiles.size(); ++index) {
        if (!m_subtitleFiles.at(index).path.isEmpty())
            addSubtitle(index);
    }
    if (m_audioChoice >= 0 && m_audioStarted)
        addAudio();
}

void MpvRenditionTracks::setPlaybackPosition(double streamSeconds)
{
    if (m_audioChoice >= 0 && m_audioStarted)
        m_audioSession->setPlaybackPosition(streamSeconds);
}

void MpvRenditionTracks::addSubtitle(int index)
{
    const MediaRendition &rendition = m_subtitles.at(index);
    const QByteArray path = QFile::encodeName(m_subtitleFiles.at(index).path);
    const QByteArray title = rendition.name.toUtf8();
    const QByteArray language = rendition.language.toUtf8();
    const char *command[] = {"sub-add", path.constData(), index == m_subtitleChoice ? "select" : "auto",
                             title.constData(), language.constData(), nullptr};
    mpv_command_async(m_mpv, 0, command);
}

void MpvRenditionTracks::addAudio()
{
    const MediaRendition &rendition = m_audio.at(m_audioChoice);
    const QByteArray uri = "kinoraaudio://" + QByteArray::number(m_audioGeneration);
    const QByteArray title = rendition.name.toUtf8();
    const QByteArray language = rendition.language.toUtf8();
    const char *command[] = {"audio-add", uri.constData(), "select", title.constData(), language.constData(), nullptr};
    mpv_command_async(m_mpv, 0, command);
}

} // namespace Kinora::Player
