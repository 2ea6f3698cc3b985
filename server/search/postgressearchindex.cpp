#include "server/search/postgressearchindex.h"

#include "server/search/fts5searchindex.h"
#include "server/search/rankedsearch.h"
#include "server/storage/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Kinora::Server::Search {

namespace {

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
    RankedSearch search;
    search.candidates = QStringLiteral(
        "SELECT m.seq, ts_rank('{0, 0.3333333, 0.6666667, 1}'::float4[], m.document, m.q)::float8 AS score "
        "FROM (SELECT s.seq, s.document, q.q FROM video_search_pg s, to_tsquery('kinora_fold', :match) q(q) "
        "WHERE s.document @@ q.q ORDER BY s.seq DESC LIMIT :candidates) m");
    search.relevance = QStringLiteral("c.score"
                                      " * (1.0 + 0.5 * v.view_count::float8 / (v.view_count::float8 + 1000.0))"
                                      " * (1.0 + 0.5 * 30.0 / (30.0 + (:now2 - v.published_at)::float8 / 86400000.0)) DESC, v.seq DESC");
    search.match = tsQueryExpression(terms, false);
    return runRankedSearch(db, search, request, error);
}

std::optional<QStringList> PostgresSearchIndex::suggest(const QString &prefix, int limit, qint64 nowMs, QString *error)
{
    const QStringList terms = Fts5SearchIndex::words(prefix);
    if (terms.isEmpty())
        return QStringList{};
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;
    return runSuggestion(db, QStringLiteral("SELECT s.seq FROM video_search_pg s WHERE s.document @@ to_tsquery('kinora_fold', :match) "
                                        "ORDER BY s.seq DESC LIMIT :candidates"),
                         tsQueryExpression(terms, true, true), SuggestCandidates, limit, nowMs, error);
}

} // namespace Kinora::Server::Search
