#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Kinora::Server::Processing {

// Extracts a POSIX ustar archive into a folder, refusing whatever could
// escape or surprise it: absolute paths, "..", links, devices, FIFOs,
// extension headers, entries above a size limit, too many entries, bad
// header checksums and truncated data. Only regular files and folders are
// created, with private permissions. On failure errorString() says which
// entry and why; the caller removes the folder.
class TarExtractor
{
    Q_DECLARE_TR_FUNCTIONS(TarExtractor)

public:
    TarExtractor(qint64 maxEntryBytes, int maxEntries);

    bool extract(const QString &archivePath, const QString &destination);

    QString errorString() const { return m_error; }
    QStringList files() const { return m_files; }   // relative paths of the regular files written
    qint64 totalBytes() const { return m_totalBytes; }

private:
    bool fail(const QString &message);

    qint64 m_maxEntryBytes;
    int m_maxEntries;
    QString m_error;
    QStringList m_files;
    qint64 m_totalBytes = 0;
};

} // namespace Kinora::Server::Processing
