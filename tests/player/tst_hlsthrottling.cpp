// Adaptive playback under a changing link: a three-rung ladder (2 s
// segments, generated with the ffmpeg CLI) is served over local HTTP whose
// file rate is capped at 8 Mbit/s, then 600 kbit/s, then 8 Mbit/s again,
// while libmpv (vo=null, ao=null) plays the engine's feed. The first 20 s play
// without a stall; after the drop the engine is on the lowest rung within two
// segments, after the recovery it climbs again, and no stall lasts longer
// than one segment.
#include "localhttpserver.h"
#include "testladder.h"

#include "player/abr/abrregistry.h"
#include "player/hls/hlssession.h"
#include "player/mpv/mpvhlsplayer.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Kinora::Player;

namespace {
constexpr int Seconds = 60;
constexpr int Fast = 8000000 / 8;
constexpr int Slow = 600000 / 8;
}

class TestHlsThrottling : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    LocalHttpServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty(), "ffmpeg CLI needed");
        QString error;
        const QList<TestLadder::Rung> rungs = {{QStringLiteral("r0"), QStringLiteral("256x144"), 250},
                                               {QStringLiteral("r1"), QStringLiteral("480x270"), 800},
                                               {QStringLiteral("r2"), QStringLiteral("640x360"), 2000}};
        for (const TestLadder::Rung &rung : rungs)
            QVERIFY2(TestLadder::encode(m_dir.path(), rung, Seconds, 2, &error), qPrintable(error));
        QFile master(m_dir.filePath(QStringLiteral("master.m3u8")));
        QVERIFY(master.open(QIODevice::WriteOnly));
        master.write("#EXTM3U\n"
                     "#EXT-X-STREAM-INF:BANDWIDTH=350000,RESOLUTION=256x144\nr0/index.m3u8\n"
                     "#EXT-X-STREAM-INF:BANDWIDTH=950000,RESOLUTION=480x270\nr1/index.m3u8\n"
                     "#EXT-X-STREAM-INF:BANDWIDTH=2250000,RESOLUTION=640x360\nr2/index.m3u8\n");
        master.close();
        m_server.setRoot(m_dir.path());
        QVERIFY(m_server.listen());
    }

    void adaptsToTheLink()
    {
        QNetworkAccessManager network;
        MpvHlsPlayer player(&network, AbrRegistry::defaultId());
        QVERIFY2(player.initialize({{"vo", "null"}, {"ao", "null"}}), qPrintable(player.errorString()));
        HlsSession &session = player.session();
        session.setMaximumBufferSeconds(8.0);
        QString failure;
        bool ended = false;
        connect(&player, &MpvHlsPlayer::failed, this, [&](const QString &message) { failure = message; });
        connect(&player, &MpvHlsPlayer::endReached, this, [&] { ended = true; });
        QList<int> delivered;
        connect(&session, &HlsSession::segmentReady, this, [&](int, int rung, const QByteArray &) { delivered.append(rung); });
        auto rungList = [&](qsizetype from) {
            QStringList text;
            for (qsizetype i = from; i < delivered.size(); ++i)
                text.append(QString::number(delivered.at(i)));
            return text.join(u',');
        };

        m_server.setFileRate(Fast);
        player.open(QUrl(m_server.baseUrl() + QStringLiteral("/master.m3u8")));
        QTRY_VERIFY_WITH_TIMEOUT(player.position() >= 20.0 || !failure.isEmpty(), 60000);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        qInfo("8 Mbit/s: rungs %s, stalls %d", qPrintable(rungList(0)), player.stallCount());
        QCOMPARE(player.stallCount(), 0); // 20 s without a stall
        QVERIFY(delivered.contains(2));

        const qsizetype drop = delivered.size();
        m_server.setFileRate(Slow);
        QTRY_VERIFY_WITH_TIMEOUT((player.position() >= 28.0 && delivered.size() >= drop + 4) || !failure.isEmpty(), 60000);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        qInfo("600 kbit/s: rungs %s", qPrintable(rungList(drop)));
        qsizetype lowest = -1;
        for (qsizetype i = drop; i < delivered.size() && lowest < 0; ++i) {
            if (delivered.at(i) == 0)
                lowest = i - drop;
        }
        QVERIFY2(lowest >= 0 && lowest <= 2, qPrintable(rungList(drop)));

        const qsizetype restore = delivered.size();
        m_server.setFileRate(Fast);
        QTRY_VERIFY_WITH_TIMEOUT(ended || !failure.isEmpty(), 90000);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        qInfo("8 Mbit/s again: rungs %s; stalls %d, longest %.2f s, played to %.2f s", qPrintable(rungList(restore)),
              player.stallCount(), player.longestStallSeconds(), player.position());
        bool climbed = false;
        for (qsizetype i = restore; i < delivered.size(); ++i)
            climbed = climbed || delivered.at(i) > 0;
        QVERIFY2(climbed, qPrintable(rungList(restore)));
        QVERIFY2(player.longestStallSeconds() <= 2.0, qPrintable(QString::number(player.longestStallSeconds())));
        QVERIFY(player.position() > Seconds - 3.0);
    }
};

QTEST_GUILESS_MAIN(TestHlsThrottling)
#include "tst_hlsthrottling.moc"
