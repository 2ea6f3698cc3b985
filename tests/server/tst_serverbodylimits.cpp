// Hostile clients against the real kinora-server binary: oversized bodies are
// refused without the server's memory following them, and a client that
// trickles its request head is cut off.
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpSocket>
#include <QTest>

using namespace Kinora::Tests;

namespace {

// VmRSS / VmHWM of a process in KiB, from /proc.
qint64 memoryKiB(qint64 pid, const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

struct Outcome
{
    QByteArray response;
    qint64 bytesSent = 0;
    qint64 serverPeakGrowthKiB = 0;
};

// Sends `head`, then up to `bodyBytes` of body in 1 MiB pieces (as HTTP chunks
// when `chunked`), reading whatever the server answers meanwhile. Stops at the
// end of the answer's head, when the server closes, or after 60 s.
Outcome sendHugeBody(ServerProcess &server, const QByteArray &head, qint64 bodyBytes, bool chunked)
{
    Outcome outcome;
    const qint64 hwmBefore = memoryKiB(server.pid(), "VmHWM");
    QTcpSocket socket;
    socket.connectToHost(server.baseUrl().host(), quint16(server.baseUrl().port()));
    if (!socket.waitForConnected(5000))
        return outcome;
    socket.write(head);
    const QByteArray piece(1 << 20, 'k');
    const QByteArray chunkHead = QByteArray::number(piece.size(), 16) + "\r\n";
    QElapsedTimer clock;
    clock.start();
    while (outcome.bytesSent < bodyBytes && clock.elapsed() < 60000 && socket.state() == QAbstractSocket::ConnectedState) {
        // Keep at most one piece queued, and look for the answer between writes:
        // a server that refuses the body stops reading, then closes.
        if (socket.bytesToWrite() < piece.size()) {
            socket.write(chunked ? chunkHead + piece + "\r\n" : piece);
            outcome.bytesSent += piece.size();
        }
        socket.waitForBytesWritten(20);
        if (socket.waitForReadyRead(20) || socket.bytesAvailable() > 0)
            outcome.response += socket.readAll();
        if (outcome.response.contains("\r\n\r\n"))
            break;
    }
    // The answer may still be on its way when the loop stops.
    for (int i = 0; i < 20 && !outcome.response.contains("}}") && socket.state() == QAbstractSocket::ConnectedState; ++i) {
        if (socket.waitForReadyRead(250))
            outcome.response += socket.readAll();
    }
    outcome.response += socket.readAll();
    outcome.serverPeakGrowthKiB = memoryKiB(server.pid(), "VmHWM") - hwmBefore;
    return outcome;
}

} // namespace

class tst_ServerBodyLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void declaredTwoGiBBodyRefused()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const qint64 twoGiB = qint64(2) << 30;
        const QByteArray head = "POST /api/v1/auth/register HTTP/1.1\r\nHost: localhost\r\n"
                                "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(twoGiB) + "\r\n\r\n";
        const Outcome outcome = sendHugeBody(server, head, twoGiB, false);
        QVERIFY2(outcome.response.startsWith("HTTP/1.1 413"), outcome.response.left(200).constData());
        QVERIFY(outcome.response.contains("\"payload_too_large\""));
        // The server answered long before 2 GiB went out, and its memory did not follow the body.
        QVERIFY2(outcome.bytesSent < twoGiB, QByteArray::number(outcome.bytesSent).constData());
        QVERIFY2(outcome.serverPeakGrowthKiB < 64 * 1024, QByteArray::number(outcome.serverPeakGrowthKiB).constData());
        // And it still serves.
        TestHttpClient http;
        QCOMPARE(http.get(server.url(QStringLiteral("/api/v1/health"))).status, 200);
        server.stop();
    }

    void chunkedTwoGiBBodyCutOffAtTheCap()
    {
        ServerProcess server;
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        const qint64 twoGiB = qint64(2) << 30;
        const QByteArray head = "POST /api/v1/auth/register HTTP/1.1\r\nHost: localhost\r\n"
                                "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        const Outcome outcome = sendHugeBody(server, head, twoGiB, true);
        QVERIFY2(outcome.response.startsWith("HTTP/1.1 413"), outcome.response.left(200).constData());
        QVERIFY2(outcome.bytesSent < twoGiB, QByteArray::number(outcome.bytesSent).constData());
        QVERIFY2(outcome.serverPeakGrowthKiB < 64 * 1024, QByteArray::number(outcome.serverPeakGrowthKiB).constData());
        TestHttpClient http;
        QCOMPARE(http.get(server.url(QStringLiteral("/api/v1/health"))).status, 200);
        server.stop();
    }

    void slowHeadersCutOff()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_HTTP_HEADER_TIMEOUT_MS"), QStringLiteral("2000"));
        ServerProcess server({}, env);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        QTcpSocket socket;
        socket.connectToHost(server.baseUrl().host(), quint16(server.baseUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        const QByteArray request = "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: aaaaaaaaaaaaaaaa\r\n\r\n";
        QByteArray response;
        QElapsedTimer clock;
        clock.start();
        int sent = 0;
        // One byte a second; the whole head would take over a minute.
        while (sent < request.size() && socket.state() == QAbstractSocket::ConnectedState && clock.elapsed() < 15000) {
            socket.write(request.mid(sent, 1));
            socket.waitForBytesWritten(1000);
            ++sent;
            if (socket.waitForReadyRead(1000))
                response += socket.readAll();
            if (socket.state() != QAbstractSocket::ConnectedState || !response.isEmpty())
                break;
        }
        if (socket.state() == QAbstractSocket::ConnectedState)
            socket.waitForDisconnected(3000);
        response += socket.readAll();
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(response.startsWith("HTTP/1.1 408"), response.constData());
        QVERIFY2(sent < request.size(), "the whole head went through");
        QVERIFY2(elapsed >= 1500 && elapsed < 8000, QByteArray::number(elapsed).constData());
        QCOMPARE(socket.state(), QAbstractSocket::UnconnectedState);

        TestHttpClient http;
        QCOMPARE(http.get(server.url(QStringLiteral("/api/v1/health"))).status, 200);
        server.stop();
    }
};

QTEST_GUILESS_MAIN(tst_ServerBodyLimits)
#include "tst_serverbodylimits.moc"
