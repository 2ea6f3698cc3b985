#include "player/ui/playbackstatestore.h"

#include <QCryptographicHash>
#include <QSettings>

namespace Kinora::Player {

namespace {

QString positionKey(const QString &videoId)
{
    // Ids can be URLs or paths: hash them into a valid settings key.
    return QStringLiteral("player/positions/")
        + QString::fromLatin1(QCryptographicHash::hash(videoId.toUtf8(), QCryptographicHash::Sha1).toHex());
}

} // namespace

PlaybackStateStore::PlaybackStateStore(QSettings *settings)
    : m_settings(settings)
{
}

int PlaybackStateStore::volume() const
{
    return m_settings->value(QStringLiteral("player/volume"), 100).toInt();
}

void PlaybackStateStore::setVolume(int volume)
{
    m_settings->setValue(QStringLiteral("player/volume"), volume);
}

bool PlaybackStateStore::isMuted() const
{
    return m_settings->value(QStringLiteral("player/muted"), false).toBool();
}

void PlaybackStateStore::setMuted(bool muted)
{
    m_settings->setValue(QStringLiteral("player/muted"), muted);
}

double PlaybackStateStore::position(const QString &videoId) const
{
    return m_settings->value(positionKey(videoId), 0.0).toDouble();
}

void PlaybackStateStore::setPosition(const QString &videoId, double seconds)
{
    m_settings->setValue(positionKey(videoId), seconds);
}

bool PlaybackStateStore::isExactSeek() const
{
    return m_settings->value(QStringLiteral("player/exactSeek"), false).toBool();
}

void PlaybackStateStore::setExactSeek(bool exact)
{
    m_settings->setValue(QStringLiteral("player/exactSeek"), exact);
}

QByteArray PlaybackStateStore::miniPlayerGeometry() const
{
    return m_settings->value(QStringLiteral("player/miniPlayerGeometry")).toByteArray();
}

void PlaybackStateStore::setMiniPlayerGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QStringLiteral("player/miniPlayerGeometry"), geometry);
}

} // namespace Kinora::Player
