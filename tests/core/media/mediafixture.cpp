#include "tests/core/media/mediafixture.h"

#include <QFile>
#include <QJsonArray>
#include <QtEndian>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>

namespace Kinora::Tests {

MediaFixture::Result MediaFixture::run(const QString &program, const QStringList &args, int timeoutMs)
{
    Result result;
    QProcess process;
    process.start(program, args);
    if (!process.waitForStarted(10000))
        return result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    result.ok = process.exitStatus() == QProcess::NormalExit && result.exitCode == 0;
    return result;
}

MediaFixture::Result MediaFixture::ffmpeg(const QStringList &args, int timeoutMs)
{
    return run(QStringLiteral("ffmpeg"),
               QStringList{QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"), QStringLiteral("-loglevel"),
                           QStringLiteral("error"), QStringLiteral("-y")}
                   + args,
               timeoutMs);
}

QJsonObject MediaFixture::ffprobe(const QStringList &args, int timeoutMs)
{
    const Result result = run(QStringLiteral("ffprobe"),
                              QStringList{QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-of"),
                                          QStringLiteral("json")}
                                  + args,
                              timeoutMs);
    return QJsonDocument::fromJson(result.out).object();
}

QJsonObject MediaFixture::streamInfo(const QString &path, const QString &selector, bool countFrames)
{
    QStringList args{QStringLiteral("-select_streams"), selector, QStringLiteral("-show_streams")};
    if (countFrames)
        args << QStringLiteral("-count_frames");
    args << path;
    const QJsonArray streams = ffprobe(args).value(QLatin1String("streams")).toArray();
    return streams.isEmpty() ? QJsonObject() : streams.first().toObject();
}

bool MediaFixture::rotateMp4(const QString &path, int clockwiseDegrees)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return false;
    QByteArray data = file.readAll();
    const qsizetype type = data.indexOf("tkhd");
    if (type < 4 || type + 44 + 36 > data.size() || data.at(type + 4) != 0)   // version 0 boxes only
        return false;
    // ISO/IEC 14496-12 matrix {a, b, u, c, d, v, x, y, w} in 16.16 (2.30 for u, v, w).
    const qint32 one = 0x10000;
    qint32 matrix[9] = {one, 0, 0, 0, one, 0, 0, 0, 0x40000000};
    if (clockwiseDegrees == 90) {
        matrix[0] = 0; matrix[1] = one; matrix[3] = -one; matrix[4] = 0;
    } else if (clockwiseDegrees == 180) {
        matrix[0] = -one; matrix[4] = -one;
    } else if (clockwiseDegrees == 270) {
        matrix[0] = 0; matrix[1] = -one; matrix[3] = one; matrix[4] = 0;
    }
    for (int i = 0; i < 9; ++i)
        qToBigEndian<qint32>(matrix[i], data.data() + type + 44 + 4 * i);
    file.seek(0);
    return file.write(data) == data.size();
}

double MediaFixture::ssim(const QString &distorted, const QString &reference, int width, int height)
{
    const QString graph = QStringLiteral("[1:v]setpts=PTS-STARTPTS,scale=%1:%2:flags=bicubic,setsar=1[ref];[0:v]setpts=PTS-STARTPTS,setsar=1[dist];[dist][ref]ssim")
                              .arg(width)
                              .arg(height);
    const Result result = run(QStringLiteral("ffmpeg"),
                              {QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"), QStringLiteral("-i"), distorted,
                               QStringLiteral("-i"), reference, QStringLiteral("-lavfi"), graph, QStringLiteral("-f"),
                               QStringLiteral("null"), QStringLiteral("-")},
                              300000);
    const QRegularExpression all(QStringLiteral("SSIM .* All:([0-9.]+)"));
    const QRegularExpressionMatch match = all.match(QString::fromUtf8(result.err));
    return match.hasMatch() ? match.captured(1).toDouble() : -1.0;
}

} // namespace Kinora::Tests
