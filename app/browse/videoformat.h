#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Kinora::App {

// The short texts the browse screens show for a video: "1.2K views",
// "3 days ago", "12:05".
class VideoFormat
{
    Q_DECLARE_TR_FUNCTIONS(Kinora::App::VideoFormat)
public:
    static QString views(qint64 count);
    static QString count(qint64 count); // 999, 1.2K, 3.4M
    static QString age(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTimeUtc());
    static QString duration(qint64 milliseconds);
    // Plain text as HTML with its web links clickable and its line breaks kept.
    static QString linkified(const QString &text);
};

} // namespace Kinora::App
