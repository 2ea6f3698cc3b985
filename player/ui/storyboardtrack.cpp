#include "player/ui/storyboardtrack.h"

#include <QStringList>

namespace Kinora::Player {

namespace {

// WebVTT timestamps: [hh:]mm:ss.ttt
std::optional<double> timestamp(const QString &text)
{
    const QStringList parts = text.trimmed().split(u':');
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    double seconds = 0.0;
    for (const QString &part : parts) {
        bool ok = false;
        const double value = part.toDouble(&ok);
        if (!ok || value < 0.0)
            return std::nullopt;
        seconds = seconds * 60.0 + value;
    }
    return seconds;
}

} // namespace

bool StoryboardTrack::parse(const QByteArray &webVtt, const QUrl &baseUrl)
{
    m_tiles.clear();
    QString text = QString::fromUtf8(webVtt);
    if (text.startsWith(QChar(0xfeff)))
        text.remove(0, 1);
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    const QStringList lines = text.split(u'\n');
    if (lines.isEmpty() || !lines.first().startsWith(QLatin1String("WEBVTT")))
        return false;
    for (qsizetype i = 1; i + 1 < lines.size(); ++i) {
        const qsizetype arrow = lines.at(i).indexOf(QLatin1String("-->"));
        if (arrow < 0)
            continue;
        const std::optional<double> start = timestamp(lines.at(i).left(arrow));
        const std::optional<double> end = timestamp(lines.at(i).mid(arrow + 3).trimmed().section(u' ', 0, 0));
        const QString payload = lines.at(i + 1).trimmed();
        if (!start || !end || *end <= *start || payload.isEmpty())
            continue;
        Tile tile;
        tile.start = *start;
        tile.end = *end;
        const qsizetype hash = payload.indexOf(QLatin1String("#xywh="));
        tile.image = baseUrl.resolved(QUrl(hash >= 0 ? payload.left(hash) : payload));
        if (hash >= 0) {
            const QStringList numbers = payload.mid(hash + 6).split(u',');
            bool ok = numbers.size() == 4;
            QList<int> values;
            for (const QString &number : numbers) {
                bool valid = false;
                values.append(number.toInt(&valid));
                ok = ok && valid && values.last() >= 0;
            }
            if (!ok)
                continue;
            tile.rect = QRect(values.at(0), values.at(1), values.at(2), values.at(3));
        }
        m_tiles.append(tile);
        ++i;
    }
    return !m_tiles.isEmpty();
}

std::optional<StoryboardTrack::Tile> StoryboardTrack::tileAt(double seconds) const
{
    for (const Tile &tile : m_tiles) {
        if (seconds >= tile.start && seconds < tile.end)
            return tile;
    }
    return std::nullopt;
}

QList<QUrl> StoryboardTrack::images() const
{
    QList<QUrl> urls;
    for (const Tile &tile : m_tiles) {
        if (!urls.contains(tile.image))
            urls.append(tile.image);
    }
    return urls;
}

} // namespace Kinora::Player
