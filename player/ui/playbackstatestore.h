#pragma once

#include <QByteArray>
#include <QString>

class QSettings;

namespace Kinora::Player {

// Remembers the volume, where each video was left, the seek mode and the
// mini player's geometry, in the QSettings the caller owns (so tests use a
// temporary file).
class PlaybackStateStore
{
public:
    explicit PlaybackStateStore(QSettings *settings);

    int volume() const;
    void setVolume(int volume);
    bool isMuted() const;
    void setMuted(bool muted);
    double position(const QString &videoId) const;
    void setPosition(const QString &videoId, double seconds);
    bool isExactSeek() const;
    void setExactSeek(bool exact);
    QByteArray miniPlayerGeometry() const; // QWidget::saveGeometry() of the mini player window
    void setMiniPlayerGeometry(const QByteArray &geometry);

private:
    QSettings *m_settings;
};

} // namespace Kinora::Player
