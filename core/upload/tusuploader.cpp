#include "core/upload/tusuploader.h"

#include "core/upload/filerangedevice.h"
#include "core/upload/tusjournal.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <optional>

namespace Kinora::Core {

namespace {
const QByteArray s_tusVersion = QByteArrayLiteral("1.0.0");

std::optional<qint64> headerNumber(const QNetworkReply *reply, const char *name)
{
    const QByteArray text = reply->rawHeader(name).trimmed();
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok || n < 0)
        return std::nullopt;
    return n;
}

QByteArray encodeMetadata(const QHash<QString, QByteArray> &metadata)
{
    QList<QByteArray> pairs;
    for (auto it = metadata.cbegin(); it != metadata.cend(); ++it)
        pairs.append(it.key().toLatin1() + ' ' + it.value().toBase64());
    std::sort(pairs.begin(), pairs.end());
    return pairs.join(',');
}

// The sha256 of a file range, read in bounded pieces.
std::optional<QByteArray> sha256OfRange(const QString &path, qint64 start, qint64 length)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || !file.seek(start))
        return std::nullopt;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    qint64 left = length;
    while (left > 0) {
        const qint64 n = file.read(buffer.data(), qMin<qint64>(left, buffer.size()));
        if (n <= 0)
            return std::nullopt;
        hash.addData(QByteArrayView(buffer.constData(), n));
        left -= n;
    }
    return hash.result();
}
} // namespace

TusUploader::TusUploader(QNetworkAccessManager *network, TusUploadOptions options, TusJournal *journal, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_options(std::move(options))
    , m_journal(journal)
{
    m_options.chunkSize = qMax<qint64>(1, m_options.chunkSize);
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] {
        if (m_uploadUrl.isEmpty())
            create();
        else
            askOffset();
    });
}

TusUploader::~TusUploader()
{
    abortCurrent();
}

void TusUploader::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void TusUploader::setBearerToken(const QByteArray &token)
{
    m_options.bearerToken = token;
}

QString TusUploader::journalKey() const
{
    return TusJournal::keyFor(m_options.endpoint, m_options.filePath);
}

void TusUploader::remember()
{
    if (!m_journal || m_uploadUrl.isEmpty())
        return;
    QString error;
    if (!m_journal->store(journalKey(), {m_uploadUrl, m_offset, m_length, 0}, &error))
        qWarning("tus: %s", qPrintable(error));
}

void TusUploader::forget()
{
    if (m_journal)
        m_journal->remove(journalKey());
}

QNetworkRequest TusUploader::request(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setRawHeader("Tus-Resumable", s_tusVersion);
    if (!m_options.bearerToken.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_options.bearerToken);
    for (const auto &header : m_options.extraHeaders)
        request.setRawHeader(header.first, header.second);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setTransferTimeout(m_options.stallTimeoutMs);
    return request;
}

void TusUploader::start()
{
    if (m_state != State::Idle && m_state != State::Failed && m_state != State::Cancelled)
        return;
    m_error = Error::None;
    m_errorString.clear();
    m_attempt = 0;
    const QFileInfo info(m_options.filePath);
    if (!info.isFile() || !info.isReadable()) {
        fail(Error::File, tr("%1 cannot be read.").arg(m_options.filePath));
        return;
    }
    m_length = info.size();
    if (!m_options.metadata.contains(QStringLiteral("filename")))
        m_options.metadata.insert(QStringLiteral("filename"), info.fileName().toUtf8());
    m_rate.reset();
    m_offset = 0;
    m_uploadUrl.clear();
    m_resumedFromJournal = false;
    if (m_journal) {
        const auto entry = m_journal->find(journalKey());
        if (entry && entry->length == m_length) {
            m_uploadUrl = entry->uploadUrl;
            m_offset = entry->offset;
            m_resumedFromJournal = true;
            askOffset();
            return;
        }
    }
    create();
}

void TusUploader::create()
{
    setState(State::Creating);
    QNetworkRequest req = request(m_options.endpoint);
    req.setRawHeader("Upload-Length", QByteArray::number(m_length));
    const QByteArray metadata = encodeMetadata(m_options.metadata);
    if (!metadata.isEmpty())
        req.setRawHeader("Upload-Metadata", metadata);
    req.setHeader(QNetworkRequest::ContentLengthHeader, 0);
    QNetworkReply *reply = m_network->post(req, QByteArray());
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onCreated(reply); });
}

