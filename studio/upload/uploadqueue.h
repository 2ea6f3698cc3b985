#pragma once

#include "core/media/transcodesettings.h"
#include "studio/upload/uploaditem.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace Kinora::Core {
class StudioClient;
}

namespace Kinora::Studio {

// The creator's queue of uploads: for each file, a draft video on the server,
// then (TranscodeHere) a local transcode into the HLS ladder off the GUI
// thread and a ustar package of it, or (ServerTranscodes) the file itself,
// sent with a resumable tus upload bound to the draft, then polling of the
// server's processing status until the video is ready or failed.
//
// Every step is written to a SQLite journal before it is acted on, so a
// queue opened on the same journal after a restart or crash resumes: a
// transcode starts again, an upload continues at the server's offset.
// One transcode and one upload run at a time; other items wait.
class UploadQueue : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        QString journalPath;         // SQLite file, created when missing
        QString workDirectory;       // local ladders and packages live here until uploaded
        qint64 chunkSize = qint64(8) << 20;
        int statusPollMs = 1000;
        Core::TranscodeSettings transcodeSettings; // the ladder built for TranscodeHere
        bool checksum = true;                      // sha256 of every chunk, checked by the server
    };

    // The studio client (its ApiClient gives the endpoint and the bearer
    // token) and the network manager must outlive the queue.
    UploadQueue(Core::StudioClient *studio, QNetworkAccessManager *network, Options options,
                QObject *parent = nullptr);
    ~UploadQueue() override;

    // Opens the journal and restores its items; unfinished ones start again
    // (call after sign-in: they need the bearer token). False with *error
    // when the journal cannot be opened.
    bool open(QString *error = nullptr);

    qint64 enqueue(const UploadRequest &request); // 0 when the journal refused it
    void pause(qint64 id);
    void resume(qint64 id);
    void retry(qint64 id);   // a Failed item: redo the stage that failed
    void cancel(qint64 id);  // stops it, terminates the tus upload; the draft stays
    void remove(qint64 id);  // forgets a finished item (Done, Failed, Cancelled)

    QList<UploadItem> items() const;         // oldest first
    std::optional<UploadItem> item(qint64 id) const;

Q_SIGNALS:
    void itemAdded(qint64 id);
    void itemChanged(qint64 id);   // stage, progress or error moved
    void itemRemoved(qint64 id);
    // Done, or Failed: for desktop notifications.
    void itemFinished(qint64 id, bool succeeded, const QString &message);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Kinora::Studio
