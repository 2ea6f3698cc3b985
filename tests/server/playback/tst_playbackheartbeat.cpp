// PlaybackHeartbeat::fromJson: what the server accepts from a player.
#include "server/playback/playbackheartbeat.h"

#include <QJsonObject>
#include <QTest>

using Kinora::Server::Playback::PlaybackHeartbeat;

class tst_PlaybackHeartbeat : public QObject
{
    Q_OBJECT

    static QJsonObject valid()
    {
        return QJsonObject{{QStringLiteral("positionMs"), 12000}, {QStringLiteral("rendition"), QStringLiteral("720p")},
                           {QStringLiteral("bitrate"), 2500000}, {QStringLiteral("bufferMs"), 8000},
                           {QStringLiteral("stalls"), 2}, {QStringLiteral("stallMs"), 900},
                           {QStringLiteral("bandwidthBps"), 9000000}, {QStringLiteral("droppedFrames"), 3},
                           {QStringLiteral("rungSwitches"), 1}};
    }

private Q_SLOTS:
    void acceptsPlausibleValues()
    {
        QString error;
        auto beat = PlaybackHeartbeat::fromJson(valid(), &error);
        QVERIFY2(beat, qPrintable(error));
        QCOMPARE(beat->positionMs, 12000);
        QCOMPARE(beat->rendition, QStringLiteral("720p"));
        QCOMPARE(beat->stalls, 2);
        QCOMPARE(beat->stallMs, 900);
        QVERIFY(!beat->startupMs);
        QJsonObject withStartup = valid();
        withStartup.insert(QStringLiteral("startupMs"), 450);
        beat = PlaybackHeartbeat::fromJson(withStartup, &error);
        QVERIFY(beat);
        QCOMPARE(beat->startupMs.value_or(-1), 450);
    }

    void refusesNonsense_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("negative position") << QStringLiteral("positionMs") << QJsonValue(-1);
        QTest::newRow("fractional position") << QStringLiteral("positionMs") << QJsonValue(1.25);
        QTest::newRow("position as text") << QStringLiteral("positionMs") << QJsonValue(QStringLiteral("5"));
        QTest::newRow("missing bitrate") << QStringLiteral("bitrate") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("huge buffer") << QStringLiteral("bufferMs") << QJsonValue(1e12);
        QTest::newRow("negative stalls") << QStringLiteral("stalls") << QJsonValue(-1);
        QTest::newRow("absurd bandwidth") << QStringLiteral("bandwidthBps") << QJsonValue(1e13);
        QTest::newRow("startup of an hour") << QStringLiteral("startupMs") << QJsonValue(3'600'000);
        QTest::newRow("empty rendition") << QStringLiteral("rendition") << QJsonValue(QString());
        QTest::newRow("long rendition") << QStringLiteral("rendition") << QJsonValue(QString(65, u'x'));
        QTest::newRow("boolean switches") << QStringLiteral("rungSwitches") << QJsonValue(true);
    }

    void refusesNonsense()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QJsonObject body = valid();
        if (value.isUndefined())
            body.remove(field);
        else
            body.insert(field, value);
        QString error;
        QVERIFY(!PlaybackHeartbeat::fromJson(body, &error));
        QVERIFY2(error.contains(field), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(tst_PlaybackHeartbeat)
#include "tst_playbackheartbeat.moc"
