#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace Kinora::Server::Catalog {

// A statement with positional values, prepared and run in one call; keeps the
// error text. Spares the catalog and social services the prepare/bind/exec
// boilerplate of QSqlQuery.
class PreparedQuery
{
public:
    PreparedQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {});

    bool exec();
    bool next() { return m_query.next(); }
    QVariant value(int column) const { return m_query.value(column); }
    qint64 lastInsertId() const { return m_query.lastInsertId().toLongLong(); }
    int numRowsAffected() const { return m_query.numRowsAffected(); }
    QString errorText() const { return m_error; }
    QSqlQuery &query() { return m_query; }

private:
    QSqlQuery m_query;
    QString m_sql;
    QVariantList m_values;
    QString m_error;
};

} // namespace Kinora::Server::Catalog
