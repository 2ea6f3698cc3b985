#pragma once

#include "studio/upload/uploaditem.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace Kinora::Studio {

// The upload queue's memory on disk: one SQLite row per item with its
// request, stage, the step it is in, the server's draft and the tus upload
// (URL and acknowledged offset). Every change is committed before the queue
// acts on it, so a queue opened on the same file after a crash knows where
// each item stood. Uses its own named database connection.
class UploadJournal
{
    Q_DECLARE_TR_FUNCTIONS(UploadJournal)

public:
    // What the queue does next for an item, independent of what the views show.
    enum class Step { Probe, Draft, Transcode, Package, Upload, Process, Thumbnail, Finished };

    struct Record
    {
        UploadItem item;
        Step step = Step::Probe;
        QUrl uploadUrl;
        qint64 uploadOffset = 0;
    };

    explicit UploadJournal(QString path);
    ~UploadJournal();
    UploadJournal(const UploadJournal &) = delete;
    UploadJournal &operator=(const UploadJournal &) = delete;

    bool open(QString *error = nullptr);
    QList<Record> load(QString *error = nullptr);
    qint64 insert(const Record &record, QString *error = nullptr);   // 0 on failure
    bool save(const Record &record, QString *error = nullptr);
    bool remove(qint64 id, QString *error = nullptr);

    static QString stageName(UploadItem::Stage stage);
    static std::optional<UploadItem::Stage> stageFromName(const QString &name);

private:
    bool exec(const QString &sql, QString *error);

    QString m_path;
    QString m_connection;
};

} // namespace Kinora::Studio
