#pragma once

#include <QList>
#include <QString>

namespace Kinora::Server::Storage {

class Database;

// Applies the versioned SQL migrations found in a directory (the ":/sql"
// resources by default) in version order, each inside its own transaction,
// and records them in schema_version. File names are "v<N>_<name>.sql"; a file
// "v<N>_<name>.<dialect>.sql" (dialect "sqlite" or "postgres") replaces the
// generic one for that backend. Generic files may use placeholders that the
// runner replaces per dialect:
//   {{id_pk}}  auto-increment 64-bit primary key
//   {{blob}}   binary column type
class MigrationRunner
{
public:
    struct Migration
    {
        int version = 0;
        QString name;
        QString filePath;
    };

    explicit MigrationRunner(Database &database, QString directory = QStringLiteral(":/sql"));

    QList<Migration> available(QString *error = nullptr) const;
    int currentVersion(QString *error = nullptr) const; // 0: nothing applied yet; -1: error
    // Applies every pending migration; stops at the first failure, whose
    // transaction is rolled back. Returns how many were applied, or -1.
    int run(QString *error = nullptr);

    // Splits a script into statements at ';' outside quotes and comments.
    static QStringList splitStatements(const QString &script);

private:
    QString translate(QString sql) const;

    Database &m_database;
    QString m_directory;
};

} // namespace Kinora::Server::Storage
