#include "player/ui/trackcontrols.h"

#include "player/mpv/mpvhlsplayer.h"

#include <QActionGroup>
#include <QMenu>
#include <QToolButton>

namespace Kinora::Player {

TrackControls::TrackControls(MpvHlsPlayer *player, QWidget *parent)
    : QObject(parent)
    , m_player(player)
    , m_captionsButton(new QToolButton(parent))
    , m_audioButton(new QToolButton(parent))
{
    m_captionsButton->setText(tr("CC"));
    m_captionsButton->setCheckable(true);
    m_captionsButton->setToolTip(tr("Captions (c)"));
    m_captionsButton->setPopupMode(QToolButton::MenuButtonPopup);
    m_captionsMenu = new QMenu(m_captionsButton);
    m_captionsButton->setMenu(m_captionsMenu);
    m_captionsButton->hide(); // shown when the video has captions
    connect(m_captionsButton, &QToolButton::clicked, this, &TrackControls::toggleCaptions);
    m_audioButton->setText(tr("Audio"));
    m_audioButton->setToolTip(tr("Audio language"));
    m_audioButton->setPopupMode(QToolButton::InstantPopup);
    m_audioMenu = new QMenu(m_audioButton);
    m_audioButton->setMenu(m_audioMenu);
    m_audioButton->hide(); // shown when the video has alternative audio
    connect(m_player, &MpvHlsPlayer::tracksChanged, this, &TrackControls::rebuild);
}

void TrackControls::toggleCaptions()
{
    const QList<MpvTrack> tracks = m_player->tracks(QStringLiteral("sub"));
    if (tracks.isEmpty())
        return;
    if (m_captionsOn) {
        setCaptionTrack(0);
        return;
    }
    // The language picked last time, else the first one.
    int id = tracks.first().id;
    for (const MpvTrack &track : tracks) {
        if (!m_captionsTitle.isEmpty() && track.title == m_captionsTitle)
            id = track.id;
    }
    setCaptionTrack(id);
}

void TrackControls::setCaptionTrack(int id)
{
    m_captionsOn = id > 0;
    m_captionsButton->setChecked(m_captionsOn);
    for (const MpvTrack &track : m_player->tracks(QStringLiteral("sub"))) {
        if (track.id == id)
            m_captionsTitle = track.title;
    }
    m_player->setSubtitleTrack(id > 0 ? QByteArray::number(id) : QByteArray("no"));
}

void TrackControls::setAudioRendition(int index)
{
    m_player->chooseAudioRendition(index);
    rebuild();
}

void TrackControls::rebuild()
{
    const QList<MpvTrack> subtitles = m_player->tracks(QStringLiteral("sub"));
    auto trackName = [this](const QString &title, const QString &language, int id) {
        if (!title.isEmpty())
            return language.isEmpty() ? title : tr("%1 (%2)").arg(title, language);
        return language.isEmpty() ? tr("Track %1").arg(id) : language;
    };
    m_captionsButton->setVisible(!subtitles.isEmpty());
    m_captionsOn = m_player->subtitleTrack() != QLatin1String("no") && !m_player->subtitleTrack().isEmpty();
    m_captionsButton->setChecked(m_captionsOn);
    m_captionsMenu->clear();
    auto *captionGroup = new QActionGroup(m_captionsMenu);
    QAction *off = m_captionsMenu->addAction(tr("Off"), this, [this] { setCaptionTrack(0); });
    off->setCheckable(true);
    off->setChecked(!m_captionsOn);
    captionGroup->addAction(off);
    for (const MpvTrack &track : subtitles) {
        const int id = track.id;
        QAction *action = m_captionsMenu->addAction(trackName(track.title, track.language, id), this,
                                                    [this, id] { setCaptionTrack(id); });
        action->setCheckable(true);
        action->setChecked(m_captionsOn && track.selected);
        captionGroup->addAction(action);
    }

    const QList<MediaRendition> &audio = m_player->renditionTracks().audioRenditions();
    m_audioButton->setVisible(m_player->isHls() && !audio.isEmpty());
    m_audioMenu->clear();
    auto *audioGroup = new QActionGroup(m_audioMenu);
    const int chosen = m_player->renditionTracks().audioChoice();
    QAction *original = m_audioMenu->addAction(tr("Original"), this, [this] { setAudioRendition(-1); });
    original->setCheckable(true);
    original->setChecked(chosen < 0);
    audioGroup->addAction(original);
    for (int index = 0; index < audio.size(); ++index) {
        const MediaRendition &rendition = audio.at(index);
        QAction *action = m_audioMenu->addAction(trackName(rendition.name, rendition.language, index + 1), this,
                                                 [this, index] { setAudioRendition(index); });
        action->setCheckable(true);
        action->setChecked(chosen == index);
        audioGroup->addAction(action);
    }
}

} // namespace Kinora::Player
