#include "server/search/postgressearchindex.h"

#include "server/search/fts5searchindex.h"
#include "server/storage/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Kinora::Server::Search {

namespace {
constexpr qint64 DayMs = 86'400'000;

// Listed: public, ready and published (the publish time may be in the future
// for a scheduled video, which stays hidden until then).
const QString ListedCondition = QStringLiteral(
    "v.visibility = 'public' AND v.state = 'ready' AND v.published_at IS NOT NULL AND v.published_at <= :now");

// QPSQL binds a null QString (an empty list joined, say) as NULL; the columns are NOT NULL.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}
}

PostgresSearchIndex::PostgresSearchIndex(Storage::Database &database)
    : m_database(database)
{
}

QString PostgresSearchIndex::tsQueryExpression(const QStringList &words, bool lastIsPrefix, bool titleOnly)
{
    QStringList lexemes;
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString word = words.at(i);
        // words() keeps letters and digits only; quoted safely anyway.
        word.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        word.replace(QLatin1Char('\''), QStringLiteral("''"));
        QString lexeme = QLatin1Char('\'') + word + QLatin1Char('\'');
        const bool prefix = lastIsPrefix && i == words.size() - 1;
        if (prefix || titleOnly)
            lexeme += QLatin1Char(':');
        if (prefix)
            lexeme += QLatin1Char('*');
        if (titleOnly)
            lexeme += QLatin1Char('A');
        lexemes.append(lexeme);
    }
    return lexemes.join(QStringLiteral(" & "));
}

bool PostgresSearchIndex::upsert(const SearchDocument &document, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO video_search_pg (seq, title, tags, description) VALUES (?, ?, ?, ?) "
                                 "ON CONFLICT (seq) DO UPDATE SET title = EXCLUDED.title, tags = EXCLUDED.tags, "
                                 "description = EXCLUDED.description"));
    query.addBindValue(document.key);
    query.addBindValue(notNull(document.title));
    query.addBindValue(notNull(document.tags.join(QLatin1Char(' '))));
    query.addBindValue(notNull(document.description));
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

bool PostgresSearchIndex::remove(qint64 key, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM video_search_pg WHERE seq = ?"));
    query.addBindValue(key);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

std::optional<SearchIndex::Result> PostgresSearchIndex::search(const SearchQuery &request, QString *error)
{
    const QStringList terms = Fts5SearchIndex::words(request.text);
    if (terms.isEmpty())
        return Result{};
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;

    // The candidates: the newest matches, ranked in the outer query so that
    // ts_rank runs for those rows only.
    QString sql = QStringLiteral(
        "SELECT v.id FROM (SELECT m.seq, ts_rank('{0, 0.3333333, 0.6666667, 1}'::float4[], m.document, m.q)::float8 AS score "
        "FROM (SELECT s.seq, s.document, q.q FROM video_search_pg s, to_tsquery('simple', :match) q(q) "
        "WHERE s.document @@ q.q ORDER BY s.seq DESC LIMIT :candidates) m) c "
        "JOIN videos v ON v.seq = c.seq WHERE ") + ListedCondition;
    switch (request.duration) {
    case SearchQuery::Duration::Any: break;
    case SearchQuery::Duration::Short: sql += QStringLiteral(" AND v.duration_ms < 240000"); break;
    case SearchQuery::Duration::Medium: sql += QStringLiteral(" AND v.duration_ms >= 240000 AND v.duration_ms <= 1200000"); break;
    case SearchQuery::Duration::Long: sql += QStringLiteral(" AND v.duration_ms > 1200000"); break;
    }
    qint64 days = 0;
    switch (request.uploadDate) {
    case SearchQuery::UploadDate::Any: break;
    case SearchQuery::UploadDate::Today: days = 1; break;
    case SearchQuery::UploadDate::Week: days = 7; break;
    case SearchQuery::UploadDate::Month: days = 30; break;
    case SearchQuery::UploadDate::Year: days = 365; break;
    }
    if (days > 0)
        sql += QStringLiteral(" AND v.published_at >= :since");
    if (!request.category.isEmpty())
        sql += QStringLiteral(" AND v.category = :category");
    switch (request.sort) {
    case SearchQuery::Sort::Relevance:
        sql += QStringLiteral(" ORDER BY c.score"
                              " * (1.0 + 0.5 * v.view_count::float8 / (v.view_count::float8 + 1000.0))"
                              " * (1.0 + 0.5 * 30.0 / (30.0 + (:now2 - v.published_at)::float8 / 86400000.0)) DESC, v.seq DESC");
        break;
    case SearchQuery::Sort::Date: sql += QStringLiteral(" ORDER BY v.published_at DESC, v.seq DESC"); break;
    case SearchQuery::Sort::Views: sql += QStringLiteral(" ORDER BY v.view_count DESC, v.seq DESC"); break;
    }
    sql += QStringLiteral(" LIMIT :limit OFFSET :offset");

    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql)) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    query.bindValue(QStringLiteral(":match"), tsQueryExpression(terms, false));
    query.bindValue(QStringLiteral(":candidates"), qMax(1, request.maxCandidates));
    query.bindValue(QStringLiteral(":now"), request.nowMs);
    if (request.sort == SearchQuery::Sort::Relevance)
        query.bindValue(QStringLiteral(":now2"), request.nowMs);
    if (days > 0)
        query.bindValue(QStringLiteral(":since"), request.nowMs - days * DayMs);
    if (!request.category.isEmpty())
        query.bindValue(QStringLiteral(":category"), request.category);
    query.bindValue(QStringLiteral(":limit"), request.limit + 1);
    query.bindValue(QStringLiteral(":offset"), request.offset);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    Result result;
    while (query.next())
        result.videoIds.append(query.value(0).toString());
    if (result.videoIds.size() > request.limit) {
        result.videoIds.resize(request.limit);
        result.hasMore = true;
    }
    return result;
}

std::optional<QStringList> PostgresSearchIndex::suggest(const QString &prefix, int limit, qint64 nowMs, QString *error)
{
    const QStringList terms = Fts5SearchIndex::words(prefix);
    if (terms.isEmpty())
        return QStringList{};
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Popular titles first; a few extra rows so that duplicates can be dropped.
    if (!query.prepare(QStringLiteral("SELECT v.title FROM (SELECT s.seq FROM video_search_pg s "
                                      "WHERE s.document @@ to_tsquery('simple', :match) "
                                      "ORDER BY s.seq DESC LIMIT :candidates) c JOIN videos v ON v.seq = c.seq WHERE ") + ListedCondition
                       + QStringLiteral(" ORDER BY v.view_count DESC, v.seq DESC LIMIT :limit"))) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    query.bindValue(QStringLiteral(":match"), tsQueryExpression(terms, true, true));
    query.bindValue(QStringLiteral(":candidates"), SuggestCandidates);
    query.bindValue(QStringLiteral(":now"), nowMs);
    query.bindValue(QStringLiteral(":limit"), limit * 3);
    if (!query.exec()) {
        *error = query.lastError().text();
        return std::nullopt;
    }
    QStringList titles;
    QStringList seen;
    while (query.next() && titles.size() < limit) {
        const QString title = query.value(0).toString();
        const QString key = title.toCaseFolded();
        if (seen.contains(key))
            continue;
        seen.append(key);
        titles.append(title);
    }
    return titles;
}

} // namespace Kinora::Server::Search
