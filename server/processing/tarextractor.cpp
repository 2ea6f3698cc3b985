#include "server/processing/tarextractor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace Kinora::Server::Processing {

namespace {
constexpr int BlockSize = 512;

// A NUL-terminated (or full-width) text field of a header.
QByteArray field(const char *block, int offset, int width)
{
    const QByteArray raw(block + offset, width);
    const qsizetype end = raw.indexOf('\0');
    return end < 0 ? raw : raw.left(end);
}

// An octal number field; -1 when malformed.
qint64 octal(const char *block, int offset, int width)
{
    const QByteArray text = field(block, offset, width).trimmed();
    if (text.isEmpty())
        return 0;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '7' || value > (qint64(1) << 56))
            return -1;
        value = value * 8 + (c - '0');
    }
    return value;
}

bool checksumMatches(const char *block)
{
    const qint64 stored = octal(block, 148, 8);
    qint64 sum = 0;
    for (int i = 0; i < BlockSize; ++i)
        sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(block[i]);
    return stored == sum;
}

bool isZeroBlock(const char *block)
{
    for (int i = 0; i < BlockSize; ++i) {
        if (block[i] != 0)
            return false;
    }
    return true;
}

// The relative path of an entry, or empty when it must be refused.
QString safePath(const QByteArray &raw)
{
    QString path = QString::fromUtf8(raw);
    while (path.startsWith(QLatin1String("./")))
        path.remove(0, 2);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    if (path.isEmpty() || path.startsWith(QLatin1Char('/')) || path.contains(QLatin1Char('\\')) || path.contains(QChar(0)))
        return {};
    for (const QString &part : path.split(QLatin1Char('/'))) {
        if (part.isEmpty() || part == QLatin1String(".") || part == QLatin1String(".."))
            return {};
    }
    return path;
}
} // namespace

TarExtractor::TarExtractor(qint64 maxEntryBytes, int maxEntries)
    : m_maxEntryBytes(maxEntryBytes)
    , m_maxEntries(maxEntries)
{
}

bool TarExtractor::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool TarExtractor::extract(const QString &archivePath, const QString &destination)
{
    m_error.clear();
    m_files.clear();
    m_totalBytes = 0;
    QFile archive(archivePath);
    if (!archive.open(QIODevice::ReadOnly))
        return fail(tr("the package cannot be opened: %1").arg(archive.errorString()));
    if (!QDir().mkpath(destination))
        return fail(tr("the folder %1 cannot be created").arg(destination));
    const QDir root(destination);
    QSet<QString> seen;
    int entries = 0;
    char block[BlockSize];
    while (true) {
        const qint64 got = archive.read(block, BlockSize);
        if (got == 0 && entries > 0)
            return true;   // end of file without the trailing zero blocks some writers omit
        if (got != BlockSize)
            return fail(tr("the package is not a tar archive or is truncated"));
        if (isZeroBlock(block))
            return entries > 0 ? true : fail(tr("the package is empty"));
        const QByteArray magic = field(block, 257, 6);
        if (magic != "ustar" || !checksumMatches(block)) {
            if (entries == 0)
                return fail(tr("the package is not a POSIX ustar archive"));
            return fail(tr("the package is not a POSIX ustar archive (bad header after %n entries)", nullptr, entries));
        }
        if (++entries > m_maxEntries)
            return fail(tr("the package has more than %1 entries").arg(m_maxEntries));
        QByteArray rawName = field(block, 0, 100);
        const QByteArray prefix = field(block, 345, 155);
        if (!prefix.isEmpty())
            rawName = prefix + '/' + rawName;
        const char type = block[156];
        if (type == '5' && (rawName == "." || rawName == "./"))
            continue;   // the archive's own root, as "tar -C dir ." writes it
        const QString name = safePath(rawName);
        const QString shown = QString::fromUtf8(rawName);
        if (name.isEmpty())
            return fail(tr("entry \"%1\": paths must be relative and must not contain \"..\"").arg(shown));
        const qint64 size = octal(block, 124, 12);
        if (size < 0)
            return fail(tr("entry \"%1\": the size field is malformed").arg(shown));
        if (type == '5') {
            if (!root.mkpath(name))
                return fail(tr("entry \"%1\": the folder cannot be created").arg(shown));
            if (size != 0)
                return fail(tr("entry \"%1\": a folder must not carry data").arg(shown));
            continue;
        }
        if (type == '1' || type == '2')
            return fail(tr("entry \"%1\": links are not allowed in a package").arg(shown));
        if (type == '3' || type == '4' || type == '6')
            return fail(tr("entry \"%1\": device files and FIFOs are not allowed in a package").arg(shown));
        if (type != '0' && type != '\0' && type != '7')
            return fail(tr("entry \"%1\": entry type '%2' is not supported (write the archive with tar --format=ustar)")
                            .arg(shown, QString(QLatin1Char(type))));
        if (size > m_maxEntryBytes)
            return fail(tr("entry \"%1\": %2 bytes is more than the %3 a package file may have").arg(shown).arg(size).arg(m_maxEntryBytes));
        if (seen.contains(name))
            return fail(tr("entry \"%1\" appears twice").arg(shown));
        seen.insert(name);
        const QString target = root.filePath(name);
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            return fail(tr("entry \"%1\": its folder cannot be created").arg(shown));
        QFile out(target);
        if (QFileInfo(target).isDir() || !out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(tr("entry \"%1\" cannot be written: %2").arg(shown, out.errorString()));
        qint64 left = size;
        QByteArray buffer;
        while (left > 0) {
            const qint64 chunk = qMin<qint64>(left, 1 << 20);
            buffer = archive.read(chunk);
            if (buffer.size() != chunk)
                return fail(tr("entry \"%1\": the archive ends inside its data").arg(shown));
            if (out.write(buffer) != chunk)
                return fail(tr("entry \"%1\" cannot be written: %2").arg(shown, out.errorString()));
            left -= chunk;
        }
        out.close();
        const qint64 padding = (BlockSize - size % BlockSize) % BlockSize;
        if (padding > 0 && archive.read(padding).size() != padding)
            return fail(tr("entry \"%1\": the archive ends inside its padding").arg(shown));
        m_files.append(name);
        m_totalBytes += size;
    }
}

} // namespace Kinora::Server::Processing
