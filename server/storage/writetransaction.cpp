#include "server/storage/writetransaction.h"

#include "server/storage/database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace Kinora::Server::Storage {

WriteTransaction::WriteTransaction(Database &database, QSqlDatabase connection)
    : m_db(std::move(connection))
{
    if (!m_db.isOpen()) {
        m_error = QStringLiteral("no database connection");
        return;
    }
    QSqlQuery query(m_db);
    m_active = query.exec(database.beginWriteStatement());
    if (!m_active)
        m_error = query.lastError().text();
}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

bool WriteTransaction::commit()
{
    if (!m_active)
        return false;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        m_error = query.lastError().text();
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void WriteTransaction::rollback()
{
    if (!m_active)
        return;
    QSqlQuery query(m_db);
    query.exec(QStringLiteral("ROLLBACK"));
    m_active = false;
}

} // namespace Kinora::Server::Storage
