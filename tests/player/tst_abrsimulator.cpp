// The trace-driven ABR simulator: trace replay, download/buffer accounting and QoE_lin.
#include "player/abr/abrregistry.h"
#include "player/abr/abrsimulator.h"
#include "player/abr/throughputtrace.h"

#include <QTest>

#include <cmath>

using namespace Kinora::Player;

namespace {

// Plays a fixed rung sequence, to check the accounting by hand.
class FixedSequenceAbr : public AbrController
{
public:
    explicit FixedSequenceAbr(QList<int> rungs) : m_rungs(std::move(rungs)) {}
    QString id() const override { return QStringLiteral("fixed"); }
    AbrDecision decide(const AbrContext &context) override { return {m_rungs.at(context.segmentIndex), 0.0}; }

private:
    QList<int> m_rungs;
};

bool near(double a, double b, double tolerance = 1e-9)
{
    return std::abs(a - b) <= tolerance;
}

} // namespace

class TestAbrSimulator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void traceReplayWrapsAround()
    {
        QString error;
        const std::optional<ThroughputTrace> trace = ThroughputTrace::fromText("0.0\t1.0\n1.0\t3.0\n", QStringLiteral("t"), &error);
        QVERIFY2(trace, qPrintable(error));
        QCOMPARE(trace->periodSeconds(), 2.0);
        QVERIFY(near(trace->meanMbps(), 2.0));
        // 1 s at 1 Mbit/s, then 1 Mbit at 3 Mbit/s
        QVERIFY(near(trace->transferSeconds(0.0, 2e6), 1.0 + 1.0 / 3.0));
        // from 1.5 s: 0.5 s at 3, wrap, 1 s at 1, then 2.5 Mbit at 3
        QVERIFY(near(trace->transferSeconds(1.5, 5e6), 0.5 + 1.0 + 2.5 / 3.0));
        // many periods at once: 100 periods carry 400 Mbit
        QVERIFY(near(trace->transferSeconds(0.0, 400e6), 200.0, 1e-6));
        // payload efficiency stretches the time
        QVERIFY(near(trace->transferSeconds(0.0, 0.5e6, 0.5), 1.0));
        // later start times are taken modulo the period
        QVERIFY(near(trace->transferSeconds(10.0, 2e6), trace->transferSeconds(0.0, 2e6)));
    }

    void traceParsing()
    {
        QString error;
        QVERIFY(!ThroughputTrace::fromText("0\t1\nnonsense\n", QStringLiteral("bad"), &error));
        QVERIFY(error.contains(QStringLiteral("line 2")));
        QVERIFY(!ThroughputTrace::fromText("0\t1\n0\t2\n", QStringLiteral("bad"), &error));
        QVERIFY(!ThroughputTrace::fromText("0\t1\n", QStringLiteral("short"), &error));
        QVERIFY(ThroughputTrace::fromText("# comment\n5 1\n6 2\n\n", QStringLiteral("ok"), &error));
        const ThroughputTrace a = ThroughputTrace::randomWalk(42);
        const ThroughputTrace b = ThroughputTrace::randomWalk(42);
        const ThroughputTrace c = ThroughputTrace::randomWalk(43);
        QCOMPARE(a.meanMbps(), b.meanMbps());
        QVERIFY(a.meanMbps() != c.meanMbps());
        QVERIFY(a.sampleCount() >= 600);
    }

    void handComputedQoe()
    {
        SimulationSettings settings;
        settings.segmentCount = 4;
        const AbrSimulator simulator(settings);
        FixedSequenceAbr controller({0, 5, 5, 2});
        const SimulationResult result = simulator.run(controller, ThroughputTrace::constant(4.0));
        QCOMPARE(result.segments.size(), 4);

        const double rate = 4e6 * 0.95; // payload share of the link
        const double d0 = 0.08 + 300e3 * 4 / rate;
        const double d1 = 0.08 + 4300e3 * 4 / rate;
        const double d3 = 0.08 + 1200e3 * 4 / rate;
        // buffer: 0 -> 4 (stall d0) -> 4 (stall d1 - 4) -> 4 (stall d1 - 4) -> 4 - d3 + 4
        const double stall = d0 + 2 * (d1 - 4.0);
        QVERIFY(near(result.segments.at(0).downloadSeconds, d0));
        QVERIFY(near(result.segments.at(1).rebufferSeconds, d1 - 4.0));
        QVERIFY(near(result.segments.at(3).rebufferSeconds, 0.0));
        QVERIFY(near(result.segments.at(3).bufferAfterSeconds, 8.0 - d3));
        QVERIFY(near(result.rebufferSeconds, stall));
        QVERIFY(near(result.startupSeconds, d0));
        const double qoe = (0.3 + 4.3 + 4.3 + 1.2) - 4.3 * stall - (4.0 + 0.0 + 3.1);
        QVERIFY2(near(result.qoe, qoe), qPrintable(QStringLiteral("%1 vs %2").arg(result.qoe).arg(qoe)));
        QCOMPARE(result.switches, 2);
        QVERIFY(near(result.averageBitrateKbps, (300 + 4300 + 4300 + 1200) / 4.0));
        QVERIFY(near(result.rebufferRatio, stall / (stall + 16.0)));
    }

    void bufferCapWaitsInDrainSteps()
    {
        SimulationSettings settings;
        settings.segmentCount = 30;
        const AbrSimulator simulator(settings);
        FixedSequenceAbr controller(QList<int>(30, 0));
        const SimulationResult result = simulator.run(controller, ThroughputTrace::constant(100.0));
        double maxBuffer = 0.0;
        double waited = 0.0;
        for (const SegmentRecord &segment : result.segments) {
            maxBuffer = std::max(maxBuffer, segment.bufferAfterSeconds);
            waited += segment.capWaitSeconds;
            QVERIFY(std::fmod(segment.capWaitSeconds, 0.5) < 1e-9);
        }
        QVERIFY(maxBuffer <= 60.0);
        QVERIFY(maxBuffer > 59.0);
        QVERIFY(waited > 0.0);
    }

    void fastLinkEndsAtTopWithoutStalls()
    {
        const AbrSimulator simulator;
        const ThroughputTrace trace = ThroughputTrace::constant(10.0);
        for (const QString &id : AbrRegistry::ids()) {
            std::unique_ptr<AbrController> controller = AbrRegistry::create(id);
            const SimulationResult result = simulator.run(*controller, trace);
            QCOMPARE(result.segments.size(), 48);
            QVERIFY2(result.segments.last().rung == 5, qPrintable(id));
            // the only wait is the start-up download of the first segment
            QVERIFY2(near(result.rebufferSeconds, result.startupSeconds), qPrintable(id));
            QVERIFY(result.startupSeconds < 1.0);
            QVERIFY(result.qoe > 150.0);
        }
    }

    void slowLinkStaysAtBottomAndStalls()
    {
        const AbrSimulator simulator;
        const ThroughputTrace trace = ThroughputTrace::constant(0.2);
        const double download = 0.08 + 300e3 * 4 / (0.2e6 * 0.95);
        const double stall = download + 47 * (download - 4.0);
        for (const QString &id : AbrRegistry::ids()) {
            std::unique_ptr<AbrController> controller = AbrRegistry::create(id);
            const SimulationResult result = simulator.run(*controller, trace);
            for (const SegmentRecord &segment : result.segments)
                QVERIFY2(segment.rung == 0, qPrintable(id));
            QVERIFY2(near(result.rebufferSeconds, stall, 1e-6), qPrintable(id));
            QVERIFY(near(result.qoe, 48 * 0.3 - 4.3 * stall, 1e-6));
            QCOMPARE(result.switches, 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestAbrSimulator)
#include "tst_abrsimulator.moc"
