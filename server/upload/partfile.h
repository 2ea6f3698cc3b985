#pragma once

#include <QString>

namespace Kinora::Server::Upload {

// The data file of an unfinished upload. Bytes are appended from a request
// body file and flushed to disk (fdatasync, plus the directory after a rename)
// before append() returns, so an offset is acknowledged only when its bytes
// survive a crash. Anything past the acknowledged offset (a write cut short by
// a crash) is cut off before the next append.
class PartFile
{
public:
    explicit PartFile(QString path);

    QString path() const { return m_path; }

    // Creates the file empty (replacing any leftover) and flushes it.
    bool create(QString *error);
    // Makes the file exactly `offset` bytes long: drops an unacknowledged tail,
    // creates a missing file when offset is 0. False when fewer bytes exist.
    bool truncateTo(qint64 offset, QString *error);
    // Appends `size` bytes of bodyPath at `offset` and flushes them. When offset
    // is 0 the body file is renamed into place instead of copied (it must then
    // be on the same file system; otherwise it is copied).
    bool append(qint64 offset, const QString &bodyPath, qint64 size, QString *error);
    // Moves the finished file to its final name, durably.
    bool moveTo(const QString &target, QString *error);

    static bool syncDirectoryOf(const QString &path);

private:
    QString m_path;
};

} // namespace Kinora::Server::Upload
