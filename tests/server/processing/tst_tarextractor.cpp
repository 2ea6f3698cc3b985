#include "server/processing/tarextractor.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using Kinora::Server::Processing::TarExtractor;

namespace {
// One ustar header block followed by the data and its padding.
QByteArray entry(const QByteArray &name, const QByteArray &data, char type = '0', const QByteArray &linkName = {},
                 bool validChecksum = true)
{
    QByteArray header(512, '\0');
    const auto put = [&header](int offset, const QByteArray &value) { header.replace(offset, value.size(), value); };
    put(0, name.left(100));
    put(100, "0000644");
    put(108, "0000000");
    put(116, "0000000");
    put(124, QByteArray::number(data.size(), 8).rightJustified(11, '0'));
    put(136, "00000000000");
    put(148, "        ");
    header[156] = type;
    put(157, linkName);
    put(257, QByteArray("ustar\0", 6));
    put(263, "00");
    int sum = 0;
    for (const char c : header)
        sum += static_cast<unsigned char>(c);
    if (!validChecksum)
        sum += 1;
    put(148, QByteArray::number(sum, 8).rightJustified(6, '0') + QByteArray("\0 ", 2));
    QByteArray block = header + data;
    block.append(QByteArray((512 - data.size() % 512) % 512, '\0'));
    return block;
}

QByteArray end()
{
    return QByteArray(1024, '\0');
}
} // namespace

// The bounded ustar reader that unpacks studio packages.
class tst_TarExtractor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    // Writes the archive and extracts it into a fresh folder; returns the folder (empty when refused).
    QString extract(const QByteArray &archive, QString *error, qint64 maxEntryBytes = 1 << 20)
    {
        const QString path = m_dir.filePath(QStringLiteral("a%1.tar").arg(++m_count));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(archive) != archive.size())
            return {};
        file.close();
        const QString out = m_dir.filePath(QStringLiteral("out%1").arg(m_count));
        TarExtractor tar(maxEntryBytes, 100);
        if (!tar.extract(path, out)) {
            *error = tar.errorString();
            return {};
        }
        return out;
    }

private Q_SLOTS:
    void extractsFilesAndFolders()
    {
        QString error;
        const QString out = extract(entry("./", {}, '5') + entry("./720p/", {}, '5') + entry("./master.m3u8", "#EXTM3U\n")
                                        + entry("./720p/seg_00000.ts", QByteArray(1000, 'x')) + end(),
                                    &error);
        QVERIFY2(!out.isEmpty(), qPrintable(error));
        QFile master(out + QStringLiteral("/master.m3u8"));
        QVERIFY(master.open(QIODevice::ReadOnly));
        QCOMPARE(master.readAll(), QByteArray("#EXTM3U\n"));
        QCOMPARE(QFileInfo(out + QStringLiteral("/720p/seg_00000.ts")).size(), 1000);
    }

    void refusesUnsafeEntries_data()
    {
        QTest::addColumn<QByteArray>("archive");
        QTest::addColumn<QString>("reason");
        QTest::newRow("parent") << (entry("../evil", "x") + end()) << QStringLiteral("\"..\"");
        QTest::newRow("nested parent") << (entry("720p/../../evil", "x") + end()) << QStringLiteral("\"..\"");
        QTest::newRow("absolute") << (entry("/etc/evil", "x") + end()) << QStringLiteral("relative");
        QTest::newRow("symlink") << (entry("link", {}, '2', "/etc/passwd") + end()) << QStringLiteral("links");
        QTest::newRow("hard link") << (entry("link", {}, '1', "master.m3u8") + end()) << QStringLiteral("links");
        QTest::newRow("char device") << (entry("dev", {}, '3') + end()) << QStringLiteral("device");
        QTest::newRow("fifo") << (entry("fifo", {}, '6') + end()) << QStringLiteral("FIFO");
        QTest::newRow("pax header") << (entry("pax", "30 path=x\n", 'x') + end()) << QStringLiteral("not supported");
        QTest::newRow("oversized") << (entry("big.ts", QByteArray(2000, 'x')) + end()) << QStringLiteral("more than");
        QTest::newRow("checksum") << (entry("a.ts", "x", '0', {}, false) + end()) << QStringLiteral("ustar");
        QTest::newRow("truncated") << entry("a.ts", QByteArray(600, 'x')).left(700) << QStringLiteral("ends inside");
        QTest::newRow("duplicate") << (entry("a.ts", "x") + entry("a.ts", "y") + end()) << QStringLiteral("twice");
        QTest::newRow("not tar") << QByteArray(2048, 'z') << QStringLiteral("ustar");
    }

    void refusesUnsafeEntries()
    {
        QFETCH(QByteArray, archive);
        QFETCH(QString, reason);
        QString error;
        const QString out = extract(archive, &error, 1024);
        QVERIFY(out.isEmpty());
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("evil"))));
    }
};

QTEST_GUILESS_MAIN(tst_TarExtractor)
#include "tst_tarextractor.moc"
