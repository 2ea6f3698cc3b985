#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Kinora::Server::Storage {

class Database;

// A transaction that intends to write, begun the way the backend needs
// (Database::beginWriteStatement); rolled back unless commit() succeeded.
class WriteTransaction
{
public:
    WriteTransaction(Database &database, QSqlDatabase connection);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    bool isActive() const { return m_active; }
    QString errorText() const { return m_error; }
    bool commit();
    void rollback();

private:
    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace Kinora::Server::Storage
