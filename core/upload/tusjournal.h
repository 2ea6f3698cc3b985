#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

namespace Kinora::Core {

// Remembers unfinished tus uploads across runs in a small JSON file: for each
// (endpoint, local file) the upload URL and the last acknowledged offset, so
// an uploader restarted after a crash resumes instead of starting over. The
// file is replaced atomically on every change.
class TusJournal
{
    Q_DECLARE_TR_FUNCTIONS(TusJournal)

public:
    struct Entry
    {
        QUrl uploadUrl;
        qint64 offset = 0;
        qint64 length = 0;
        qint64 updatedAtMs = 0;
    };

    explicit TusJournal(QString filePath);

    QString filePath() const { return m_filePath; }

    std::optional<Entry> find(const QString &key) const;
    bool store(const QString &key, const Entry &entry, QString *error = nullptr);
    bool remove(const QString &key, QString *error = nullptr);

    // Identifies one local file for one endpoint: the same file changed on disk gets another key.
    static QString keyFor(const QUrl &endpoint, const QString &filePath);

private:
    QString m_filePath;
};

} // namespace Kinora::Core
