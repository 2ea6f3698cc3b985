#include "core/upload/ladderpackagewriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/fsuid.h>
#include <unistd.h>

using Kinora::Core::LadderPackageWriter;

namespace {
bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Runs tar; returns its standard output, or fails the test through *ok.
QByteArray tar(const QStringList &args, bool *ok)
{
    QProcess process;
    process.start(QStringLiteral("tar"), args);
    *ok = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!*ok)
        qWarning("tar %s: %s", qPrintable(args.join(QLatin1Char(' '))), process.readAllStandardError().constData());
    return process.readAllStandardOutput();
}

// Relative paths of the regular files below root, sorted.
QStringList filesBelow(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(root).relativeFilePath(it.next()));
    files.sort();
    return files;
}

// Noise, so that compression or shortcuts in the writer could not hide a mistake.
QByteArray noise(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i) {
        seed = seed * 1664525u + 1013904223u;
        data[i] = char(seed >> 24);
    }
    return data;
}
} // namespace

// The studio's ladder package: a ustar archive that GNU tar lists and extracts
// to the very same files, long paths through the prefix field, and clear
// errors for what cannot be packaged.
class tst_LadderPackageWriter : public QObject
{
    Q_OBJECT

private:
    QString makeLadder(const QString &root)
    {
        const QString ladder = root + QStringLiteral("/ladder");
        writeFile(ladder + QStringLiteral("/master.m3u8"), "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1000\n360p/index.m3u8\n");
        writeFile(ladder + QStringLiteral("/360p/index.m3u8"), "#EXTM3U\n");
        writeFile(ladder + QStringLiteral("/360p/seg_00000.ts"), noise(3 * 1024 * 1024 + 17, 1));   // more than the copy buffer
        writeFile(ladder + QStringLiteral("/360p/seg_00001.ts"), noise(512, 2));                     // exactly one block
        writeFile(ladder + QStringLiteral("/240p/index.m3u8"), "#EXTM3U\n");
        writeFile(ladder + QStringLiteral("/240p/seg_00000.ts"), QByteArray());                      // empty
        writeFile(ladder + QStringLiteral("/thumbs/poster.jpg"), noise(1000, 3));
        QDir().mkpath(ladder + QStringLiteral("/storyboard"));                                       // empty folder
        return ladder;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("tar")).isEmpty())
            QSKIP("tar is needed");
    }

    void tarListsAndExtractsTheSameFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ladder = makeLadder(dir.path());
        const QString archive = dir.filePath(QStringLiteral("package.tar"));
        QList<std::pair<qint64, qint64>> progress;
        LadderPackageWriter writer(ladder, archive);
        writer.setProgressCallback([&](qint64 done, qint64 total) { progress.append({done, total}); });
        QVERIFY2(writer.write(), qPrintable(writer.errorString()));
        QCOMPARE(QFileInfo(archive).size(), writer.archiveSize());
        QCOMPARE(QFileInfo(archive).size() % 512, 0);

        // Deterministic order, master playlist first, folders before their contents.
        const QStringList expected{QStringLiteral("master.m3u8"), QStringLiteral("240p/"), QStringLiteral("240p/index.m3u8"),
                                   QStringLiteral("240p/seg_00000.ts"), QStringLiteral("360p/"), QStringLiteral("360p/index.m3u8"),
                                   QStringLiteral("360p/seg_00000.ts"), QStringLiteral("360p/seg_00001.ts"), QStringLiteral("storyboard/"),
                                   QStringLiteral("thumbs/"), QStringLiteral("thumbs/poster.jpg")};
        QCOMPARE(writer.entries(), expected);
        bool ok = false;
        const QByteArray listing = tar({QStringLiteral("-tf"), archive}, &ok);
        QVERIFY(ok);
        QCOMPARE(QString::fromUtf8(listing).split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);

        // The verbose listing shows regular files and folders with their sizes.
        const QList<QByteArray> verbose = tar({QStringLiteral("-tvf"), archive}, &ok).split('\n');
        QVERIFY(ok);
        QCOMPARE(verbose.size(), expected.size() + 1);
        QVERIFY2(verbose[0].startsWith("-rw-r--r--"), verbose[0].constData());
        QVERIFY2(verbose[1].startsWith("drwxr-xr-x"), verbose[1].constData());
        QVERIFY2(verbose[6].contains(QByteArray::number(3 * 1024 * 1024 + 17)), verbose[6].constData());

        // GNU tar in strict ustar mode reads it, and the bytes come back unchanged.
        const QString out = dir.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(out));
        tar({QStringLiteral("--format=ustar"), QStringLiteral("-xf"), archive, QStringLiteral("-C"), out}, &ok);
        QVERIFY(ok);
        QCOMPARE(filesBelow(out), filesBelow(ladder));
        for (const QString &file : filesBelow(ladder))
            QVERIFY2(readFile(out + QLatin1Char('/') + file) == readFile(ladder + QLatin1Char('/') + file), qPrintable(file));
        QVERIFY(QFileInfo(out + QStringLiteral("/storyboard")).isDir());

        // Progress climbs to the archive's size.
        QVERIFY(progress.size() >= 3);
        QCOMPARE(progress.first().first, 0);
        QCOMPARE(progress.last().first, writer.archiveSize());
        for (qsizetype i = 1; i < progress.size(); ++i) {
            QVERIFY(progress[i].first >= progress[i - 1].first);
            QCOMPARE(progress[i].second, writer.archiveSize());
        }

        // The same folder gives the same bytes.
        const QString again = dir.filePath(QStringLiteral("again.tar"));
        LadderPackageWriter second(ladder, again);
        QVERIFY(second.write());
        QCOMPARE(readFile(again), readFile(archive));
    }

    void longNamesUseThePrefixField()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ladder = makeLadder(dir.path());
        // 150 bytes of folders and a 90-byte file name: only a prefix split fits.
        const QString folder = QString(70, QLatin1Char('a')) + QLatin1Char('/') + QString(79, QLatin1Char('b'));
        const QString longFile = folder + QLatin1Char('/') + QString(86, QLatin1Char('c')) + QStringLiteral(".ts");
        QVERIFY(longFile.size() > 200);
        QVERIFY(writeFile(ladder + QLatin1Char('/') + longFile, noise(700, 4)));
        const QString archive = dir.filePath(QStringLiteral("long.tar"));
        LadderPackageWriter writer(ladder, archive);
        QVERIFY2(writer.write(), qPrintable(writer.errorString()));
        QVERIFY(writer.entries().contains(longFile));

        bool ok = false;
        const QStringList listed = QString::fromUtf8(tar({QStringLiteral("-tf"), archive}, &ok)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(ok);
        QCOMPARE(listed, writer.entries());
        const QString out = dir.filePath(QStringLiteral("out"));
        QVERIFY(QDir().mkpath(out));
        tar({QStringLiteral("--format=ustar"), QStringLiteral("-xf"), archive, QStringLiteral("-C"), out}, &ok);
        QVERIFY(ok);
        QCOMPARE(readFile(out + QLatin1Char('/') + longFile), noise(700, 4));

        // A file name of more than 100 bytes cannot be split: a clear error, no archive.
        const QString tooLong = QStringLiteral("thumbs/") + QString(101, QLatin1Char('d')) + QStringLiteral(".jpg");
        QVERIFY(writeFile(ladder + QLatin1Char('/') + tooLong, "x"));
        const QString refused = dir.filePath(QStringLiteral("refused.tar"));
        LadderPackageWriter tooLongWriter(ladder, refused);
        QVERIFY(!tooLongWriter.write());
        QVERIFY2(tooLongWriter.errorString().contains(QStringLiteral("too long")), qPrintable(tooLongWriter.errorString()));
        QVERIFY2(tooLongWriter.errorString().contains(tooLong), qPrintable(tooLongWriter.errorString()));
        QVERIFY(!QFileInfo::exists(refused));
    }

    void splitsNamesLikeTar()
    {
        QByteArray name;
        QByteArray prefix;
        QVERIFY(LadderPackageWriter::splitName(QByteArray(100, 'x'), &name, &prefix));
        QCOMPARE(name.size(), 100);
        QVERIFY(prefix.isEmpty());
        QVERIFY(!LadderPackageWriter::splitName(QByteArray(101, 'x'), &name, &prefix));
        QVERIFY(LadderPackageWriter::splitName(QByteArray(155, 'p') + '/' + QByteArray(100, 'n'), &name, &prefix));
        QCOMPARE(prefix, QByteArray(155, 'p'));
        QCOMPARE(name, QByteArray(100, 'n'));
        QVERIFY(!LadderPackageWriter::splitName(QByteArray(156, 'p') + '/' + QByteArray(10, 'n'), &name, &prefix));
        // A folder's trailing slash alone is no name.
        QVERIFY(!LadderPackageWriter::splitName(QByteArray(120, 'p') + '/', &name, &prefix));
    }

    void unreadableFileIsAnError()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ladder = makeLadder(dir.path());
        const QString secret = ladder + QStringLiteral("/360p/seg_00001.ts");
        QVERIFY(QFile::setPermissions(secret, QFileDevice::WriteOwner));
        // Root reads anything: check as an unprivileged user (the filesystem ids
        // of this thread only), with the folders opened up for it.
        const bool root = ::geteuid() == 0;
        if (root) {
            for (const QString &path : {dir.path(), ladder})
                QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                        | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther));
        }
        const QString archive = dir.filePath(QStringLiteral("package.tar"));
        LadderPackageWriter writer(ladder, archive);
        if (root) {
            ::setfsgid(65534);
            ::setfsuid(65534);
        }
        const bool written = writer.write();
        if (root) {
            ::setfsuid(0);
            ::setfsgid(0);
        }
        QVERIFY(!written);
        QVERIFY2(writer.errorString().contains(QStringLiteral("Cannot read")), qPrintable(writer.errorString()));
        QVERIFY2(writer.errorString().contains(QStringLiteral("seg_00001.ts")), qPrintable(writer.errorString()));
        QVERIFY(!QFileInfo::exists(archive));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void linksAndMissingMasterAreRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ladder = makeLadder(dir.path());
        QVERIFY(QFile::link(ladder + QStringLiteral("/thumbs/poster.jpg"), ladder + QStringLiteral("/thumbs/link.jpg")));
        LadderPackageWriter withLink(ladder, dir.filePath(QStringLiteral("a.tar")));
        QVERIFY(!withLink.write());
        QVERIFY2(withLink.errorString().contains(QStringLiteral("link.jpg")), qPrintable(withLink.errorString()));
        QVERIFY(QFile::remove(ladder + QStringLiteral("/thumbs/link.jpg")));

        QVERIFY(QFile::remove(ladder + QStringLiteral("/master.m3u8")));
        LadderPackageWriter noMaster(ladder, dir.filePath(QStringLiteral("b.tar")));
        QVERIFY(!noMaster.write());
        QVERIFY2(noMaster.errorString().contains(QStringLiteral("master.m3u8")), qPrintable(noMaster.errorString()));
    }

    void cancelLeavesNoArchive()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ladder = makeLadder(dir.path());
        const QString archive = dir.filePath(QStringLiteral("package.tar"));
        LadderPackageWriter writer(ladder, archive);
        writer.setProgressCallback([&](qint64 done, qint64) {
            if (done > 1024 * 1024)
                writer.cancel();
        });
        QVERIFY(!writer.write());
        QVERIFY(writer.wasCancelled());
        QVERIFY(!QFileInfo::exists(archive));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    void fileChangedDuringPackagingIsAnError()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ladder = makeLadder(dir.path());
        const QString archive = dir.filePath(QStringLiteral("package.tar"));
        LadderPackageWriter writer(ladder, archive);
        bool truncated = false;
        writer.setProgressCallback([&](qint64 done, qint64) {
            // After the listing, before the last segment of 360p is read.
            if (!truncated && done > 0) {
                truncated = true;
                QFile::resize(ladder + QStringLiteral("/thumbs/poster.jpg"), 10);
            }
        });
        QVERIFY(!writer.write());
        QVERIFY2(writer.errorString().contains(QStringLiteral("changed")), qPrintable(writer.errorString()));
        QVERIFY(!QFileInfo::exists(archive));
    }
};

QTEST_GUILESS_MAIN(tst_LadderPackageWriter)
#include "tst_ladderpackagewriter.moc"
