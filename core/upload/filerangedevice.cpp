#include "core/upload/filerangedevice.h"

namespace Kinora::Core {

FileRangeDevice::FileRangeDevice(const QString &filePath, qint64 start, qint64 length, QObject *parent)
    : QIODevice(parent)
    , m_file(filePath)
    , m_start(start)
    , m_length(length)
{
}

bool FileRangeDevice::open(OpenMode mode)
{
    if ((mode & QIODevice::WriteOnly) || !m_file.open(QIODevice::ReadOnly)) {
        setErrorString(m_file.errorString());
        return false;
    }
    if (m_file.size() < m_start + m_length) {
        setErrorString(tr("%1 is shorter than expected").arg(m_file.fileName()));
        m_file.close();
        return false;
    }
    if (!m_file.seek(m_start)) {
        setErrorString(m_file.errorString());
        m_file.close();
        return false;
    }
    return QIODevice::open(mode | QIODevice::Unbuffered);
}

void FileRangeDevice::close()
{
    m_file.close();
    QIODevice::close();
}

bool FileRangeDevice::seek(qint64 pos)
{
    if (pos < 0 || pos > m_length || !m_file.seek(m_start + pos))
        return false;
    return QIODevice::seek(pos);
}

qint64 FileRangeDevice::readData(char *data, qint64 maxSize)
{
    const qint64 left = m_length - (m_file.pos() - m_start);
    if (left <= 0)
        return -1;
    return m_file.read(data, qMin(maxSize, left));
}

qint64 FileRangeDevice::writeData(const char *, qint64)
{
    return -1;
}

} // namespace Kinora::Core
