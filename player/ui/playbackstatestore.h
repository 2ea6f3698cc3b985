#pragma once

#include <QString>

class QSettings;

namespace Kinora::Player {

// Remembers the volume and where each video was left, in the QSettings the
// caller owns (so tests use a temporary file).
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

private:
    QSettings *m_settings;
};

} // namespace Kinora::Player
