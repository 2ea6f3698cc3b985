#include "server/http/httpdate.h"

#include <QDate>
#include <QTime>

#include <ctime>

namespace Kinora::Server::Http {

namespace {

constexpr const char *kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char *kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

} // namespace

QByteArray HttpDate::format(qint64 secondsSinceEpoch)
{
    const time_t t = time_t(secondsSinceEpoch);
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[40];
    const int n = snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday % 7], tm.tm_mday,
                           kMonths[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return QByteArray(buf, n);
}

QByteArray HttpDate::format(const QDateTime &time)
{
    return format(time.toSecsSinceEpoch());
}

QDateTime HttpDate::parse(QByteArrayView text)
{
    // "Sun, 06 Nov 1994 08:49:37 GMT"
    if (text.size() != 29 || text.at(3) != ',' || !text.endsWith(" GMT"))
        return {};
    const QByteArray s = text.toByteArray();
    int day = 0, year = 0, hour = 0, minute = 0, second = 0;
    char month[4] = {};
    if (sscanf(s.constData() + 5, "%2d %3c %4d %2d:%2d:%2d", &day, month, &year, &hour, &minute, &second) != 6)
        return {};
    int monthIndex = -1;
    for (int i = 0; i < 12; ++i) {
        if (qstrncmp(month, kMonths[i], 3) == 0)
            monthIndex = i;
    }
    if (monthIndex < 0)
        return {};
    const QDate date(year, monthIndex + 1, day);
    const QTime clock(hour, minute, second);
    if (!date.isValid() || !clock.isValid())
        return {};
    return QDateTime(date, clock, Qt::UTC);
}

QByteArray HttpDate::now()
{
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cached;
    const qint64 second = qint64(::time(nullptr));
    if (second != cachedSecond) {
        cachedSecond = second;
        cached = format(second);
    }
    return cached;
}

} // namespace Kinora::Server::Http
