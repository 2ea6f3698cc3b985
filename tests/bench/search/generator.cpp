// search-bench-gen: fills a Kinora data directory with generated videos for
// the search benchmark. Runs the server's migrations on DATA_DIR/kinora.sqlite,
// creates one creator with a channel and N ready, public videos whose titles,
// tags and descriptions are drawn from word lists with a skewed (Zipf-like)
// distribution, and indexes them through the server's own FTS5 index class.
//   search-bench-gen --data-dir DIR [--count N] [--seed S]
#include "server/catalog/videoid.h"
#include "server/search/fts5searchindex.h"
#include "server/storage/database.h"
#include "server/storage/migrationrunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTextStream>

#include <cmath>

using namespace Kinora::Server;

namespace {

const QStringList Topics{
    QStringLiteral("guitar"), QStringLiteral("piano"), QStringLiteral("drums"), QStringLiteral("cooking"), QStringLiteral("pasta"),
    QStringLiteral("bread"), QStringLiteral("sourdough"), QStringLiteral("minecraft"), QStringLiteral("chess"), QStringLiteral("football"),
    QStringLiteral("basketball"), QStringLiteral("yoga"), QStringLiteral("running"), QStringLiteral("travel"), QStringLiteral("japan"),
    QStringLiteral("italy"), QStringLiteral("iceland"), QStringLiteral("camping"), QStringLiteral("hiking"), QStringLiteral("photography"),
    QStringLiteral("drone"), QStringLiteral("gardening"), QStringLiteral("tomatoes"), QStringLiteral("woodworking"), QStringLiteral("knitting"),
    QStringLiteral("painting"), QStringLiteral("watercolor"), QStringLiteral("python"), QStringLiteral("javascript"), QStringLiteral("linux"),
    QStringLiteral("kubernetes"), QStringLiteral("rust"), QStringLiteral("physics"), QStringLiteral("astronomy"), QStringLiteral("telescope"),
    QStringLiteral("chemistry"), QStringLiteral("history"), QStringLiteral("rome"), QStringLiteral("vikings"), QStringLiteral("cats"),
    QStringLiteral("dogs"), QStringLiteral("puppy"), QStringLiteral("aquarium"), QStringLiteral("birds"), QStringLiteral("cars"),
    QStringLiteral("electric"), QStringLiteral("bicycle"), QStringLiteral("motorcycle"), QStringLiteral("coffee"), QStringLiteral("espresso"),
    QStringLiteral("tea"), QStringLiteral("cocktails"), QStringLiteral("vegan"), QStringLiteral("barbecue"), QStringLiteral("sushi"),
    QStringLiteral("ramen"), QStringLiteral("makeup"), QStringLiteral("fashion"), QStringLiteral("sneakers"), QStringLiteral("budget"),
    QStringLiteral("investing"), QStringLiteral("stocks"), QStringLiteral("crypto"), QStringLiteral("podcast"), QStringLiteral("interview"),
    QStringLiteral("comedy"), QStringLiteral("standup"), QStringLiteral("magic"), QStringLiteral("origami"), QStringLiteral("lego"),
    QStringLiteral("robotics"), QStringLiteral("arduino"), QStringLiteral("raspberry"), QStringLiteral("synthesizer"), QStringLiteral("violin"),
    QStringLiteral("singing"), QStringLiteral("dance"), QStringLiteral("skateboard"), QStringLiteral("surfing"), QStringLiteral("skiing"),
    QStringLiteral("climbing"), QStringLiteral("fishing"), QStringLiteral("sailing"), QStringLiteral("mountains"), QStringLiteral("desert"),
    QStringLiteral("ocean"), QStringLiteral("volcano"), QStringLiteral("weather"), QStringLiteral("storm"), QStringLiteral("architecture"),
    QStringLiteral("interior"), QStringLiteral("tiny"), QStringLiteral("house"), QStringLiteral("vanlife"), QStringLiteral("productivity"),
    QStringLiteral("study"), QStringLiteral("math"), QStringLiteral("calculus"), QStringLiteral("language"), QStringLiteral("spanish")};
const QStringList Adjectives{
    QStringLiteral("easy"), QStringLiteral("quick"), QStringLiteral("ultimate"), QStringLiteral("beginner"), QStringLiteral("advanced"),
    QStringLiteral("perfect"), QStringLiteral("homemade"), QStringLiteral("cheap"), QStringLiteral("best"), QStringLiteral("worst"),
    QStringLiteral("relaxing"), QStringLiteral("epic"), QStringLiteral("honest"), QStringLiteral("complete"), QStringLiteral("simple"),
    QStringLiteral("secret"), QStringLiteral("classic"), QStringLiteral("modern"), QStringLiteral("weird"), QStringLiteral("amazing")};
const QStringList Forms{
    QStringLiteral("tutorial"), QStringLiteral("guide"), QStringLiteral("review"), QStringLiteral("vlog"), QStringLiteral("lesson"),
    QStringLiteral("tips"), QStringLiteral("challenge"), QStringLiteral("documentary"), QStringLiteral("livestream"), QStringLiteral("highlights"),
    QStringLiteral("explained"), QStringLiteral("compilation"), QStringLiteral("walkthrough"), QStringLiteral("recipe"), QStringLiteral("diary")};
const QStringList Filler{
    QStringLiteral("today"), QStringLiteral("we"), QStringLiteral("try"), QStringLiteral("the"), QStringLiteral("a"), QStringLiteral("and"),
    QStringLiteral("with"), QStringLiteral("my"), QStringLiteral("first"), QStringLiteral("time"), QStringLiteral("really"), QStringLiteral("how"),
    QStringLiteral("to"), QStringLiteral("make"), QStringLiteral("learn"), QStringLiteral("watch"), QStringLiteral("until"), QStringLiteral("end"),
    QStringLiteral("thanks"), QStringLiteral("for"), QStringLiteral("watching"), QStringLiteral("subscribe"), QStringLiteral("more"),
    QStringLiteral("episode"), QStringLiteral("part"), QStringLiteral("series"), QStringLiteral("week"), QStringLiteral("friends"),
    QStringLiteral("home"), QStringLiteral("city"), QStringLiteral("morning"), QStringLiteral("night"), QStringLiteral("year"),
    QStringLiteral("project"), QStringLiteral("update"), QStringLiteral("results"), QStringLiteral("mistakes"), QStringLiteral("setup")};
const QStringList Categories{
    QStringLiteral("autos"), QStringLiteral("comedy"), QStringLiteral("education"), QStringLiteral("entertainment"), QStringLiteral("film"),
    QStringLiteral("gaming"), QStringLiteral("howto"), QStringLiteral("music"), QStringLiteral("news"), QStringLiteral("people"),
    QStringLiteral("pets"), QStringLiteral("science"), QStringLiteral("sports"), QStringLiteral("travel"), QStringLiteral("other")};

const QStringList Syllables{
    QStringLiteral("ka"), QStringLiteral("lo"), QStringLiteral("mi"), QStringLiteral("ren"), QStringLiteral("ta"), QStringLiteral("vo"),
    QStringLiteral("sa"), QStringLiteral("ri"), QStringLiteral("bel"), QStringLiteral("dor"), QStringLiteral("an"), QStringLiteral("ex"),
    QStringLiteral("ul"), QStringLiteral("zen"), QStringLiteral("po"), QStringLiteral("qui"), QStringLiteral("mar"), QStringLiteral("tis"),
    QStringLiteral("gro"), QStringLiteral("fa"), QStringLiteral("ne"), QStringLiteral("ly"), QStringLiteral("ost"), QStringLiteral("ber"),
    QStringLiteral("cal"), QStringLiteral("vin"), QStringLiteral("hu"), QStringLiteral("jo"), QStringLiteral("wen"), QStringLiteral("ix")};

class Words
{
public:
    // The long tail of a real vocabulary (names, places, brands, jargon):
    // pseudo-words of two to four syllables.
    explicit Words(quint32 seed) : m_random(seed)
    {
        QSet<QString> seen;
        while (m_tail.size() < 30'000) {
            QString word;
            const int syllables = between(2, 4);
            for (int i = 0; i < syllables; ++i)
                word += uniform(Syllables);
            if (!seen.contains(word)) {
                seen.insert(word);
                m_tail.append(word);
            }
        }
    }
    // Half the draws Zipf-like, half uniform: a head of frequent words and a long tail.
    const QString &mixed(const QStringList &list) { return unit() < 0.5 ? pick(list) : uniform(list); }
    const QString &tail() { return mixed(m_tail); }

