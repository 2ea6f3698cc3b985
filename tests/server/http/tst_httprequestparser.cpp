#include "server/http/httprequestparser.h"

#include <QRandomGenerator>
#include <QTest>

using Kinora::Server::Http::HttpRequestParser;
using Event = HttpRequestParser::Event;

namespace {

struct Message
{
    HttpRequestParser::Head head;
    QByteArray body;
};

struct Outcome
{
    QList<Message> messages;
    int errorStatus = 0;
    bool headSeen = false; // a head of an unfinished message
};

// Feeds input in pieces of `step` bytes and collects complete messages.
Outcome feed(HttpRequestParser &parser, const QByteArray &input, qsizetype step)
{
    Outcome out;
    Message current;
    for (qsizetype offset = 0; offset < input.size() || offset == 0; offset += step) {
        const QByteArray piece = input.mid(offset, step);
        qsizetype pos = 0;
        while (true) {
            qsizetype used = 0;
            QByteArrayView chunk;
            const Event e = parser.next(piece.constData() + pos, piece.size() - pos, &used, &chunk);
            pos += used;
            if (e == Event::NeedMore)
                break;
            if (e == Event::Error) {
                out.errorStatus = parser.errorStatus();
                return out;
            }
            if (e == Event::HeadComplete) {
                current = Message();
                current.head = parser.head();
                out.headSeen = true;
            } else if (e == Event::Body) {
                current.body += chunk.toByteArray();
            } else if (e == Event::MessageComplete) {
                out.messages.append(current);
                out.headSeen = false;
            }
        }
        if (input.isEmpty())
            break;
    }
    return out;
}

Outcome parseAll(const QByteArray &input, qsizetype step = 1 << 20, HttpRequestParser::Limits limits = {})
{
    HttpRequestParser parser(limits);
    return feed(parser, input, step);
}

} // namespace

class TestHttpRequestParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void simpleGet()
    {
        const Outcome o = parseAll("GET /api/v1/videos?limit=5 HTTP/1.1\r\nHost: x\r\nX-Mixed-Case: Value  \r\n\r\n");
        QCOMPARE(o.errorStatus, 0);
        QCOMPARE(o.messages.size(), 1);
        const auto &h = o.messages.first().head;
        QCOMPARE(h.method, QByteArray("GET"));
        QCOMPARE(h.target, QByteArray("/api/v1/videos?limit=5"));
        QCOMPARE(h.versionMinor, 1);
        QCOMPARE(h.header("x-mixed-case"), QByteArray("Value"));
        QVERIFY(h.keepAlive);
        QVERIFY(!h.hasBody());
    }

    void byteByByte()
    {
        const QByteArray input = "POST /upload HTTP/1.1\r\nHost: example\r\nContent-Length: 11\r\n"
                                 "Connection: close\r\n\r\nhello world";
        const Outcome o = parseAll(input, 1);
        QCOMPARE(o.errorStatus, 0);
        QCOMPARE(o.messages.size(), 1);
        QCOMPARE(o.messages.first().body, QByteArray("hello world"));
        QCOMPARE(o.messages.first().head.contentLength, 11);
        QVERIFY(!o.messages.first().head.keepAlive);
        // Any split point gives the same result.
        for (qsizetype step = 2; step < 20; ++step) {
            const Outcome p = parseAll(input, step);
            QCOMPARE(p.messages.size(), 1);
            QCOMPARE(p.messages.first().body, QByteArray("hello world"));
        }
    }

    void pipelined()
    {
        const QByteArray input = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                                 "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc"
                                 "GET /c HTTP/1.0\r\n\r\n";
        for (qsizetype step : {qsizetype(1), qsizetype(7), qsizetype(1 << 20)}) {
            const Outcome o = parseAll(input, step);
            QCOMPARE(o.errorStatus, 0);
            QCOMPARE(o.messages.size(), 3);
            QCOMPARE(o.messages.at(0).head.target, QByteArray("/a"));
            QCOMPARE(o.messages.at(1).body, QByteArray("abc"));
            QCOMPARE(o.messages.at(2).head.target, QByteArray("/c"));
            QCOMPARE(o.messages.at(2).head.versionMinor, 0);
            QVERIFY(!o.messages.at(2).head.keepAlive);
        }
    }

    void chunked()
    {
        const QByteArray input = "POST /u HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 "5;name=value\r\nhello\r\n"
                                 "1A\r\n" + QByteArray(26, 'z') + "\r\n"
                                 "0\r\nX-Trailer: yes\r\nX-Other: 1\r\n\r\n"
                                 "GET /next HTTP/1.1\r\nHost: x\r\n\r\n";
        for (qsizetype step : {qsizetype(1), qsizetype(3), qsizetype(1 << 20)}) {
            const Outcome o = parseAll(input, step);
            QCOMPARE(o.errorStatus, 0);
            QCOMPARE(o.messages.size(), 2);
            QVERIFY(o.messages.at(0).head.chunked);
            QCOMPARE(o.messages.at(0).body, QByteArray("hello") + QByteArray(26, 'z'));
            QCOMPARE(o.messages.at(1).head.target, QByteArray("/next"));
        }
    }

    void chunkedMalformed_data()
    {
        QTest::addColumn<QByteArray>("chunks");
        QTest::addColumn<int>("status");
        QTest::newRow("not hex") << QByteArray("zz\r\nabc\r\n0\r\n\r\n") << 400;
        QTest::newRow("missing crlf after data") << QByteArray("3\r\nabcX\r\n0\r\n\r\n") << 400;
        QTest::newRow("size too large") << QByteArray("FFFFFFFFFFFFFFFFFF\r\n") << 400;
        QTest::newRow("endless size line") << QByteArray(5000, '1') << 400;
    }

    void chunkedMalformed()
    {
        QFETCH(QByteArray, chunks);
        QFETCH(int, status);
        const Outcome o = parseAll("POST /u HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);
        QCOMPARE(o.errorStatus, status);
    }

    void oversizeHead()
    {
        HttpRequestParser::Limits limits;
        limits.maxHeaderBytes = 1024;
        const QByteArray big = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(2000, 'a') + "\r\n\r\n";
        QCOMPARE(parseAll(big, 1 << 20, limits).errorStatus, 431);
        QCOMPARE(parseAll(big, 100, limits).errorStatus, 431);
        // A head that never ends is cut off at the limit too, without growing.
        HttpRequestParser parser(limits);
        const QByteArray endless(10'000, 'a');
        QCOMPARE(feed(parser, endless, 333).errorStatus, 431);
        // Just under the limit is fine.
        const QByteArray fits = "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(900, 'a') + "\r\n\r\n";
        QCOMPARE(parseAll(fits, 1 << 20, limits).messages.size(), 1);
    }

    void tooManyHeaders()
    {
        HttpRequestParser::Limits limits;
        limits.maxHeaderCount = 10;
        QByteArray head = "GET / HTTP/1.1\r\nHost: x\r\n";
        for (int i = 0; i < 10; ++i)
            head += "X-H" + QByteArray::number(i) + ": v\r\n";
        QCOMPARE(parseAll(head + "\r\n", 1 << 20, limits).errorStatus, 431);
        QCOMPARE(parseAll("GET / HTTP/1.1\r\nHost: x\r\nA: 1\r\n\r\n", 1 << 20, limits).messages.size(), 1);
    }

    void badRequestLines_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status");
        QTest::newRow("no version") << QByteArray("GET /\r\n\r\n") << 400;
        QTest::newRow("extra space") << QByteArray("GET  / HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("relative target") << QByteArray("GET index.html HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("bad version") << QByteArray("GET / HTTX/1.1\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("http2") << QByteArray("GET / HTTP/2.0\r\nHost: x\r\n\r\n") << 505;
        QTest::newRow("garbage") << QByteArray("\x01\x02\x03 \x04 \x05\r\n\r\n") << 400;
        QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n") << 400;
        QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400;
        QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nA: b\r\n c\r\n\r\n") << 400;
        QTest::newRow("missing host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
        QTest::newRow("unsupported coding") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n") << 501;
        QTest::newRow("chunked not last") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n") << 400;
        QTest::newRow("te and cl") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n") << 400;
        QTest::newRow("unknown expectation") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nExpect: magic\r\n\r\n") << 417;
    }

    void badRequestLines()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        QCOMPARE(parseAll(input).errorStatus, status);
        QCOMPARE(parseAll(input, 1).errorStatus, status);
    }

    void contentLength_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<int>("status");
        QTest::addColumn<qint64>("length");
        QTest::newRow("plain") << QByteArray("Content-Length: 4\r\n") << 0 << qint64(4);
        QTest::newRow("same twice") << QByteArray("Content-Length: 4\r\nContent-Length: 4\r\n") << 0 << qint64(4);
        QTest::newRow("same in list") << QByteArray("Content-Length: 4, 4\r\n") << 0 << qint64(4);
        QTest::newRow("conflict") << QByteArray("Content-Length: 4\r\nContent-Length: 5\r\n") << 400 << qint64(0);
        QTest::newRow("conflict in list") << QByteArray("Content-Length: 4, 5\r\n") << 400 << qint64(0);
        QTest::newRow("negative") << QByteArray("Content-Length: -4\r\n") << 400 << qint64(0);
        QTest::newRow("plus sign") << QByteArray("Content-Length: +4\r\n") << 400 << qint64(0);
        QTest::newRow("non numeric") << QByteArray("Content-Length: four\r\n") << 400 << qint64(0);
        QTest::newRow("hex") << QByteArray("Content-Length: 0x4\r\n") << 400 << qint64(0);
        QTest::newRow("empty") << QByteArray("Content-Length: \r\n") << 400 << qint64(0);
        QTest::newRow("overflow") << QByteArray("Content-Length: 99999999999999999999999\r\n") << 400 << qint64(0);
    }

    void contentLength()
    {
        QFETCH(QByteArray, headers);
        QFETCH(int, status);
        QFETCH(qint64, length);
        const Outcome o = parseAll("POST / HTTP/1.1\r\nHost: x\r\n" + headers + "\r\nabcd");
        QCOMPARE(o.errorStatus, status);
        if (status == 0) {
            QCOMPARE(o.messages.size(), 1);
            QCOMPARE(o.messages.first().head.contentLength, length);
            QCOMPARE(o.messages.first().body, QByteArray("abcd"));
        }
    }

    void keepAliveRules()
    {
        QVERIFY(parseAll("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").messages.first().head.keepAlive);
        QVERIFY(!parseAll("GET / HTTP/1.0\r\n\r\n").messages.first().head.keepAlive);
        QVERIFY(!parseAll("GET / HTTP/1.1\r\nHost: x\r\nConnection: Close\r\n\r\n").messages.first().head.keepAlive);
        QVERIFY(parseAll("GET / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n").messages.first().head.expectContinue);
    }

    void leadingEmptyLinesAndLf()
    {
        const Outcome o = parseAll("\r\n\r\nGET /x HTTP/1.1\nHost: y\n\n");
        QCOMPARE(o.errorStatus, 0);
        QCOMPARE(o.messages.size(), 1);
        QCOMPARE(o.messages.first().head.target, QByteArray("/x"));
        QCOMPARE(o.messages.first().head.header("host"), QByteArray("y"));
    }

    void randomInputNeverOverreads()
    {
        // Garbage and mutated requests, in random pieces: the parser must only ever
        // consume what it was given, end in a defined state and stay within its limits.
        QRandomGenerator gen(42);
        const QByteArray valid = "POST /u HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
        int errors = 0;
        int completed = 0;
        for (int round = 0; round < 3000; ++round) {
            QByteArray input = valid;
            const int mutations = int(gen.bounded(1, 6));
            for (int m = 0; m < mutations; ++m)
                input[gen.bounded(int(input.size()))] = char(gen.bounded(256));
            if (round % 3 == 0) {
                input.resize(gen.bounded(1, 300));
                for (char &c : input)
                    c = char(gen.bounded(256));
            }
            HttpRequestParser parser(HttpRequestParser::Limits{256, 8, 64});
            qsizetype offset = 0;
            bool done = false;
            while (offset < input.size() && !done) {
                const qsizetype piece = qMin<qsizetype>(input.size() - offset, gen.bounded(1, 40));
                qsizetype pos = 0;
                while (true) {
                    qsizetype used = 0;
                    QByteArrayView chunk;
                    const Event e = parser.next(input.constData() + offset + pos, piece - pos, &used, &chunk);
                    QVERIFY(used >= 0 && used <= piece - pos);
                    pos += used;
                    if (e == Event::Body) {
                        QVERIFY(chunk.data() >= input.constData() && chunk.data() + chunk.size() <= input.constData() + input.size());
                    }
                    if (e == Event::Error) {
                        QVERIFY(parser.errorStatus() >= 400 && parser.errorStatus() < 600);
                        ++errors;
                        done = true;
                        break;
                    }
                    if (e == Event::MessageComplete)
                        ++completed;
                    if (e == Event::NeedMore)
                        break;
                }
                offset += piece;
            }
        }
        QVERIFY(errors > 1000);
        QVERIFY(completed > 10);
    }

    void absoluteFormTarget()
    {
        const Outcome o = parseAll("GET http://example.com/a/b?c=1 HTTP/1.1\r\nHost: example.com\r\n\r\n");
        QCOMPARE(o.messages.size(), 1);
        QCOMPARE(o.messages.first().head.target, QByteArray("/a/b?c=1"));
    }
};

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