void TusUploader::onCreated(QNetworkReply *reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        retryLater(reply->errorString());
        return;
    }
    if (status != 201) {
        if (!failFromReply(reply, status))
            retryLater(tr("the server answered %1 to the creation").arg(status));
        return;
    }
    const QByteArray location = reply->rawHeader("Location");
    if (location.isEmpty()) {
        fail(Error::Protocol, tr("The server created the upload but sent no Location."));
        return;
    }
    m_uploadUrl = m_options.endpoint.resolved(QUrl::fromEncoded(location));
    m_offset = headerNumber(reply, "Upload-Offset").value_or(0);
    m_attempt = 0;
    remember();
    Q_EMIT uploadCreated(m_uploadUrl);
    if (m_offset >= m_length) {
        forget();
        setState(State::Finished);
        Q_EMIT finished(m_uploadUrl);
        return;
    }
    sendChunk();
}

void TusUploader::askOffset()
{
    setState(State::Resuming);
    QNetworkReply *reply = m_network->head(request(m_uploadUrl));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onOffset(reply); });
}

void TusUploader::onOffset(QNetworkReply *reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        retryLater(reply->errorString());
        return;
    }
    if ((status == 404 || status == 410) && m_resumedFromJournal) {
        // The remembered upload is gone (expired or removed): start a new one.
        forget();
        m_resumedFromJournal = false;
        m_uploadUrl.clear();
        m_offset = 0;
        create();
        return;
    }
    if (status < 200 || status >= 300) {
        if (!failFromReply(reply, status))
            retryLater(tr("the server answered %1 when asked for the offset").arg(status));
        return;
    }
    const auto offset = headerNumber(reply, "Upload-Offset");
    const auto length = headerNumber(reply, "Upload-Length");
    if (!offset || *offset > m_length || (length && *length != m_length)) {
        fail(Error::Protocol, tr("The server reported an offset or length that does not fit this file."));
        return;
    }
    m_offset = *offset;
    remember();
    if (m_offset >= m_length) {
        forget();
        setState(State::Finished);
        Q_EMIT finished(m_uploadUrl);
        return;
    }
    sendChunk();
}

void TusUploader::sendChunk()
{
    setState(State::Uploading);
    m_chunkLength = qMin(m_options.chunkSize, m_length - m_offset);
    if (!m_options.checksum) {
        sendRange({});
        return;
    }
    // Hashing a chunk takes tens of milliseconds: on a pool thread, never on
    // the caller's (usually the GUI) thread.
    const quint64 generation = ++m_hashGeneration;
    auto *watcher = new QFutureWatcher<std::optional<QByteArray>>(this);
    connect(watcher, &QFutureWatcher<std::optional<QByteArray>>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        // Paused, cancelled or restarted while hashing: drop it.
        if (generation != m_hashGeneration || m_state != State::Uploading)
            return;
        const std::optional<QByteArray> digest = watcher->result();
        if (!digest) {
            fail(Error::File, tr("%1 cannot be read.").arg(m_options.filePath));
            return;
        }
        sendRange(*digest);
    });
    watcher->setFuture(QtConcurrent::run(&sha256OfRange, m_options.filePath, m_offset, m_chunkLength));
}

void TusUploader::sendRange(const QByteArray &sha256)
{
    auto *device = new FileRangeDevice(m_options.filePath, m_offset, m_chunkLength);
    if (!device->open(QIODevice::ReadOnly)) {
        const QString reason = device->errorString();
        delete device;
        fail(Error::File, tr("%1 cannot be read: %2").arg(m_options.filePath, reason));
        return;
    }
    QNetworkRequest req = request(m_uploadUrl);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/offset+octet-stream"));
    req.setHeader(QNetworkRequest::ContentLengthHeader, m_chunkLength);
    req.setRawHeader("Upload-Offset", QByteArray::number(m_offset));
    if (!sha256.isEmpty())
        req.setRawHeader("Upload-Checksum", "sha256 " + sha256.toBase64());
    QNetworkReply *reply = m_network->sendCustomRequest(req, QByteArrayLiteral("PATCH"), device);
    device->setParent(reply); // the reply reads it until it finishes
    m_reply = reply;
    connect(reply, &QNetworkReply::uploadProgress, this, [this](qint64 sent, qint64) { onUploadProgress(sent); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onChunkSent(reply); });
}

void TusUploader::onUploadProgress(qint64 sent)
{
    const qint64 done = m_offset + qMin(sent, m_chunkLength);
    m_rate.record(done);
    Q_EMIT progressed(done, m_length, m_rate.bytesPerSecond(), m_rate.etaSeconds(m_length - done));
}

