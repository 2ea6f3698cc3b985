#pragma once

#include <QByteArray>
#include <QString>

namespace Kinora::Tests {

// Media files for upload tests, generated with the ffmpeg command-line tool:
// a short MPEG-TS clip, and files of any size that start with that clip and
// continue with seeded random bytes (still probed as MPEG-TS video, yet every
// file has its own checksum and real entropy).
class TestMedia
{
public:
    static bool makeClip(const QString &path, QString *error);
    static bool makePadded(const QString &clipPath, qint64 size, quint32 seed, const QString &path, QString *error);
    static QByteArray sha256OfFile(const QString &path);
    static QByteArray randomBytes(qsizetype size, quint32 seed);
};

} // namespace Kinora::Tests
