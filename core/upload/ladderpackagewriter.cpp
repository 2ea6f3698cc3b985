#include "core/upload/ladderpackagewriter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <cstring>

namespace Kinora::Core {

namespace {
constexpr int BlockSize = 512;
constexpr qint64 MaxEntrySize = (qint64(1) << 33) - 1; // eleven octal digits
constexpr qint64 BufferSize = qint64(1) << 20;
const QString s_master = QStringLiteral("master.m3u8");

qint64 paddedSize(qint64 size)
{
    return (size + BlockSize - 1) / BlockSize * BlockSize;
}

// A zero-padded octal number filling `width - 1` digits and a NUL, as GNU tar writes them.
void putOctal(char *field, int width, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    std::memcpy(field, digits.constData(), size_t(width - 1));
    field[width - 1] = '\0';
}

void putText(char *field, const QByteArray &text)
{
    std::memcpy(field, text.constData(), size_t(text.size()));
}
} // namespace

LadderPackageWriter::LadderPackageWriter(QString ladderDirectory, QString archivePath)
    : m_directory(std::move(ladderDirectory))
    , m_archivePath(std::move(archivePath))
{
}

bool LadderPackageWriter::fail(const QString &message)
{
    m_error = message;
    return false;
}

QStringList LadderPackageWriter::entries() const
{
    QStringList names;
    names.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        names.append(entry.isDirectory ? entry.relativePath + QLatin1Char('/') : entry.relativePath);
    return names;
}

bool LadderPackageWriter::splitName(const QByteArray &path, QByteArray *name, QByteArray *prefix)
{
    if (path.size() <= 100) {
        *name = path;
        prefix->clear();
        return true;
    }
    // The prefix ends at a '/', which the archive does not store; the rest goes into the name field.
    for (qsizetype slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        const qsizetype nameLength = path.size() - slash - 1;
        if (slash <= 155 && nameLength > 0 && nameLength <= 100) {
            *prefix = path.left(slash);
            *name = path.mid(slash + 1);
            return true;
        }
        if (slash > 155)
            break;
    }
    return false;
}

bool LadderPackageWriter::collect()
{
    m_entries.clear();
    const QDir root(m_directory);
    if (!QFileInfo(m_directory).isDir())
        return fail(tr("The ladder folder %1 does not exist.").arg(QDir::toNativeSeparators(m_directory)));
    if (!QFileInfo(root.filePath(s_master)).isFile())
        return fail(tr("The ladder folder %1 has no %2.").arg(QDir::toNativeSeparators(m_directory), s_master));
    QDirIterator it(m_directory, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        Entry entry;
        entry.relativePath = root.relativeFilePath(info.filePath());
        if (info.isSymLink())
            return fail(tr("%1 is a link; a package holds only files and folders.").arg(QDir::toNativeSeparators(info.filePath())));
        if (info.isDir()) {
            entry.isDirectory = true;
        } else if (info.isFile()) {
            entry.size = info.size();
            if (entry.size > MaxEntrySize)
                return fail(tr("%1 is larger than a package entry may be (8 GiB).").arg(QDir::toNativeSeparators(info.filePath())));
        } else {
            return fail(tr("%1 is not a regular file; a package holds only files and folders.").arg(QDir::toNativeSeparators(info.filePath())));
        }
        entry.mtime = qMax<qint64>(0, info.lastModified().toSecsSinceEpoch());
        const QByteArray member = entry.relativePath.toUtf8() + (entry.isDirectory ? "/" : "");
        QByteArray name;
        QByteArray prefix;
        if (!splitName(member, &name, &prefix))
            return fail(tr("The path %1 is too long for a ustar package (at most 100 bytes after a folder prefix of 155).")
                            .arg(entry.relativePath));
        m_entries.append(entry);
    }
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        const bool aMaster = a.relativePath == s_master;
        const bool bMaster = b.relativePath == s_master;
        if (aMaster != bMaster)
            return aMaster;
        return a.relativePath.toUtf8() < b.relativePath.toUtf8();
    });
    m_archiveSize = 2 * BlockSize;
    for (const Entry &entry : std::as_const(m_entries))
        m_archiveSize += BlockSize + paddedSize(entry.size);
    return true;
}