    // Zipf-like: index i drawn with weight ~ 1/(i+1).
    const QString &pick(const QStringList &list)
    {
        const double u = m_random.generateDouble();
        const int i = int(std::pow(double(list.size()) + 1.0, u)) - 1;
        return list.at(qBound(0, i, int(list.size()) - 1));
    }
    const QString &uniform(const QStringList &list) { return list.at(m_random.bounded(int(list.size()))); }
    int between(int low, int high) { return low + m_random.bounded(high - low + 1); }
    double unit() { return m_random.generateDouble(); }

private:
    QRandomGenerator m_random;
    QStringList m_tail;
};

QString title(Words &w)
{
    switch (w.between(0, 5)) {
    case 0: return QStringLiteral("How to %1 %2 %3 with %4").arg(w.uniform(Filler), w.mixed(Topics), w.mixed(Forms), w.tail());
    case 1: return QStringLiteral("%1 %2 %3 %4").arg(w.uniform(Adjectives), w.tail(), w.mixed(Topics), w.mixed(Forms));
    case 2: return QStringLiteral("%1 %2 for %3 - %4").arg(w.mixed(Topics), w.tail(), w.uniform(Adjectives), w.mixed(Forms));
    case 3: return QStringLiteral("My %1 %2 %3 (part %4)").arg(w.uniform(Adjectives), w.mixed(Topics), w.mixed(Forms)).arg(w.between(1, 12));
    case 4: return QStringLiteral("%1 %2: %3 %4").arg(w.tail(), w.tail(), w.mixed(Topics), w.mixed(Forms));
    default: return QStringLiteral("%1 %2 in %3 minutes").arg(w.mixed(Topics), w.mixed(Forms)).arg(w.between(2, 60));
    }
}

QString description(Words &w)
{
    QStringList words;
    const int count = w.between(20, 80);
    for (int i = 0; i < count; ++i) {
        const double u = w.unit();
        words << (u < 0.1 ? w.uniform(Topics) : u < 0.35 ? w.tail() : w.uniform(Filler));
    }
    return words.join(QLatin1Char(' '));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("data-dir"), QStringLiteral("Kinora data directory to fill."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("Number of videos (default 100000)."), QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 42)."), QStringLiteral("S"), QStringLiteral("42")});
    parser.process(app);
    QTextStream err(stderr);
    QTextStream out(stdout);
    const QString dataDir = parser.value(QStringLiteral("data-dir"));
    const int count = parser.value(QStringLiteral("count")).toInt();
    if (dataDir.isEmpty() || count <= 0) {
        err << "search-bench-gen: --data-dir DIR and a positive --count are required\n";
        return 2;
    }
    QDir().mkpath(dataDir);
    Storage::DatabaseSettings settings;
    settings.sqlitePath = QDir(dataDir).filePath(QStringLiteral("kinora.sqlite"));
    Storage::Database database(settings);
    Storage::MigrationRunner runner(database);
    QString error;
    if (runner.run(&error) < 0) {
        err << "search-bench-gen: " << error << "\n";
        return 1;
    }
    QSqlDatabase db = database.connection(&error);
    auto run = [&](QSqlQuery &q) {
        if (!q.exec()) {
            err << "search-bench-gen: " << q.lastError().text() << "\n";
            std::exit(1);
        }
    };
    QElapsedTimer timer;
    timer.start();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    db.transaction();
    QSqlQuery user(db);
    user.prepare(QStringLiteral("INSERT INTO users (username, username_key, display_name, password_hash, role, created_at, updated_at) "
                                "VALUES ('benchcreator', 'benchcreator', 'Bench Creator', '!', 'creator', ?, ?)"));
    user.addBindValue(now);
    user.addBindValue(now);
    run(user);
    const qint64 userId = user.lastInsertId().toLongLong();
    QSqlQuery channel(db);
    channel.prepare(QStringLiteral("INSERT INTO channels (owner_id, name, description, subscriber_count, created_at) VALUES (?, 'Bench Creator', '', 0, ?)"));
    channel.addBindValue(userId);
    channel.addBindValue(now);
    run(channel);
    const qint64 channelId = channel.lastInsertId().toLongLong();

    Words words(parser.value(QStringLiteral("seed")).toUInt());
    Search::Fts5SearchIndex index(database);
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral(
        "INSERT INTO videos (id, owner_id, channel_id, title, description, tags, category, language, visibility, state, "
        "published_at, duration_ms, created_at, updated_at, view_count) VALUES (?, ?, ?, ?, ?, ?, ?, 'en', 'public', 'ready', ?, ?, ?, ?, ?)"));
    for (int i = 0; i < count; ++i) {
        const QString t = title(words);
        const QString d = description(words);
        QStringList tags;
        const int tagCount = words.between(2, 8);
        while (tags.size() < tagCount) {
            const double u = words.unit();
            const QString tag = u < 0.5 ? words.uniform(Topics) : u < 0.8 ? words.tail() : words.uniform(Adjectives);
            if (!tags.contains(tag))
                tags << tag;
        }
        // Durations log-uniform from 20 s to 2 h; publish times over three years; views Pareto-like.
        const qint64 duration = qint64(20'000.0 * std::pow(360.0, words.unit()));
        const qint64 published = now - qint64(words.unit() * 3.0 * 365 * 86'400'000.0);
        const qint64 views = qint64(std::pow(10.0, 6.0 * std::pow(words.unit(), 2.0)));
        insert.addBindValue(Catalog::VideoId::generate());
        insert.addBindValue(userId);
        insert.addBindValue(channelId);
        insert.addBindValue(t);
        insert.addBindValue(d);
        insert.addBindValue(tags.join(QLatin1Char('\n')));
        insert.addBindValue(words.uniform(Categories));
        insert.addBindValue(published);
        insert.addBindValue(duration);
        insert.addBindValue(published);
        insert.addBindValue(published);
        insert.addBindValue(views);
        run(insert);
        if (!index.upsert(Search::SearchDocument{insert.lastInsertId().toLongLong(), t, tags, d}, &error)) {
            err << "search-bench-gen: " << error << "\n";
            return 1;
        }
    }
    if (!db.commit()) {
        err << "search-bench-gen: " << db.lastError().text() << "\n";
        return 1;
    }
    QSqlQuery optimize(db);
    optimize.exec(QStringLiteral("INSERT INTO video_search (video_search) VALUES ('optimize')"));
    optimize.exec(QStringLiteral("ANALYZE"));
    out << "search-bench-gen: " << count << " videos in " << timer.elapsed() << " ms\n";
    return 0;
}
