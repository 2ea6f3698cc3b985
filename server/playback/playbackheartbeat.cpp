#include "server/playback/playbackheartbeat.h"

#include <cmath>

namespace Kinora::Server::Playback {

namespace {

constexpr qint64 Day = 24LL * 3600 * 1000;

// An integral JSON number within [min, max]; absent optional fields keep *value.
bool readInteger(const QJsonObject &object, const QString &field, qint64 min, qint64 max, bool required, qint64 *value,
                 QString *error)
{
    const QJsonValue v = object.value(field);
    if (v.isUndefined() || v.isNull()) {
        if (!required)
            return true;
        *error = PlaybackHeartbeat::tr("%1 is required").arg(field);
        return false;
    }
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || d < double(min) || d > double(max)) {
        *error = PlaybackHeartbeat::tr("%1 must be an integer from %2 to %3").arg(field).arg(min).arg(max);
        return false;
    }
    *value = qint64(d);
    return true;
}

} // namespace

std::optional<PlaybackHeartbeat> PlaybackHeartbeat::fromJson(const QJsonObject &object, QString *error)
{
    PlaybackHeartbeat h;
    qint64 stalls = 0;
    qint64 switches = 0;
    qint64 startup = -1;
    if (!readInteger(object, QStringLiteral("positionMs"), 0, 30 * Day, true, &h.positionMs, error)
        || !readInteger(object, QStringLiteral("bitrate"), 0, 1'000'000'000, true, &h.bitrate, error)
        || !readInteger(object, QStringLiteral("bufferMs"), 0, Day, true, &h.bufferMs, error)
        || !readInteger(object, QStringLiteral("stalls"), 0, 1'000'000, true, &stalls, error)
        || !readInteger(object, QStringLiteral("stallMs"), 0, 30 * Day, true, &h.stallMs, error)
        || !readInteger(object, QStringLiteral("bandwidthBps"), 0, 1'000'000'000'000LL, true, &h.bandwidthBps, error)
        || !readInteger(object, QStringLiteral("droppedFrames"), 0, 1'000'000'000, true, &h.droppedFrames, error)
        || !readInteger(object, QStringLiteral("startupMs"), 0, 10 * 60 * 1000, false, &startup, error)
        || !readInteger(object, QStringLiteral("rungSwitches"), 0, 1'000'000, true, &switches, error))
        return std::nullopt;
    const QJsonValue rendition = object.value(QStringLiteral("rendition"));
    if (!rendition.isString() || rendition.toString().isEmpty() || rendition.toString().size() > 64) {
        *error = tr("rendition must be a rendition name of 1 to 64 characters");
        return std::nullopt;
    }
    h.rendition = rendition.toString();
    h.stalls = int(stalls);
    h.rungSwitches = int(switches);
    if (startup >= 0)
        h.startupMs = startup;
    return h;
}

} // namespace Kinora::Server::Playback
