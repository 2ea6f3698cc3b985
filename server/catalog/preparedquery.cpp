#include "server/catalog/preparedquery.h"

#include <QSqlError>

namespace Kinora::Server::Catalog {

PreparedQuery::PreparedQuery(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
    : m_query(db)
    , m_sql(sql)
    , m_values(values)
{
    m_query.setForwardOnly(true);
}

bool PreparedQuery::exec()
{
    if (!m_query.prepare(m_sql)) {
        m_error = m_query.lastError().text();
        return false;
    }
    for (const QVariant &value : std::as_const(m_values))
        m_query.addBindValue(value);
    if (!m_query.exec()) {
        m_error = m_query.lastError().text();
        return false;
    }
    return true;
}

} // namespace Kinora::Server::Catalog