bool LadderPackageWriter::write()
{
    m_error.clear();
    if (!collect())
        return false;
    QSaveFile out(m_archivePath);
    if (!out.open(QIODevice::WriteOnly))
        return fail(tr("Cannot create the package %1: %2").arg(QDir::toNativeSeparators(m_archivePath), out.errorString()));
    const auto writeFailed = [&] {
        const QString reason = out.errorString();
        out.cancelWriting();
        return fail(tr("Cannot write the package %1: %2").arg(QDir::toNativeSeparators(m_archivePath), reason));
    };
    const auto abandon = [&](const QString &message) {
        out.cancelWriting();
        return fail(message);
    };
    const auto cancelled = [&] {
        out.cancelWriting();
        return fail(tr("Packaging was cancelled."));
    };

    qint64 written = 0;
    qint64 reported = -BufferSize;
    const auto report = [&](bool force) {
        if (m_progress && (force || written - reported >= BufferSize)) {
            reported = written;
            m_progress(written, m_archiveSize);
        }
    };
    report(true);
    QByteArray buffer(BufferSize, Qt::Uninitialized);
    const QDir root(m_directory);
    for (const Entry &entry : std::as_const(m_entries)) {
        if (m_cancelled.load())
            return cancelled();
        char header[BlockSize];
        std::memset(header, 0, sizeof header);
        QByteArray name;
        QByteArray prefix;
        splitName(entry.relativePath.toUtf8() + (entry.isDirectory ? "/" : ""), &name, &prefix);
        putText(header, name);
        putOctal(header + 100, 8, entry.isDirectory ? 0755 : 0644);
        putOctal(header + 108, 8, 0);
        putOctal(header + 116, 8, 0);
        putOctal(header + 124, 12, entry.size);
        putOctal(header + 136, 12, entry.mtime);
        header[156] = entry.isDirectory ? '5' : '0';
        putText(header + 257, QByteArrayLiteral("ustar"));   // NUL-terminated by the memset
        putText(header + 263, QByteArrayLiteral("00"));
        putText(header + 265, QByteArrayLiteral("root"));
        putText(header + 297, QByteArrayLiteral("root"));
        putOctal(header + 329, 8, 0);
        putOctal(header + 337, 8, 0);
        putText(header + 345, prefix);
        std::memset(header + 148, ' ', 8);
        unsigned sum = 0;
        for (const char c : header)
            sum += static_cast<unsigned char>(c);
        putOctal(header + 148, 7, sum);
        header[155] = ' ';
        if (out.write(header, BlockSize) != BlockSize)
            return writeFailed();
        written += BlockSize;

        if (entry.isDirectory)
            continue;
        const QString path = root.filePath(entry.relativePath);
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly))
            return abandon(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), in.errorString()));
        qint64 left = entry.size;
        while (left > 0) {
            if (m_cancelled.load())
                return cancelled();
            const qint64 n = in.read(buffer.data(), qMin(left, BufferSize));
            if (n < 0)
                return abandon(tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), in.errorString()));
            if (n == 0)
                return abandon(tr("%1 changed while it was being packaged.").arg(QDir::toNativeSeparators(path)));
            if (out.write(buffer.constData(), n) != n)
                return writeFailed();
            left -= n;
            written += n;
            report(false);
        }
        char probe;
        if (in.read(&probe, 1) != 0)
            return abandon(tr("%1 changed while it was being packaged.").arg(QDir::toNativeSeparators(path)));
        const qint64 padding = paddedSize(entry.size) - entry.size;
        if (padding > 0) {
            const QByteArray zeros(padding, '\0');
            if (out.write(zeros) != padding)
                return writeFailed();
            written += padding;
        }
    }
    const QByteArray end(2 * BlockSize, '\0');
    if (out.write(end) != end.size())
        return writeFailed();
    written += end.size();
    if (m_cancelled.load())
        return cancelled();
    if (!out.commit())
        return fail(tr("Cannot write the package %1: %2").arg(QDir::toNativeSeparators(m_archivePath), out.errorString()));
    report(true);
    return true;
}

} // namespace Kinora::Core
