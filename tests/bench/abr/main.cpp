// abr-sim: replays throughput traces through every ABR rule and prints QoE_lin,
// rebuffer ratio, average bitrate and switches per trace and on average, with
// the ratio of the default rule to each baseline.
#include "player/abr/abrregistry.h"
#include "player/abr/abrsimulator.h"
#include "player/abr/throughputtrace.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Kinora::Player;

namespace {

struct Summary
{
    double qoe = 0.0;
    double rebufferRatio = 0.0;
    double bitrateKbps = 0.0;
    double switches = 0.0;
    double rebufferSeconds = 0.0;
    double smoothness = 0.0;
};

Summary mean(const QList<SimulationResult> &results)
{
    Summary s;
    for (const SimulationResult &r : results) {
        s.qoe += r.qoe;
        s.rebufferRatio += r.rebufferRatio;
        s.bitrateKbps += r.averageBitrateKbps;
        s.switches += r.switches;
        s.rebufferSeconds += r.rebufferSeconds;
        s.smoothness += r.smoothnessPenalty;
    }
    const double n = results.isEmpty() ? 1.0 : double(results.size());
    s.qoe /= n;
    s.rebufferRatio /= n;
    s.bitrateKbps /= n;
    s.switches /= n;
    s.rebufferSeconds /= n;
    s.smoothness /= n;
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("abr-sim"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("abr-sim", "Trace-driven ABR simulator and benchmark"));
    parser.addHelpOption();
    const QCommandLineOption tracesOption(QStringLiteral("traces"),
        QCoreApplication::translate("abr-sim", "Directory of throughput traces (default: the shared abr-traces)."),
        QStringLiteral("dir"), QStringLiteral(KINORA_SHARED_DIR "/abr-traces"));
    const QCommandLineOption algoOption(QStringLiteral("algo"),
        QCoreApplication::translate("abr-sim", "ABR rule id (repeatable; default: all)."), QStringLiteral("id"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
        QCoreApplication::translate("abr-sim", "Print JSON instead of tables."));
    const QCommandLineOption syntheticOption(QStringLiteral("synthetic"),
        QCoreApplication::translate("abr-sim", "Use N random-walk traces instead of a directory."), QStringLiteral("n"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
        QCoreApplication::translate("abr-sim", "First seed of the synthetic traces."), QStringLiteral("seed"),
        QStringLiteral("1000"));
    const QCommandLineOption quietOption(QStringLiteral("summary"),
        QCoreApplication::translate("abr-sim", "Print only the summary table."));
    const QCommandLineOption dumpOption(QStringLiteral("dump"),
        QCoreApplication::translate("abr-sim", "Print every segment of the sessions on traces whose name contains this."),
        QStringLiteral("trace"));
    const QCommandLineOption excludeOption(QStringLiteral("exclude"),
        QCoreApplication::translate("abr-sim", "Skip trace files whose name contains this (repeatable)."), QStringLiteral("text"));
    parser.addOptions({tracesOption, algoOption, jsonOption, syntheticOption, seedOption, quietOption, dumpOption, excludeOption});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList algorithms = parser.values(algoOption);
    if (algorithms.isEmpty())
        algorithms = AbrRegistry::ids();
    for (const QString &id : std::as_const(algorithms)) {
        if (!AbrRegistry::create(id)) {
            err << QCoreApplication::translate("abr-sim", "unknown ABR id %1; known: %2\n")
                       .arg(id, AbrRegistry::ids().join(QStringLiteral(", ")));
            return 2;
        }
    }

    QList<ThroughputTrace> traces;
    if (parser.isSet(syntheticOption)) {
        const int count = parser.value(syntheticOption).toInt();
        const quint64 seed = parser.value(seedOption).toULongLong();
        for (int i = 0; i < count; ++i)
            traces.append(ThroughputTrace::randomWalk(seed + quint64(i)));
    } else {
        const QDir dir(parser.value(tracesOption));
        const QStringList files = dir.entryList(QDir::Files, QDir::Name);
        for (const QString &file : files) {
            if (file.endsWith(QLatin1String(".md")) || file.startsWith(u'.'))
                continue;
            const QStringList excluded = parser.values(excludeOption);
            if (std::any_of(excluded.cbegin(), excluded.cend(), [&file](const QString &text) { return file.contains(text); }))
                continue;
            QString error;
            std::optional<ThroughputTrace> trace = ThroughputTrace::load(dir.filePath(file), &error);
            if (!trace) {
                err << error << '\n';
                return 1;
            }
            traces.append(*trace);
        }
    }
    if (traces.isEmpty()) {
        err << QCoreApplication::translate("abr-sim", "no traces found\n");
        return 1;
    }

    const AbrSimulator simulator;
    QElapsedTimer timer;
    timer.start();
    QHash<QString, QList<SimulationResult>> results;
    for (const QString &id : std::as_const(algorithms)) {
        std::unique_ptr<AbrController> controller = AbrRegistry::create(id);
        for (const ThroughputTrace &trace : std::as_const(traces))
            results[id].append(simulator.run(*controller, trace));
    }
    const qint64 elapsedMs = timer.elapsed();
    if (parser.isSet(dumpOption)) {
        for (const QString &id : std::as_const(algorithms)) {
            for (const SimulationResult &r : results.value(id)) {
                if (!r.trace.contains(parser.value(dumpOption)))
                    continue;
                out << id << ' ' << r.trace << " QoE " << r.qoe << '\n';
                for (qsizetype i = 0; i < r.segments.size(); ++i) {
                    const SegmentRecord &g = r.segments.at(i);
                    out << QStringLiteral("  %1 rung %2 delay %3 dl %4 rebuf %5 buffer %6\n")
                               .arg(i, 2).arg(g.rung).arg(g.requestedDelaySeconds, 6, 'f', 2)
                               .arg(g.downloadSeconds, 6, 'f', 2).arg(g.rebufferSeconds, 6, 'f', 2)
                               .arg(g.bufferAfterSeconds, 6, 'f', 2);
                }
            }
        }
    }
    const QString anchor = algorithms.contains(AbrRegistry::defaultId()) ? AbrRegistry::defaultId() : algorithms.first();

    if (parser.isSet(jsonOption)) {
        QJsonObject root;
        QJsonArray traceNames;
        for (const ThroughputTrace &trace : std::as_const(traces))
            traceNames.append(trace.name());
        root.insert(QStringLiteral("traces"), traceNames);
        QJsonObject algos;
        for (const QString &id : std::as_const(algorithms)) {
            const Summary s = mean(results.value(id));
            QJsonObject a;
            a.insert(QStringLiteral("meanQoe"), s.qoe);
            a.insert(QStringLiteral("meanRebufferRatio"), s.rebufferRatio);
            a.insert(QStringLiteral("meanBitrateKbps"), s.bitrateKbps);
            a.insert(QStringLiteral("meanSwitches"), s.switches);
            QJsonArray perTrace;
            for (const SimulationResult &r : results.value(id)) {
                perTrace.append(QJsonObject{{QStringLiteral("trace"), r.trace},
                                            {QStringLiteral("qoe"), r.qoe},
                                            {QStringLiteral("rebufferRatio"), r.rebufferRatio},
                                            {QStringLiteral("averageBitrateKbps"), r.averageBitrateKbps},
                                            {QStringLiteral("switches"), r.switches}});
            }
            a.insert(QStringLiteral("perTrace"), perTrace);
            algos.insert(id, a);
        }
        root.insert(QStringLiteral("algorithms"), algos);
        root.insert(QStringLiteral("anchor"), anchor);
        out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return 0;
    }

    if (!parser.isSet(quietOption)) {
        out << QStringLiteral("%1").arg(QStringLiteral("QoE per trace"), -44);
        for (const QString &id : std::as_const(algorithms))
            out << QStringLiteral("%1").arg(id, 11);
        out << '\n';
        for (qsizetype t = 0; t < traces.size(); ++t) {
            out << QStringLiteral("%1").arg(traces.at(t).name().left(44), -44);
            for (const QString &id : std::as_const(algorithms))
                out << QStringLiteral("%1").arg(results.value(id).at(t).qoe, 11, 'f', 2);
            out << '\n';
        }
        out << '\n';
    }
    out << QStringLiteral("%1 traces, %2 runs in %3 ms\n").arg(traces.size()).arg(traces.size() * algorithms.size()).arg(elapsedMs);
    out << QStringLiteral("%1%2%3%4%5%6%7%8%9\n")
               .arg(QStringLiteral("algorithm"), -12)
               .arg(QStringLiteral("mean QoE"), 10)
               .arg(QStringLiteral("rebuf %"), 9)
               .arg(QStringLiteral("kbit/s"), 9)
               .arg(QStringLiteral("switches"), 10)
               .arg(QStringLiteral("rebuf s"), 9)
               .arg(QStringLiteral("|dMbps|"), 9)
               .arg(QStringLiteral("%1/algo").arg(anchor), 14)
               .arg(QStringLiteral("gain"), 10);
    const Summary anchorSummary = mean(results.value(anchor));
    for (const QString &id : std::as_const(algorithms)) {
        const Summary s = mean(results.value(id));
        // The ratio only means something for positive QoE; the gain is relative to |QoE| of the baseline.
        const QString ratio = s.qoe > 0.0 && anchorSummary.qoe > 0.0 ? QString::number(anchorSummary.qoe / s.qoe, 'f', 3)
                                                                    : QStringLiteral("n/a");
        const QString gain = s.qoe != 0.0 ? QStringLiteral("%1%").arg(100.0 * (anchorSummary.qoe - s.qoe) / std::abs(s.qoe), 0, 'f', 1)
                                          : QStringLiteral("n/a");
        out << QStringLiteral("%1%2%3%4%5%6%7%8%9\n")
                   .arg(id, -12)
                   .arg(s.qoe, 10, 'f', 2)
                   .arg(100.0 * s.rebufferRatio, 9, 'f', 2)
                   .arg(s.bitrateKbps, 9, 'f', 0)
                   .arg(s.switches, 10, 'f', 1)
                   .arg(s.rebufferSeconds, 9, 'f', 2)
                   .arg(s.smoothness, 9, 'f', 2)
                   .arg(ratio, 14)
                   .arg(gain, 10);
    }
    return 0;
}
