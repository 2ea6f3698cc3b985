// The hls.js-style dual EWMA bandwidth estimator.
#include "player/abr/bandwidthestimator.h"
#include "player/abr/ewma.h"

#include <QTest>

#include <cmath>

using namespace Kinora::Player;

class TestBandwidthEstimator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultUntilFirstSample()
    {
        BandwidthEstimator estimator;
        QVERIFY(!estimator.canEstimate());
        QCOMPARE(estimator.estimateBps(), 500000.0);
        estimator.setDefaultEstimate(3e6); // start-up from the last session's measurement
        QCOMPARE(estimator.estimateBps(), 3e6);
    }

    void constantRateConverges()
    {
        BandwidthEstimator estimator;
        // 1 MB in 2 s = 4 Mbit/s, many times
        for (int i = 0; i < 20; ++i)
            estimator.addSample(2.0, 1e6);
        QVERIFY(estimator.canEstimate());
        QVERIFY(std::abs(estimator.estimateBps() - 4e6) < 1.0);
    }

    void singleSampleIsUnbiased()
    {
        // The zero-start correction makes one sample estimate its own value.
        BandwidthEstimator estimator;
        estimator.addSample(0.5, 250000.0);
        QVERIFY(std::abs(estimator.estimateBps() - 4e6) < 1e-6);
    }

    void ewmaHalfLife()
    {
        Ewma ewma(3.0);
        ewma.sample(3.0, 100.0);
        // After one half-life of weight the raw average holds half of the sample,
        // and the bias correction restores the value.
        QVERIFY(std::abs(ewma.estimate() - 100.0) < 1e-9);
        ewma.sample(3.0, 0.0);
        // raw: 100*0.5 then *0.5 = 25; zero factor 1 - 0.25 = 0.75 -> 33.33
        QVERIFY(std::abs(ewma.estimate() - 100.0 / 3.0) < 1e-9);
        QCOMPARE(ewma.totalWeight(), 6.0);
    }

    void dropIsFollowedFasterThanRise()
    {
        BandwidthEstimator down;
        for (int i = 0; i < 10; ++i)
            down.addSample(1.0, 10e6 / 8.0); // 10 Mbit/s
        down.addSample(2.0, 2e6 / 8.0);      // 2 s at 1 Mbit/s
        BandwidthEstimator up;
        for (int i = 0; i < 10; ++i)
            up.addSample(1.0, 1e6 / 8.0);
        up.addSample(2.0, 20e6 / 8.0);       // 2 s at 10 Mbit/s
        // The minimum of fast and slow: after a drop the estimate sits much
        // closer to the new rate than after a rise of the same size.
        const double fallFraction = (10e6 - down.estimateBps()) / 9e6;
        const double riseFraction = (up.estimateBps() - 1e6) / 9e6;
        QVERIFY2(fallFraction > 0.3, qPrintable(QString::number(fallFraction)));
        QVERIFY2(riseFraction < fallFraction, qPrintable(QStringLiteral("%1 %2").arg(riseFraction).arg(fallFraction)));
        // The rise is limited by the slow (9 s) average, computed here by hand.
        const double a = std::pow(0.5, 1.0 / 9.0);
        const double slow = (10e6 * (1.0 - a * a) + a * a * 1e6 * (1.0 - std::pow(a, 10.0))) / (1.0 - std::pow(a, 12.0));
        QVERIFY2(std::abs(up.estimateBps() - slow) < 1.0, qPrintable(QStringLiteral("%1 vs %2").arg(up.estimateBps()).arg(slow)));
    }

    void shortDownloadsAreClamped()
    {
        // A 1 ms download counts as 50 ms, as in hls.js: 1000 bytes -> 160 kbit/s, not 8 Mbit/s.
        BandwidthEstimator estimator;
        estimator.addSample(0.001, 1000.0);
        QVERIFY(std::abs(estimator.estimateBps() - 160000.0) < 1e-6);
    }

    void resetForgets()
    {
        BandwidthEstimator estimator;
        estimator.addSample(1.0, 1e6);
        QVERIFY(estimator.canEstimate());
        estimator.reset();
        QVERIFY(!estimator.canEstimate());
        QCOMPARE(estimator.estimateBps(), 500000.0);
    }
};

QTEST_GUILESS_MAIN(TestBandwidthEstimator)
#include "tst_bandwidthestimator.moc"
