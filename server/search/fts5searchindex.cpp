#include "server/search/fts5searchindex.h"

#include "server/search/rankedsearch.h"
#include "server/storage/database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace Kinora::Server::Search {

Fts5SearchIndex::Fts5SearchIndex(Storage::Database &database)
    : m_database(database)
{
}

QStringList Fts5SearchIndex::words(const QString &text)
{
    QStringList result;
    QString current;
    auto flush = [&] {
        if (!current.isEmpty() && result.size() < MaxQueryWords)
            result.append(current);
        current.clear();
    };
    for (QChar c : text) {
        if (c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing)
            current += c;
        else
            flush();
    }
    flush();
    return result;
}

QString Fts5SearchIndex::matchExpression(const QStringList &words, bool lastIsPrefix, const QString &column)
{
    QStringList phrases;
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString word = words.at(i);
        word.replace(QLatin1Char('"'), QStringLiteral("\"\"")); // words() never keeps quotes; kept safe anyway
        QString phrase = QLatin1Char('"') + word + QLatin1Char('"');
        if (lastIsPrefix && i == words.size() - 1)
            phrase += QLatin1Char('*');
        if (!column.isEmpty())
            phrase = column + QStringLiteral(" : ") + phrase;
        phrases.append(phrase);
    }
    return phrases.join(QStringLiteral(" AND "));
}

bool Fts5SearchIndex::upsert(const SearchDocument &document, QString *error)
{
    if (!remove(document.key, error))
        return false;
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("INSERT INTO video_search (rowid, title, tags, description) VALUES (?, ?, ?, ?)"));
    query.addBindValue(-document.key);
    query.addBindValue(document.title);
    query.addBindValue(document.tags.join(QLatin1Char(' ')));
    query.addBindValue(document.description);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

bool Fts5SearchIndex::remove(qint64 key, QString *error)
{
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return false;
    QSqlQuery query(db);
    query.prepare(QStringLiteral("DELETE FROM video_search WHERE rowid = ?"));
    query.addBindValue(-key);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    return true;
}

std::optional<SearchIndex::Result> Fts5SearchIndex::search(const SearchQuery &request, QString *error)
{
    const QStringList terms = words(request.text);
    if (terms.isEmpty())
        return Result{};
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;

    // The candidates: the newest matches (rowid = -seq, so FTS5 streams them in
    // ascending rowid order and stops at the limit; bm25 is computed for those rows only).
    RankedSearch search;
    search.candidates = QStringLiteral("SELECT -rowid AS seq, bm25(video_search, 3.0, 2.0, 1.0) AS score "
                                       "FROM video_search WHERE video_search MATCH :match ORDER BY rowid LIMIT :candidates");
    search.relevance = QStringLiteral("(-c.score)"
                                      " * (1.0 + 0.5 * v.view_count / (v.view_count + 1000.0))"
                                      " * (1.0 + 0.5 * 30.0 / (30.0 + (:now2 - v.published_at) / 86400000.0)) DESC, v.seq DESC");
    search.match = matchExpression(terms, false);
    return runRankedSearch(db, search, request, error);
}

std::optional<QStringList> Fts5SearchIndex::suggest(const QString &prefix, int limit, qint64 nowMs, QString *error)
{
    const QStringList terms = words(prefix);
    if (terms.isEmpty())
        return QStringList{};
    QSqlDatabase db = m_database.connection(error);
    if (!db.isOpen())
        return std::nullopt;
    return runSuggestion(db, QStringLiteral("SELECT -rowid AS seq FROM video_search WHERE video_search MATCH :match ORDER BY rowid LIMIT :candidates"),
                         matchExpression(terms, true, QStringLiteral("title")), SuggestCandidates, limit, nowMs, error);
}

} // namespace Kinora::Server::Search
