#pragma once

#include <QFile>
#include <QIODevice>

namespace Kinora::Core {

// A read-only window [start, start + length) of a file as a random-access
// device, so that a chunk of a large file can be sent without holding it in
// memory. Positions and size() are relative to the window.
class FileRangeDevice : public QIODevice
{
    Q_OBJECT

public:
    FileRangeDevice(const QString &filePath, qint64 start, qint64 length, QObject *parent = nullptr);

    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_length; }
    bool seek(qint64 pos) override;
    bool atEnd() const override { return pos() >= m_length; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 maxSize) override;

private:
    QFile m_file;
    qint64 m_start;
    qint64 m_length;
};

} // namespace Kinora::Core
