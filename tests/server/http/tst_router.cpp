#include "server/http/router.h"

#include <QTest>

using namespace Kinora::Server::Http;

namespace {

Handler tagged(const QByteArray &tag)
{
    return [tag](HttpRequest &) { return HttpResponse::bytes(tag, "text/plain"); };
}

QByteArray run(const Router::Match &m)
{
    HttpRequest req;
    return m.route ? m.route->handler(req).body : QByteArray();
}

} // namespace

class TestRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void literal()
    {
        Router r;
        r.addRoute("GET", QStringLiteral("/api/v1/health"), tagged("health"));
        r.addRoute("GET", QStringLiteral("/"), tagged("root"));
        auto m = r.match("GET", u"/api/v1/health");
        QCOMPARE(m.kind, Router::Match::Kind::Found);
        QCOMPARE(run(m), QByteArray("health"));
        QCOMPARE(m.route->pattern, QStringLiteral("/api/v1/health"));
        QCOMPARE(run(r.match("GET", u"/")), QByteArray("root"));
        QCOMPARE(r.match("GET", u"/api/v1/health/").kind, Router::Match::Kind::NotFound);
        QCOMPARE(r.match("GET", u"/api/v1").kind, Router::Match::Kind::NotFound);
        QCOMPARE(r.match("GET", u"/api/v1/healthz").kind, Router::Match::Kind::NotFound);
        QCOMPARE(r.routes().size(), 2);
    }

    void params()
    {
        Router r;
        r.addRoute("GET", QStringLiteral("/videos/{id}"), tagged("video"));
        r.addRoute("GET", QStringLiteral("/videos/new"), tagged("new"));
        r.addRoute("GET", QStringLiteral("/videos/{id}/comments/{commentId}"), tagged("comment"));
        auto m = r.match("GET", u"/videos/abc123");
        QCOMPARE(run(m), QByteArray("video"));
        QCOMPARE(m.params.value(QStringLiteral("id")), QStringLiteral("abc123"));
        // A literal segment wins over a capture whatever the order of registration.
        QCOMPARE(run(r.match("GET", u"/videos/new")), QByteArray("new"));
        m = r.match("GET", u"/videos/v1/comments/c9");
        QCOMPARE(run(m), QByteArray("comment"));
        QCOMPARE(m.params.value(QStringLiteral("id")), QStringLiteral("v1"));
        QCOMPARE(m.params.value(QStringLiteral("commentId")), QStringLiteral("c9"));
        QCOMPARE(r.match("GET", u"/videos/").kind, Router::Match::Kind::NotFound); // empty capture
    }

    void rest()
    {
        Router r;
        r.addRoute("GET", QStringLiteral("/media/{*path}"), tagged("media"));
        r.addRoute("PUT", QStringLiteral("/ingest/{key}/{*file}"), tagged("ingest"));
        auto m = r.match("GET", u"/media/videos/42/720p/seg_00001.ts");
        QCOMPARE(run(m), QByteArray("media"));
        QCOMPARE(m.params.value(QStringLiteral("path")), QStringLiteral("videos/42/720p/seg_00001.ts"));
        m = r.match("PUT", u"/ingest/k3y/720p/index.m3u8");
        QCOMPARE(m.params.value(QStringLiteral("key")), QStringLiteral("k3y"));
        QCOMPARE(m.params.value(QStringLiteral("file")), QStringLiteral("720p/index.m3u8"));
        QCOMPARE(r.match("GET", u"/media").kind, Router::Match::Kind::NotFound);
    }

    void methodNotAllowed()
    {
        Router r;
        r.addRoute("GET", QStringLiteral("/items/{id}"), tagged("get"));
        r.addRoute("DELETE", QStringLiteral("/items/{id}"), tagged("delete"));
        r.addRoute("POST", QStringLiteral("/items"), tagged("post"));
        auto m = r.match("PUT", u"/items/7");
        QCOMPARE(m.kind, Router::Match::Kind::MethodNotAllowed);
        QVERIFY(m.allowedMethods.contains("GET"));
        QVERIFY(m.allowedMethods.contains("DELETE"));
        QVERIFY(m.allowedMethods.contains("HEAD"));
        QVERIFY(!m.allowedMethods.contains("POST"));
        QCOMPARE(r.match("GET", u"/nothing").kind, Router::Match::Kind::NotFound);
        QVERIFY(r.match("GET", u"/nothing").allowedMethods.isEmpty());
        QCOMPARE(run(r.match("DELETE", u"/items/7")), QByteArray("delete"));
        // HEAD falls back to the GET handler.
        m = r.match("HEAD", u"/items/7");
        QCOMPARE(m.kind, Router::Match::Kind::Found);
        QCOMPARE(run(m), QByteArray("get"));
        // ... but not where only POST exists.
        QCOMPARE(r.match("HEAD", u"/items").kind, Router::Match::Kind::MethodNotAllowed);
    }

    void percentDecoding()
    {
        Router r;
        r.addRoute("GET", QStringLiteral("/users/{name}"), tagged("user"));
        r.addRoute("GET", QStringLiteral("/files/{*path}"), tagged("files"));
        r.addRoute("GET", QStringLiteral("/caf\u00e9"), tagged("cafe"));
        auto m = r.match("GET", u"/users/J%C3%BCrgen%20M");
        QCOMPARE(m.params.value(QStringLiteral("name")), QStringLiteral("J\u00fcrgen M"));
        // An encoded slash stays inside its segment.
        m = r.match("GET", u"/users/a%2Fb");
        QCOMPARE(m.kind, Router::Match::Kind::Found);
        QCOMPARE(m.params.value(QStringLiteral("name")), QStringLiteral("a/b"));
        QCOMPARE(run(r.match("GET", u"/caf%C3%A9")), QByteArray("cafe"));
        m = r.match("GET", u"/files/a%20b/c.txt");
        QCOMPARE(m.params.value(QStringLiteral("path")), QStringLiteral("a b/c.txt"));
    }
};

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
