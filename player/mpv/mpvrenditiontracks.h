#pragma once

#include "player/hls/hlstypes.h"
#include "player/mpv/mpvstreamfeed.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>

class QNetworkAccessManager;
struct mpv_handle;

namespace Kinora::Player {

class HlsSession;
class WebVttRenditionLoader;

// The alternative renditions (EXT-X-MEDIA) of the presentation as extra mpv
// tracks. Subtitle renditions are fetched whole, kept as WebVTT files and
// added with sub-add, shifted by sub-delay to the stream's clock. The chosen
// audio rendition is fetched by its own HlsSession and read by mpv as a
// second custom stream (audio-add); it restarts with the video feed so both
// begin at the same segment. mpv forgets external tracks with every file, so
// they are added again after each feed restart. Must outlive the mpv handle.
class MpvRenditionTracks : public QObject
{
    Q_OBJECT

public:
    MpvRenditionTracks(QNetworkAccessManager *network, const QString &abrId, QObject *parent = nullptr);
    ~MpvRenditionTracks() override;

    bool attach(mpv_handle *mpv);

    // The renditions of a newly loaded master playlist (empty: none).
    void load(const QList<VariantStream> &variants, const QList<MediaRendition> &renditions);
    void clear();
    const QList<MediaRendition> &subtitleRenditions() const { return m_subtitles; }
    const QList<MediaRendition> &audioRenditions() const { return m_audio; }
    int subtitlesLoaded() const;
    int audioChoice() const { return m_audioChoice; }
    // The subtitle rendition to select again when the tracks are re-added (-1: none).
    void setSubtitleChoice(int index) { m_subtitleChoice = index; }
    int subtitleChoice() const { return m_subtitleChoice; }
    // -1: the audio muxed into the variant. Takes effect through restartRequested().
    void chooseAudio(int index);

    // Hooks from the player: the video feed restarted at streamSeconds, mpv
    // loaded the feed's file, the playback position moved.
    void onFeedRestarted(double streamSeconds);
    void onFileLoaded();
    void setPlaybackPosition(double streamSeconds);

Q_SIGNALS:
    void subtitlesReady();
    // The video feed has to start again where it plays (a new audio rendition is ready).
    void restartRequested();
    void audioFailed(const QString &message);

private:
    struct Subtitle
    {
        QString path; // empty until loaded
        WebVttRenditionLoader *loader = nullptr;
    };

    void addSubtitle(int index);
    void addAudio();
    static QString groupOf(const QList<VariantStream> &variants, QString VariantStream::*group);

    QNetworkAccessManager *m_network;
    mpv_handle *m_mpv = nullptr;
    QTemporaryDir m_files;
    QList<MediaRendition> m_subtitles;
    QList<Subtitle> m_subtitleFiles;
    QList<MediaRendition> m_audio; // only those with their own URI
    std::unique_ptr<HlsSession> m_audioSession;
    MpvStreamFeed m_audioFeed;
    int m_audioChoice = -1;
    int m_subtitleChoice = -1;
    bool m_audioStarted = false; // the chosen rendition's playlist is loaded
    bool m_fileLoaded = false;   // mpv has the current video feed open
    quint64 m_audioGeneration = 0;
};

} // namespace Kinora::Player