void TusUploader::onChunkSent(QNetworkReply *reply)
{
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0) {
        retryLater(reply->errorString());
        return;
    }
    if (status == 409 || status == 423 || status == 460) {
        retryLater(status == 460 ? tr("the server received corrupted bytes") : tr("the server is at another offset"));
        return;
    }
    if (status < 200 || status >= 300) {
        if (!failFromReply(reply, status))
            retryLater(tr("the server answered %1 to a chunk").arg(status));
        return;
    }
    const auto offset = headerNumber(reply, "Upload-Offset");
    if (!offset || *offset <= m_offset || *offset > m_length) {
        fail(Error::Protocol, tr("The server acknowledged an impossible offset."));
        return;
    }
    m_offset = *offset;
    m_attempt = 0;
    m_rate.record(m_offset);
    Q_EMIT chunkAcknowledged(m_offset);
    Q_EMIT progressed(m_offset, m_length, m_rate.bytesPerSecond(), m_rate.etaSeconds(m_length - m_offset));
    if (m_offset >= m_length) {
        forget();
        setState(State::Finished);
        Q_EMIT finished(m_uploadUrl);
        return;
    }
    remember();
    sendChunk();
}

bool TusUploader::failFromReply(QNetworkReply *reply, int status)
{
    if (status >= 500 || status == 408 || status == 409 || status == 423 || status == 460)
        return false;
    const QJsonObject error = QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("error")).toObject();
    const QString code = error.value(QStringLiteral("code")).toString();
    QString message = error.value(QStringLiteral("message")).toString();
    const auto withDefault = [&message](const QString &fallback) { return message.isEmpty() ? fallback : message; };
    switch (status) {
    case 401:
        fail(Error::AuthExpired, withDefault(tr("The server needs you to sign in again.")));
        break;
    case 403:
        fail(Error::Forbidden, withDefault(tr("This account may not upload.")));
        break;
    case 404:
    case 410:
        fail(Error::UploadGone, withDefault(tr("The upload no longer exists on the server.")));
        break;
    case 413:
        if (code == QLatin1String("quota_reached"))
            fail(Error::QuotaReached, withDefault(tr("Your upload quota is used up.")));
        else
            fail(Error::FileTooLarge, withDefault(tr("The file is larger than the server accepts.")));
        break;
    case 422:
        fail(Error::Rejected, withDefault(tr("The server refused the file.")));
        break;
    case 400:
    case 412:
    case 415:
        fail(Error::Protocol, withDefault(tr("The server does not understand this upload (HTTP %1).").arg(status)));
        break;
    default:
        fail(Error::Server, withDefault(tr("The server refused the upload (HTTP %1).").arg(status)));
        break;
    }
    return true;
}

void TusUploader::retryLater(const QString &reason)
{
    ++m_attempt;
    if (m_attempt > m_options.maxRetries) {
        fail(Error::Network, tr("Giving up after %1 attempts: %2").arg(m_attempt).arg(reason));
        return;
    }
    ++m_totalRetries;
    const int shift = qMin(m_attempt - 1, 20);
    const qint64 delay = qMin<qint64>(qint64(m_options.retryBaseDelayMs) << shift, m_options.retryMaxDelayMs);
    setState(State::Waiting);
    Q_EMIT retryScheduled(m_attempt, int(delay), reason);
    m_retryTimer.start(int(delay));
}

void TusUploader::fail(Error error, const QString &message)
{
    m_error = error;
    m_errorString = message;
    if (error == Error::Rejected || error == Error::UploadGone || error == Error::FileTooLarge)
        forget(); // nothing left to resume
    setState(State::Failed);
    Q_EMIT failed(error, message);
}

void TusUploader::abortCurrent()
{
    m_retryTimer.stop();
    ++m_hashGeneration; // a chunk being hashed is not sent
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
    }
}

void TusUploader::pause()
{
    if (m_state != State::Creating && m_state != State::Resuming && m_state != State::Uploading && m_state != State::Waiting)
        return;
    abortCurrent();
    setState(State::Paused);
}

void TusUploader::resume()
{
    if (m_state != State::Paused && m_state != State::Failed)
        return;
    m_error = Error::None;
    m_errorString.clear();
    m_attempt = 0;
    if (m_uploadUrl.isEmpty()) {
        setState(State::Idle);
        start();
        return;
    }
    askOffset();
}

void TusUploader::cancel()
{
    if (m_state == State::Cancelled || m_state == State::Finished)
        return;
    abortCurrent();
    forget();
    if (m_uploadUrl.isEmpty()) {
        setState(State::Cancelled);
        Q_EMIT cancelled();
        return;
    }
    terminate(0);
}

void TusUploader::terminate(int attempt)
{
    QNetworkReply *reply = m_network->deleteResource(request(m_uploadUrl));
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, attempt] {
        reply->deleteLater();
        m_reply = nullptr;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // The aborted PATCH may still hold the upload on the server (423), or
        // the connection dropped: try again a few times before giving up.
        if ((status == 423 || status == 0) && attempt < 5) {
            QTimer::singleShot(100 << attempt, this, [this, attempt] { terminate(attempt + 1); });
            return;
        }
        setState(State::Cancelled);
        Q_EMIT cancelled();
    });
}

} // namespace Kinora::Core
