// SegmentLoader against a local HTTP server: success with timings, byte
// ranges, retries with backoff, permanent errors, stalls and abandonment.
#include "localhttpserver.h"

#include "player/net/segmentloader.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Kinora::Player;

class TestSegmentLoader : public QObject
{
    Q_OBJECT

private:
    LocalHttpServer m_server;
    QNetworkAccessManager m_network;

    QUrl url(const char *path) const { return QUrl(m_server.baseUrl() + QLatin1String(path)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.listen());
        m_server.addRoute("/ok", [](const QByteArray &, const auto &) {
            return LocalHttpServer::Response{200, QByteArray(100000, 'x'), 0, 0};
        });
        m_server.addRoute("/late", [](const QByteArray &, const auto &) {
            return LocalHttpServer::Response{200, QByteArray("abc"), 0, 300};
        });
        m_server.addRoute("/missing", [](const QByteArray &, const auto &) {
            return LocalHttpServer::Response{404, QByteArray(), 0, 0};
        });
        m_server.addRoute("/range", [](const QByteArray &, const auto &) {
            return LocalHttpServer::Response{200, QByteArray("0123456789abcdef"), 0, 0};
        });
        m_server.addRoute("/slow", [](const QByteArray &, const auto &) {
            return LocalHttpServer::Response{200, QByteArray(200000, 's'), 20000, 0}; // 10 s at 20 kB/s
        });
        auto flakyCount = std::make_shared<int>(0);
        m_server.addRoute("/flaky", [flakyCount](const QByteArray &, const auto &) {
            return ++*flakyCount <= 2 ? LocalHttpServer::Response{503, QByteArray(), 0, 0}
                                      : LocalHttpServer::Response{200, QByteArray("finally"), 0, 0};
        });
        m_server.addRoute("/down", [](const QByteArray &, const auto &) {
            return LocalHttpServer::Response{500, QByteArray(), 0, 0};
        });
    }

    void loadsWithTimings()
    {
        SegmentLoader loader(&m_network);
        QSignalSpy loaded(&loader, &SegmentLoader::loaded);
        const quint64 id = loader.load(url("/late"));
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.first().at(0).toULongLong(), id);
        QCOMPARE(loaded.first().at(1).toByteArray(), QByteArray("abc"));
        const double seconds = loaded.first().at(2).toDouble();
        const double latency = loaded.first().at(3).toDouble();
        QVERIFY2(latency >= 0.28 && latency <= seconds, qPrintable(QStringLiteral("%1 %2").arg(latency).arg(seconds)));
        QVERIFY(!loader.isBusy());

        loader.load(url("/ok"));
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.last().at(1).toByteArray().size(), 100000);
    }

    void byteRange()
    {
        SegmentLoader loader(&m_network);
        QSignalSpy loaded(&loader, &SegmentLoader::loaded);
        loader.load(url("/range"), ByteRange{4, 10});
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.first().at(1).toByteArray(), QByteArray("abcd"));
        QCOMPARE(m_server.lastRangeHeader(), QByteArray("bytes=10-13"));
    }

    void retriesWithBackoff()
    {
        SegmentLoader::Settings settings;
        settings.initialBackoffMs = 100;
        SegmentLoader loader(&m_network, settings);
        QSignalSpy loaded(&loader, &SegmentLoader::loaded);
        QElapsedTimer timer;
        timer.start();
        loader.load(url("/flaky"));
        QVERIFY(loaded.wait(5000));
        QCOMPARE(loaded.first().at(1).toByteArray(), QByteArray("finally"));
        QCOMPARE(loader.attemptsOfLastLoad(), 3);
        QCOMPARE(m_server.requestCount("/flaky"), 3);
        QVERIFY2(timer.elapsed() >= 100 + 200, qPrintable(QString::number(timer.elapsed()))); // backoffs 100 ms, 200 ms
    }

    void givesUp()
    {
        SegmentLoader::Settings settings;
        settings.initialBackoffMs = 20;
        SegmentLoader loader(&m_network, settings);
        QSignalSpy failed(&loader, &SegmentLoader::failed);
        loader.load(url("/down"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(m_server.requestCount("/down"), 3);
        QVERIFY(failed.first().at(1).toString().contains(QStringLiteral("500")));
        QCOMPARE(failed.first().at(2).toBool(), false);

        loader.load(url("/missing"));
        QVERIFY(failed.wait(5000));
        QCOMPARE(m_server.requestCount("/missing"), 1); // 404 is not retried
        QVERIFY(failed.last().at(1).toString().contains(QStringLiteral("404")));
    }

    void abandonsWhatCannotFinishInTime()
    {
        SegmentLoader loader(&m_network);
        QSignalSpy failed(&loader, &SegmentLoader::failed);
        QSignalSpy loaded(&loader, &SegmentLoader::loaded);
        QSignalSpy abandoned(&loader, &SegmentLoader::abandoned);
        QElapsedTimer timer;
        timer.start();
        loader.load(url("/slow"), std::nullopt, 2.0); // 10 s of body, 2 s allowed
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(2).toBool(), true);
        QVERIFY(timer.elapsed() < 2500);
        QVERIFY(timer.elapsed() >= 500); // only after a quarter of the deadline
        QCOMPARE(loaded.size(), 0);
        QVERIFY(!loader.isBusy());
        // what was measured before giving up: some bytes at about 20 kB/s
        QCOMPARE(abandoned.size(), 1);
        const qint64 received = abandoned.first().at(1).toLongLong();
        const double seconds = abandoned.first().at(2).toDouble();
        QVERIFY(received > 0 && received < 200000);
        QVERIFY2(received / seconds < 60000.0, qPrintable(QStringLiteral("%1 B in %2 s").arg(received).arg(seconds)));
    }

    void stallTimesOut()
    {
        SegmentLoader::Settings settings;
        settings.transferTimeoutMs = 300;
        settings.maxAttempts = 1;
        SegmentLoader loader(&m_network, settings);
        QSignalSpy failed(&loader, &SegmentLoader::failed);
        m_server.addRoute("/stall", [](const QByteArray &, const auto &) {
            return LocalHttpServer::Response{200, QByteArray("never"), 0, 3000};
        });
        QElapsedTimer timer;
        timer.start();
        loader.load(url("/stall"));
        QVERIFY(failed.wait(5000));
        QVERIFY(timer.elapsed() < 2000);
        QCOMPARE(failed.first().at(2).toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestSegmentLoader)
#include "tst_segmentloader.moc"
