#pragma once

#include "core/upload/transferrate.h"
#include "core/upload/tusuploadoptions.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace Kinora::Core {

class TusJournal;

// Uploads one file to any tus 1.0.0 server (core + creation; termination and
// checksum when asked). Creates the upload or resumes the one the journal
// remembers, streams the file in chunks from disk, asks the server for its
// offset (HEAD) after a failure and retries with exponential backoff.
// Network errors, 5xx, 409, 423 and checksum mismatches are retried; auth,
// quota, size and media refusals stop with a precise error.
class TusUploader : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Creating, Resuming, Uploading, Waiting, Paused, Finished, Failed, Cancelled };
    Q_ENUM(State)
    enum class Error { None, File, Network, Server, Protocol, AuthExpired, Forbidden, QuotaReached, FileTooLarge, Rejected, UploadGone };
    Q_ENUM(Error)

    // The manager and the journal (optional) must outlive the uploader.
    TusUploader(QNetworkAccessManager *network, TusUploadOptions options, TusJournal *journal = nullptr, QObject *parent = nullptr);
    ~TusUploader() override;

    void start();   // create, or resume the journal's upload
    void pause();   // stops sending; the upload stays on the server
    void resume();  // after pause() or a failure: asks the offset and continues
    void cancel();  // stops and terminates the upload on the server (DELETE)
    void setBearerToken(const QByteArray &token); // e.g. after an AuthExpired failure, then resume()

    State state() const { return m_state; }
    Error error() const { return m_error; }
    QString errorString() const { return m_errorString; }
    QUrl uploadUrl() const { return m_uploadUrl; }
    qint64 offset() const { return m_offset; }       // acknowledged by the server
    qint64 totalBytes() const { return m_length; }
    int retries() const { return m_totalRetries; }   // retries so far, all causes

Q_SIGNALS:
    void stateChanged(Kinora::Core::TusUploader::State state);
    void uploadCreated(const QUrl &uploadUrl);
    void progressed(qint64 bytesSent, qint64 bytesTotal, double bytesPerSecond, qint64 etaSeconds);
    void chunkAcknowledged(qint64 offset);
    void retryScheduled(int attempt, int delayMs, const QString &reason);
    void finished(const QUrl &uploadUrl);
    void failed(Kinora::Core::TusUploader::Error error, const QString &message);
    void cancelled();

private:
    QNetworkRequest request(const QUrl &url) const;
    void setState(State state);
    void create();
    void askOffset();
    void sendChunk(); // hashes the next chunk off this thread when checksums are on, then sends it
    void sendRange(const QByteArray &sha256);
    void onCreated(QNetworkReply *reply);
    void onOffset(QNetworkReply *reply);
    void onChunkSent(QNetworkReply *reply);
    void onUploadProgress(qint64 sent);
    // Retries after a transient failure, or fails once the retries are used up.
    void retryLater(const QString &reason);
    void fail(Error error, const QString &message);
    // Maps a refused request to an error; false when the status is worth retrying.
    bool failFromReply(QNetworkReply *reply, int status);
    void abortCurrent();
    void terminate(int attempt); // DELETE, retried while the server still holds the upload
    void remember();
    void forget();
    QString journalKey() const;

    QNetworkAccessManager *m_network;
    TusUploadOptions m_options;
    TusJournal *m_journal;
    State m_state = State::Idle;
    Error m_error = Error::None;
    QString m_errorString;
    QUrl m_uploadUrl;
    qint64 m_offset = 0;
    qint64 m_length = 0;
    qint64 m_chunkLength = 0;
    bool m_resumedFromJournal = false;
    int m_attempt = 0;
    int m_totalRetries = 0;
    quint64 m_hashGeneration = 0;
    QPointer<QNetworkReply> m_reply;
    QTimer m_retryTimer;
    TransferRate m_rate;
};

} // namespace Kinora::Core
