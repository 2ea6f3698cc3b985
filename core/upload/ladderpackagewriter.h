#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace Kinora::Core {

// Writes a finished HLS ladder folder as one POSIX ustar archive, the way
// `tar --format=ustar` does: folders and regular files only, paths relative
// to the folder, master.m3u8 first and the rest in byte order, so the same
// folder always gives the same archive. Files are streamed through a small
// buffer; the archive appears under its name only once complete. write()
// blocks: call it on a worker thread. cancel() may be called from any thread.
class LadderPackageWriter
{
    Q_DECLARE_TR_FUNCTIONS(LadderPackageWriter)

public:
    // Bytes of the archive written so far and its final size.
    using ProgressCallback = std::function<void(qint64 bytesWritten, qint64 bytesTotal)>;

    LadderPackageWriter(QString ladderDirectory, QString archivePath);

    void setProgressCallback(ProgressCallback callback) { m_progress = std::move(callback); }

    bool write();
    void cancel() { m_cancelled.store(true); }
    bool wasCancelled() const { return m_cancelled.load(); }

    QString errorString() const { return m_error; }
    QStringList entries() const;         // archive member names in order (folders end with '/')
    qint64 archiveSize() const { return m_archiveSize; }

    // Splits a member name into the ustar name and prefix fields; false when it cannot fit.
    static bool splitName(const QByteArray &path, QByteArray *name, QByteArray *prefix);

private:
    struct Entry
    {
        QString relativePath;   // without the trailing '/' of folders
        bool isDirectory = false;
        qint64 size = 0;
        qint64 mtime = 0;       // seconds since the epoch
    };

    bool collect();
    bool fail(const QString &message);

    QString m_directory;
    QString m_archivePath;
    ProgressCallback m_progress;
    std::atomic_bool m_cancelled{false};
    QString m_error;
    QList<Entry> m_entries;
    qint64 m_archiveSize = 0;
};

} // namespace Kinora::Core
