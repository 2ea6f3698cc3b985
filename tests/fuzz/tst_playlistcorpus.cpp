// Replays the committed fuzz corpus through the parser with the normal
// compiler: valid-* files must parse, invalid-* must fail, and every file
// must keep the invariants the fuzzer checks.
#include "tests/fuzz/playlistinvariants.h"

#include <QDir>
#include <QFile>
#include <QTest>

class TestPlaylistCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(KINORA_FUZZ_CORPUS_DIR));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 8, "the seed corpus is missing");
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }

    void corpus()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray data = file.readAll();
        bool parsed = false;
        const char *broken = Kinora::Player::Fuzz::checkPlaylist(data, &parsed);
        QVERIFY2(!broken, broken);
        const QString name = QFileInfo(path).fileName();
        if (name.startsWith(QLatin1String("valid-")))
            QVERIFY2(parsed, qPrintable(name));
        else if (name.startsWith(QLatin1String("invalid-")))
            QVERIFY2(!parsed, qPrintable(name));
    }
};

QTEST_GUILESS_MAIN(TestPlaylistCorpus)
#include "tst_playlistcorpus.moc"
