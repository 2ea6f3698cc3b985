#include "server/cli/seeddemocommand.h"

#include "core/media/hlstranscoder.h"
#include "core/media/testpatternwriter.h"
#include "server/accounts/accountservice.h"
#include "server/app/servercontext.h"
#include "server/catalog/channelservice.h"
#include "server/catalog/videoservice.h"
#include "server/cli/configarguments.h"
#include "server/cli/exitcode.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

extern "C" {
#include <libavutil/log.h>
}

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <iterator>
#include <thread>

namespace Kinora::Server::Cli {

namespace {

using Catalog::Video;
using Catalog::VideoState;
using Core::TestPatternSpec;

QString tr(const char *text)
{
    return QCoreApplication::translate("Kinora::Server::Cli::SeedDemoCommand", text);
}

const QString kDemoUser = QStringLiteral("demo");

// Set from the SIGINT/SIGTERM handler; only an atomic flag is safe to touch there.
std::atomic_bool s_interrupted{false};

extern "C" void onSeedInterrupt(int)
{
    s_interrupted.store(true);
}

// Installs the handler for the lifetime of the command and restores the previous one.
class InterruptGuard
{
public:
    InterruptGuard()
        : m_previousInt(std::signal(SIGINT, onSeedInterrupt))
        , m_previousTerm(std::signal(SIGTERM, onSeedInterrupt))
    {
        s_interrupted.store(false);
    }
    ~InterruptGuard()
    {
        std::signal(SIGINT, m_previousInt);
        std::signal(SIGTERM, m_previousTerm);
    }
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

private:
    void (*m_previousInt)(int);
    void (*m_previousTerm)(int);
};

// One demo video: what the catalog shows and what the picture and tone are.
struct DemoVideo
{
    const char *title;
    const char *description;
    const char *tags;      // comma-separated
    const char *category;  // falls back to "other" (or the first category) when not configured
    TestPatternSpec::Pattern pattern;
    double toneHz;
    int extraSeconds;      // varies the durations around --seconds
};

const DemoVideo kDemoVideos[] = {
    {QT_TRANSLATE_NOOP("Kinora::Server::Cli::SeedDemoCommand", "The Moving Test Card"),
     QT_TRANSLATE_NOOP("Kinora::Server::Cli::SeedDemoCommand",
                       "A classic moving test card with a running clock and a beep every second: "
                       "check that picture and sound stay in sync while the player switches quality."),
     "test card,sync,calibration", "education", TestPatternSpec::Pattern::TestSrc2, 440.0, 0},
    {QT_TRANSLATE_NOOP("Kinora::Server::Cli::SeedDemoCommand", "Colour Bars and a Steady Tone"),
     QT_TRANSLATE_NOOP("Kinora::Server::Cli::SeedDemoCommand",
                       "SMPTE colour bars, the broadcast engineer's favourite wallpaper, "
                       "with a 1 kHz reference tone."),
     "colour bars,smpte,broadcast", "howto", TestPatternSpec::Pattern::SmpteBars, 1000.0, 2},
    {QT_TRANSLATE_NOOP("Kinora::Server::Cli::SeedDemoCommand", "Game of Life, Live"),
     QT_TRANSLATE_NOOP("Kinora::Server::Cli::SeedDemoCommand",
                       "Conway's Game of Life grows, moulds and dies on a random field. "
                       "A stress test for encoders: fine detail that changes every frame."),
     "game of life,cellular automaton,maths", "science", TestPatternSpec::Pattern::Life, 330.0, -2},
    {QT_TRANSLATE_NOOP("Kinora::Server::Cli::SeedDemoCommand", "Into the Mandelbrot Set"),
     QT_TRANSLATE_NOOP("Kinora::Server::Cli::SeedDemoCommand",
                       "A slow zoom into the Mandelbrot set. Relax, the fractal goes on forever; "
                       "this video does not."),
     "fractal,mandelbrot,zoom", "science", TestPatternSpec::Pattern::Mandelbrot, 523.25, 4},
    {QT_TRANSLATE_NOOP("Kinora::Server::Cli::SeedDemoCommand", "Gradient Drift"),
     QT_TRANSLATE_NOOP("Kinora::Server::Cli::SeedDemoCommand",
                       "Soft colour gradients drifting across the screen, with a low hum. "
                       "Smooth gradients are where banding shows first."),
     "ambient,gradients,colour", "music", TestPatternSpec::Pattern::Gradients, 261.63, 0},
    {QT_TRANSLATE_NOOP("Kinora::Server::Cli::SeedDemoCommand", "Rule 110"),
     QT_TRANSLATE_NOOP("Kinora::Server::Cli::SeedDemoCommand",
                       "An elementary cellular automaton that is Turing complete, scrolling by "
                       "one line per frame."),
     "cellular automaton,rule 110,retro", "gaming", TestPatternSpec::Pattern::CellAuto, 392.0, -1},
};
constexpr int kDemoVideoCount = int(std::size(kDemoVideos));

struct Options
{
    int videos = 6;
    double seconds = 8.0;
    QList<int> ladder{360, 240};
    QString password;
};

int fail(int code, const QString &message)
{
    QTextStream(stderr) << "kinora-server seed-demo: " << message << '\n';
    return code;
}

QString usage()
{
    return tr("Usage: kinora-server seed-demo [--videos N] [--seconds S] [--ladder 360,240] [--password TEXT]\n"
              "  creates the creator account \"demo\" (with a random password, printed once, unless\n"
              "  --password is given), its channel and N (default 6) public videos of generated test\n"
              "  patterns, about S (default 8) seconds long each, transcoded to the ladder's heights.\n"
              "  Running it again adds only what is missing.\n"
              "Exit codes: 0 done, 1 failure, 2 bad arguments, 3 \"demo\" exists without the role creator,\n"
              "4 weak password\n\n")
        + ConfigArguments::helpText();
}

bool parseOptions(const QStringList &args, Options *options, QString *error)
{
    const QStringList names{QStringLiteral("--videos"), QStringLiteral("--seconds"), QStringLiteral("--ladder"),
                            QStringLiteral("--password")};
    for (qsizetype i = 0; i < args.size(); ++i) {
        // "--name value" or "--name=value"
        const QString &arg = args.at(i);
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        const QString name = eq > 0 ? arg.left(eq) : arg;
        if (!names.contains(name)) {
            *error = tr("unexpected argument \"%1\"").arg(arg);
            return false;
        }
        if (eq < 0 && i + 1 >= args.size()) {
            *error = tr("%1 needs a value").arg(name);
            return false;
        }
        const QString value = eq > 0 ? arg.mid(eq + 1) : args.at(++i);
        bool ok = false;
        if (name == QLatin1String("--videos")) {
            options->videos = value.toInt(&ok);
            if (!ok || options->videos < 1 || options->videos > 100) {
                *error = tr("--videos must be a number from 1 to 100");
                return false;
            }
        } else if (name == QLatin1String("--seconds")) {
            options->seconds = value.toDouble(&ok);
            if (!ok || options->seconds < 2.0 || options->seconds > 600.0) {
                *error = tr("--seconds must be a number from 2 to 600");
                return false;
            }
        } else if (name == QLatin1String("--ladder")) {
            options->ladder.clear();
            for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const int height = QString(part).remove(QLatin1Char('p')).trimmed().toInt(&ok);
                if (!ok || height < 144 || height > 1080) {
                    options->ladder.clear();
                    break;
                }
                options->ladder.append(height);
            }
            if (options->ladder.isEmpty()) {
                *error = tr("--ladder expects heights from 144 to 1080, such as 360,240");
                return false;
            }
        } else {
            options->password = value;
        }
    }
    return true;
}

QString randomPassword()
{
    QByteArray bytes(12, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// The title of the index-th demo video; beyond the table the titles repeat as parts.
QString titleFor(int index)
{
    const QString title = tr(kDemoVideos[index % kDemoVideoCount].title);
    const int round = index / kDemoVideoCount;
    return round == 0 ? title : tr("%1 (part %2)").arg(title).arg(round + 1);
}

// Encodes the test pattern into a file, then builds the HLS ladder from it into the video's media folder.
bool buildMedia(const DemoVideo &demo, const QString &title, double seconds, const Options &options,
                const QString &tempDir, const QString &mediaFolder, QString *error)
{
    QTemporaryDir work(QDir(tempDir).filePath(QStringLiteral("seed-demo-XXXXXX")));
    if (!work.isValid()) {
        *error = tr("cannot create a temporary folder in %1: %2").arg(tempDir, work.errorString());
        return false;
    }
    const int height = *std::max_element(options.ladder.cbegin(), options.ladder.cend());
    TestPatternSpec spec;
    spec.pattern = demo.pattern;
    spec.height = height;
    spec.width = int(std::lround(height * 16.0 / 9.0 / 2.0)) * 2;
    spec.frameRate = AVRational{25, 1};
    spec.durationSeconds = seconds;
    spec.label = title;
    spec.toneHz = demo.toneHz;
    const QString source = work.filePath(QStringLiteral("source.mp4"));
    Core::TestPatternWriter writer(spec);
    if (!writer.write(source)) {
        *error = writer.errorString();
        return false;
    }

    Core::TranscodeSettings settings;
    settings.ladder.heights = options.ladder;
    Core::HlsTranscoder transcoder;
    transcoder.setInput(source);
    transcoder.setOutputDirectory(mediaFolder);
    transcoder.setSettings(settings);
    QObject::connect(&transcoder, &Core::HlsTranscoder::warningRaised, &transcoder, [](const QString &warning) {
        QTextStream(stderr) << tr("      warning: %1\n").arg(warning);
    });
    // SIGINT/SIGTERM cancel the transcode, which then removes its partial folder.
    std::atomic_bool done{false};
    std::thread watcher([&transcoder, &done] {
        while (!done.load()) {
            if (s_interrupted.load())
                transcoder.cancel();
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
    const bool ok = transcoder.run();
    done.store(true);
    watcher.join();
    if (!ok) {
        *error = transcoder.errorString();
        return false;
    }
    return true;
}

QString categoryFor(const DemoVideo &demo, const QStringList &categories)
{
    const QString wanted = QString::fromLatin1(demo.category);
    if (categories.contains(wanted))
        return wanted;
    if (categories.contains(QStringLiteral("other")))
        return QStringLiteral("other");
    return categories.value(0);
}

} // namespace

int runSeedDemoCommand(const QStringList &args)
{
    if (!args.isEmpty() && (args.constFirst() == QLatin1String("--help") || args.constFirst() == QLatin1String("-h"))) {
        QTextStream(stdout) << usage();
        return ExitSuccess;
    }
    ServerConfig config;
    QStringList rest;
    QString error;
    if (!ConfigArguments::parse(args, QProcessEnvironment::systemEnvironment(), &config, &rest, &error))
        return fail(ExitUsage, error);
    Options options;
    if (!parseOptions(rest, &options, &error))
        return fail(ExitUsage, error + QLatin1Char('\n') + usage());

    av_log_set_level(AV_LOG_ERROR);   // FFmpeg's chatter would drown the progress lines
    ServerContext context(config);
    if (!context.open(&error))
        return fail(ExitFailure, error);
    QTextStream out(stdout);

    // The account: created once; an existing one keeps its password.
    auto user = context.accounts().findUserByName(kDemoUser);
    if (!user && user.error().status != 404)
        return fail(ExitFailure, user.error().message);
    if (!user) {
        const QString password = options.password.isEmpty() ? randomPassword() : options.password;
        if (const QString problem = context.accounts().checkPassword(password); !problem.isEmpty())
            return fail(ExitInvalid, problem);
        user = context.accounts().createUser(kDemoUser, password, tr("Kinora Demo"), Accounts::Role::Creator);
        if (!user)
            return fail(ExitFailure, user.error().message);
        // Shown now, so that a later failure or interruption does not lose it.
        if (options.password.isEmpty())
            out << tr("created the creator account %1 (id %2); sign in with the password %3 (shown only this once)\n")
                       .arg(kDemoUser).arg(user->id).arg(password);
        else
            out << tr("created the creator account %1 (id %2) with the password given by --password\n").arg(kDemoUser).arg(user->id);
        out.flush();
    } else {
        // Someone may have registered the name: their account is not promoted behind the admin's back.
        if (!Accounts::roleAtLeast(user->role, Accounts::Role::Creator))
            return fail(ExitConflict, tr("the account %1 exists with the role %2, which cannot publish videos; "
                                         "give it the role creator (admin set-role) or remove it first")
                                          .arg(kDemoUser, Accounts::roleName(user->role)));
        out << tr("the account %1 exists already (id %2); its password is unchanged\n").arg(kDemoUser).arg(user->id);
    }
    const Catalog::Viewer viewer{user->id, user->role};

    const auto channel = context.channels().ensureForUser(user->id);
    if (!channel)
        return fail(ExitFailure, channel.error().message);
    if (channel->description.isEmpty()) {
        const auto updated = context.channels().update(
            viewer, channel->id, std::nullopt,
            tr("Generated demo content of this Kinora server: test patterns with a tone, "
               "transcoded into an HLS ladder like any upload."));
        if (!updated)
            return fail(ExitFailure, updated.error().message);
    }
    out << tr("channel \"%1\" (id %2)\n").arg(channel->name).arg(channel->id);

    // What a previous run left: demo videos are recognised by their titles.
    QHash<QString, Video> existing;
    QString cursor;
    do {
        const auto page = context.videos().listOwn(viewer, 100, cursor);
        if (!page)
            return fail(ExitFailure, page.error().message);
        for (const Video &video : page->items)
            existing.insert(video.title, video);
        cursor = page->nextCursor;
    } while (!cursor.isEmpty());

    const QStringList &categories = context.videos().settings().categories;
    int created = 0;
    int kept = 0;
    QElapsedTimer total;
    total.start();
    const InterruptGuard interruptGuard;
    for (int i = 0; i < options.videos; ++i) {
        if (s_interrupted.load())
            return fail(ExitFailure, tr("interrupted; run seed-demo again to add the missing videos"));
        const DemoVideo &demo = kDemoVideos[i % kDemoVideoCount];
        const QString title = titleFor(i);
        const QString prefix = QStringLiteral("[%1/%2] ").arg(i + 1).arg(options.videos);
        const auto found = existing.constFind(title);
        if (found != existing.cend() && found->state == VideoState::Ready
            && QFileInfo::exists(context.videos().mediaFolder(found->id) + QStringLiteral("/master.m3u8"))) {
            out << prefix << tr("%1: exists (id %2), skipped\n").arg(title, found->id);
            out.flush();
            ++kept;
            continue;
        }

        QString id;
        if (found != existing.cend()) {
            id = found->id;   // left unfinished by an interrupted run: its media is built again
        } else {
            Catalog::VideoChanges fields;
            fields.title = title;
            fields.description = tr(demo.description);
            fields.tags = QString::fromLatin1(demo.tags).split(QLatin1Char(','));
            fields.category = categoryFor(demo, categories);
            fields.language = QStringLiteral("en");
            fields.visibility = Catalog::Visibility::Public;
            const auto video = context.videos().create(viewer, fields);
            if (!video)
                return fail(ExitFailure, tr("%1: %2").arg(title, video.error().message));
            id = video->id;
        }
        if (const auto moved = context.videos().setProcessingState(id, VideoState::Processing); !moved)
            return fail(ExitFailure, moved.error().message);

        const double seconds = std::max(2.0, options.seconds + demo.extraSeconds);
        QStringList rungs;
        for (int height : std::as_const(options.ladder))
            rungs.append(QStringLiteral("%1p").arg(height));
        out << prefix << tr("%1 (id %2): %3 s of %4, transcoding to %5\n")
                             .arg(title, id)
                             .arg(seconds, 0, 'f', 1)
                             .arg(Core::TestPatternSource::patternName(demo.pattern), rungs.join(QLatin1Char(',')));
        out.flush();
        QElapsedTimer timer;
        timer.start();
        if (!buildMedia(demo, title, seconds, options, context.config().http.tempDir, context.videos().mediaFolder(id), &error)) {
            // Left failed, not hidden: the next run builds it again.
            if (s_interrupted.load())
                error = tr("interrupted; run seed-demo again to finish it");
            context.videos().setProcessingState(id, VideoState::Failed, error);
            return fail(ExitFailure, tr("%1: %2").arg(title, error));
        }
        const auto ready = context.videos().setProcessingState(id, VideoState::Ready, {}, qint64(std::llround(seconds * 1000.0)));
        if (!ready)
            return fail(ExitFailure, ready.error().message);
        out << prefix << tr("ready in %1 s\n").arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1);
        out.flush();
        ++created;
    }

    out << tr("seed-demo: %1 new, %2 existing demo videos (%3 s)\n")
               .arg(created)
               .arg(kept)
               .arg(double(total.elapsed()) / 1000.0, 0, 'f', 1);
    return ExitSuccess;
}

} // namespace Kinora::Server::Cli
