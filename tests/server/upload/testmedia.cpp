#include "testmedia.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>

namespace Kinora::Tests {

bool TestMedia::makeClip(const QString &path, QString *error)
{
    const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    if (ffmpeg.isEmpty()) {
        *error = QStringLiteral("ffmpeg is not installed");
        return false;
    }
    QProcess p;
    p.start(ffmpeg, {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                     QStringLiteral("testsrc2=size=320x240:rate=25"), QStringLiteral("-t"), QStringLiteral("2"),
                     QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-preset"), QStringLiteral("ultrafast"),
                     QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"), QStringLiteral("-b:v"), QStringLiteral("4M"),
                     QStringLiteral("-f"), QStringLiteral("mpegts"), QStringLiteral("-y"), path});
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        *error = QStringLiteral("ffmpeg failed: ") + QString::fromLocal8Bit(p.readAllStandardError());
        return false;
    }
    return true;
}

QByteArray TestMedia::randomBytes(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    for (qsizetype i = size / 4 * 4; i < size; ++i)
        data[i] = char(generator.generate());
    return data;
}

bool TestMedia::makePadded(const QString &clipPath, qint64 size, quint32 seed, const QString &path, QString *error)
{
    QFile clip(clipPath);
    QFile out(path);
    if (!clip.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = QStringLiteral("cannot open %1 or %2").arg(clipPath, path);
        return false;
    }
    const QByteArray head = clip.readAll();
    if (head.size() > size) {
        *error = QStringLiteral("the clip is larger than %1 bytes").arg(size);
        return false;
    }
    out.write(head);
    qint64 left = size - head.size();
    quint32 round = 0;
    while (left > 0) {
        const QByteArray block = randomBytes(qsizetype(qMin<qint64>(left, 4 << 20)), seed * 7919u + round++);
        if (out.write(block) != block.size()) {
            *error = out.errorString();
            return false;
        }
        left -= block.size();
    }
    return true;
}

QByteArray TestMedia::sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

} // namespace Kinora::Tests
