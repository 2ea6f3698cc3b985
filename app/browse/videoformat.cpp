#include "app/browse/videoformat.h"

#include <QLocale>
#include <QRegularExpression>

namespace Kinora::App {

namespace {
// English has one singular; translations give every form through %n.
QString plural(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many;
}
} // namespace

QString VideoFormat::count(qint64 count)
{
    const QLocale locale;
    if (count < 1000)
        return locale.toString(count);
    if (count < 1000000)
        return tr("%1K", "thousands").arg(locale.toString(count / 1000.0, 'f', count < 10000 ? 1 : 0));
    if (count < 1000000000)
        return tr("%1M", "millions").arg(locale.toString(count / 1e6, 'f', count < 10000000 ? 1 : 0));
    return tr("%1B", "billions").arg(locale.toString(count / 1e9, 'f', 1));
}

QString VideoFormat::views(qint64 views)
{
    if (views < 1000)
        return views == 1 ? tr("%n view", "", int(views)) : tr("%n views", "", int(views));
    return tr("%1 views").arg(count(views));
}

QString VideoFormat::age(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return QString();
    const qint64 seconds = qMax<qint64>(0, when.secsTo(now));
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return plural(int(seconds / 60), tr("%n minute ago", "", int(seconds / 60)), tr("%n minutes ago", "", int(seconds / 60)));
    if (seconds < 86400)
        return plural(int(seconds / 3600), tr("%n hour ago", "", int(seconds / 3600)), tr("%n hours ago", "", int(seconds / 3600)));
    const qint64 days = seconds / 86400;
    if (days < 7)
        return plural(int(days), tr("%n day ago", "", int(days)), tr("%n days ago", "", int(days)));
    if (days < 31)
        return plural(int(days / 7), tr("%n week ago", "", int(days / 7)), tr("%n weeks ago", "", int(days / 7)));
    if (days < 365)
        return plural(int(days / 30), tr("%n month ago", "", int(days / 30)), tr("%n months ago", "", int(days / 30)));
    return plural(int(days / 365), tr("%n year ago", "", int(days / 365)), tr("%n years ago", "", int(days / 365)));
}

QString VideoFormat::duration(qint64 milliseconds)
{
    const qint64 total = qMax<qint64>(0, milliseconds / 1000);
    const qint64 hours = total / 3600;
    const qint64 minutes = (total % 3600) / 60;
    const qint64 seconds = total % 60;
    if (hours > 0)
        return QStringLiteral("%1:%2:%3").arg(hours).arg(minutes, 2, 10, QLatin1Char('0')).arg(seconds, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds, 2, 10, QLatin1Char('0'));
}

QString VideoFormat::linkified(const QString &text)
{
    static const QRegularExpression link(QStringLiteral(R"((https?://[^\s<>"]+[^\s<>".,;:!?)\]']))"));
    QString html;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = link.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        html += text.mid(last, match.capturedStart() - last).toHtmlEscaped();
        const QString url = match.captured(1).toHtmlEscaped();
        html += QStringLiteral("<a href=\"%1\">%1</a>").arg(url);
        last = match.capturedEnd();
    }
    html += text.mid(last).toHtmlEscaped();
    html.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return html;
}

} // namespace Kinora::App
