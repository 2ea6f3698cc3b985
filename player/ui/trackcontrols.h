#pragma once

#include <QObject>
#include <QString>

class QMenu;
class QToolButton;
class QWidget;

namespace Kinora::Player {

class MpvHlsPlayer;

// The captions and audio-language buttons of the player. Captions are mpv's
// subtitle tracks (a file's own, or HLS subtitle renditions once fetched);
// the c key turns the language picked last on and off. Audio lists the HLS
// audio renditions that have their own playlist. The buttons hide when there
// is nothing to choose.
class TrackControls : public QObject
{
    Q_OBJECT

public:
    TrackControls(MpvHlsPlayer *player, QWidget *parent);

    QToolButton *captionsButton() const { return m_captionsButton; }
    QToolButton *audioButton() const { return m_audioButton; }

    void toggleCaptions();
    void setCaptionTrack(int id); // mpv's subtitle track id, 0: off
    bool areCaptionsOn() const { return m_captionsOn; }
    void setAudioRendition(int index); // -1: the variant's own audio
    void rebuild();

private:
    MpvHlsPlayer *m_player;
    QToolButton *m_captionsButton;
    QMenu *m_captionsMenu = nullptr;
    QToolButton *m_audioButton;
    QMenu *m_audioMenu = nullptr;
    QString m_captionsTitle; // the language picked last, for the c key
    bool m_captionsOn = false;
};

} // namespace Kinora::Player
