#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <utility>

namespace Kinora::Server::Http {

// Incremental HTTP/1.x request parser without any I/O. The caller feeds bytes
// with next(); the parser reports the end of the head (so the caller can route
// and refuse a body before reading it), hands out body bytes as views into the
// caller's buffer (chunked framing removed) and the end of each message. Memory
// is bounded by the head limits whatever the peer sends.
class HttpRequestParser
{
public:
    enum class Event {
        NeedMore,        // all input consumed, message not finished
        HeadComplete,    // head() is valid; body (if any) follows
        Body,            // *bodyChunk holds the next body bytes
        MessageComplete, // the message is done; the next call starts a new one
        Error,           // errorStatus() / errorMessage(); the connection should close
    };

    struct Head
    {
        QByteArray method;
        QByteArray target;
        int versionMinor = 1; // HTTP/1.x
        QList<std::pair<QByteArray, QByteArray>> headers; // names lower-cased
        qint64 contentLength = 0;
        bool chunked = false;
        bool keepAlive = true;
        bool expectContinue = false;

        QByteArray header(QByteArrayView lowerName) const;
        bool hasBody() const { return chunked || contentLength > 0; }
    };

    struct Limits
    {
        int maxHeaderBytes = 16 * 1024;
        int maxHeaderCount = 100;
        int maxChunkLineBytes = 4096;
    };

    HttpRequestParser();
    explicit HttpRequestParser(Limits limits);

    // Consumes a prefix of [data, data + size) and reports what happened. *consumed
    // receives the number of bytes used; on Event::Body, *bodyChunk views them.
    Event next(const char *data, qsizetype size, qsizetype *consumed, QByteArrayView *bodyChunk);

    const Head &head() const { return m_head; }
    int errorStatus() const { return m_errorStatus; }
    QByteArray errorCode() const { return m_errorCode; }
    QString errorMessage() const { return m_errorMessage; }
    bool inHead() const { return m_state == State::Head && !m_headBuffer.isEmpty(); }
    bool atMessageStart() const { return m_state == State::Head && m_headBuffer.isEmpty(); }
    qint64 bodyBytesSoFar() const { return m_bodyBytes; }
    void reset();

private:
    enum class State { Head, HeadDone, FixedBody, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Done, Failed };

    Event fail(int status, const char *code, const QString &message);
    bool parseHead(); // on false, fail() has been called
    Event parseChunkLine(const char *data, qsizetype size, qsizetype *consumed);

    Limits m_limits;
    State m_state = State::Head;
    Head m_head;
    QByteArray m_headBuffer;
    QByteArray m_lineBuffer;
    qint64 m_remaining = 0;
    qint64 m_bodyBytes = 0;
    int m_trailerBytes = 0;
    int m_errorStatus = 0;
    QByteArray m_errorCode;
    QString m_errorMessage;
};

} // namespace Kinora::Server::Http
