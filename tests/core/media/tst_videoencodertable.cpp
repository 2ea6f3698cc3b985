#include "core/media/videoencodertable.h"

#include <QTest>

using namespace Kinora::Core;

// Hardware encoders are chosen by id; without the device (this machine has no
// GPU) the table must fall back to libx264 and say why.
class TestVideoEncoderTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableListsEveryId()
    {
        QStringList ids;
        for (const VideoEncoderTable::Entry &entry : VideoEncoderTable::entries())
            ids << entry.id;
        QCOMPARE(ids, (QStringList{QStringLiteral("libx264"), QStringLiteral("vaapi"), QStringLiteral("nvenc"), QStringLiteral("qsv")}));
    }

    void softwareNeedsNoDevice()
    {
        const VideoEncoderTable::Selection selection = VideoEncoderTable::select(QStringLiteral("libx264"));
        QCOMPARE(selection.entry.id, QStringLiteral("libx264"));
        QVERIFY(!selection.device);
        QVERIFY(selection.note.isEmpty());
        QVERIFY(avcodec_find_encoder_by_name(selection.entry.codecName));
    }

    void missingHardwareFallsBack_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("vaapi") << QStringLiteral("vaapi");
        QTest::newRow("nvenc") << QStringLiteral("nvenc");
        QTest::newRow("qsv") << QStringLiteral("qsv");
        QTest::newRow("unknown") << QStringLiteral("h264_magic");
    }

    void missingHardwareFallsBack()
    {
        QFETCH(QString, id);
        const VideoEncoderTable::Selection selection = VideoEncoderTable::select(id);
        if (selection.device) {
            QCOMPARE(selection.entry.id, id);   // a machine with the device: the hardware path is chosen
            return;
        }
        QCOMPARE(selection.entry.id, QStringLiteral("libx264"));
        QVERIFY(selection.note.contains(QLatin1String("using libx264")));
    }
};

QTEST_GUILESS_MAIN(TestVideoEncoderTable)
#include "tst_videoencodertable.moc"
