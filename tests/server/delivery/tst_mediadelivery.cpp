// Media delivery against the real kinora-server: public media without a
// token, private and unlisted media only through signed paths, tokens bound
// to one video and to their expiry, path traversal in every form, ranges.
#include "mediafixture.h"

#include "server/delivery/mediatokencodec.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTest>
#include <QThread>

using namespace Kinora::Tests;
using Kinora::Server::Delivery::MediaTokenCodec;

namespace {
const QByteArray s_secret = QByteArrayLiteral("delivery-test-secret-0123456789-abcdef");
}

class tst_MediaDelivery : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<MediaFixture> m_fx;
    QByteArray m_alice, m_bob;
    QString m_public, m_private, m_private2, m_unlisted;

    // The signed prefix "/media/s/<token>/videos/<id>/" of a video, as its owner gets it.
    QString signedBase(const QString &id, const QByteArray &token)
    {
        const auto reply = m_fx->get(QStringLiteral("/api/v1/videos/%1/media").arg(id), token);
        const QString master = reply.json().value(QStringLiteral("masterUrl")).toString();
        if (reply.status != 200 || !master.endsWith(QLatin1String("master.m3u8")))
            qWarning() << reply.status << reply.body;
        return master.left(master.size() - int(qstrlen("master.m3u8")));
    }

    static QString firstUri(const QByteArray &playlist)
    {
        for (const QByteArray &line : playlist.split('\n')) {
            const QByteArray l = line.trimmed();
            if (!l.isEmpty() && !l.startsWith('#'))
                return QString::fromUtf8(l);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fx = std::make_unique<MediaFixture>(QStringList{QStringLiteral("--set"), QStringLiteral("auth.jwtSecret=") + QString::fromLatin1(s_secret)});
        QString error;
        QVERIFY2(m_fx->start(&error), qPrintable(error));
        m_alice = m_fx->registerUser(QStringLiteral("alice"));
        m_bob = m_fx->registerUser(QStringLiteral("bob"));
        QVERIFY(!m_alice.isEmpty() && !m_bob.isEmpty());
        m_public = m_fx->readyVideo(m_alice, QStringLiteral("public"));
        m_private = m_fx->readyVideo(m_alice, QStringLiteral("private"));
        m_private2 = m_fx->readyVideo(m_alice, QStringLiteral("private"));
        m_unlisted = m_fx->readyVideo(m_alice, QStringLiteral("unlisted"));
        QVERIFY(!m_public.isEmpty() && !m_private.isEmpty() && !m_private2.isEmpty() && !m_unlisted.isEmpty());
    }

    void cleanupTestCase()
    {
        m_fx->stop();
        QCOMPARE(m_fx->server().exitCode(), 0);
    }

    void publicMediaNeedsNoToken()
    {
        const auto links = m_fx->get(QStringLiteral("/api/v1/videos/%1/media").arg(m_public));
        QCOMPARE(links.status, 200);
        QCOMPARE(links.json().value(QStringLiteral("masterUrl")).toString(), QStringLiteral("/media/videos/%1/master.m3u8").arg(m_public));
        QCOMPARE(links.json().value(QStringLiteral("posterUrl")).toString(), QStringLiteral("/media/videos/%1/thumbs/poster.jpg").arg(m_public));
        QVERIFY(links.json().value(QStringLiteral("expiresAt")).isNull());

        const QString base = QStringLiteral("videos/%1/").arg(m_public);
        const auto master = m_fx->get(QStringLiteral("/media/") + base + QStringLiteral("master.m3u8"));
        QCOMPARE(master.status, 200);
        QCOMPARE(master.body, m_fx->fileBytes(base + QStringLiteral("master.m3u8")));
        QCOMPARE(master.header("Content-Type"), QByteArray("application/vnd.apple.mpegurl"));
        QVERIFY(master.header("Cache-Control").startsWith("public"));
        const QString media = firstUri(master.body);
        const auto playlist = m_fx->get(QStringLiteral("/media/") + base + media);
        QCOMPARE(playlist.status, 200);
        const QString segment = media.left(media.lastIndexOf(u'/') + 1) + firstUri(playlist.body);
        const auto seg = m_fx->get(QStringLiteral("/media/") + base + segment);
        QCOMPARE(seg.status, 200);
        QVERIFY(seg.body.size() > 1000);
        QCOMPARE(seg.body, m_fx->fileBytes(base + segment));
        QCOMPARE(m_fx->get(QStringLiteral("/media/") + base + QStringLiteral("thumbs/poster.jpg")).status, 200);
        QCOMPARE(m_fx->get(QStringLiteral("/media/") + base + QStringLiteral("storyboard/storyboard.vtt")).status, 200);
    }

    void rangesOnMedia()
    {
        const QString segment = QStringLiteral("videos/%1/180p/seg_00000.ts").arg(m_public);
        const QByteArray bytes = m_fx->fileBytes(segment);
        QVERIFY(bytes.size() > 100);
        const auto part = m_fx->get(QStringLiteral("/media/") + segment, {}, {{"Range", "bytes=10-19"}});
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, bytes.mid(10, 10));
        const auto beyond = m_fx->get(QStringLiteral("/media/") + segment, {}, {{"Range", "bytes=" + QByteArray::number(bytes.size()) + "-"}});
        QCOMPARE(beyond.status, 416);
        QCOMPARE(beyond.header("Content-Range"), "bytes */" + QByteArray::number(bytes.size()));
        // The same on a signed path.
        const QString base = signedBase(m_private, m_alice);
        const auto signedBeyond = m_fx->get(base + QStringLiteral("180p/seg_00000.ts"), {},
                                            {{"Range", "bytes=" + QByteArray::number(bytes.size() + 100) + "-"}});
        QCOMPARE(signedBeyond.status, 416);
        const auto signedPart = m_fx->get(base + QStringLiteral("180p/seg_00000.ts"), {}, {{"Range", "bytes=-5"}});
        QCOMPARE(signedPart.status, 206);
        QCOMPARE(signedPart.body, bytes.right(5));
    }

    void hiddenMediaIsNotFoundWithoutToken()
    {
        for (const QString &id : {m_private, m_unlisted}) {
            const auto master = m_fx->get(QStringLiteral("/media/videos/%1/master.m3u8").arg(id));
            QCOMPARE(master.status, 404);
            QCOMPARE(master.errorCode(), QByteArray("not_found"));
            QCOMPARE(m_fx->get(QStringLiteral("/media/videos/%1/180p/seg_00000.ts").arg(id), m_alice).status, 404);
        }
        // Nobody but the owner gets links for a private video.
        QCOMPARE(m_fx->get(QStringLiteral("/api/v1/videos/%1/media").arg(m_private)).status, 404);
        QCOMPARE(m_fx->get(QStringLiteral("/api/v1/videos/%1/media").arg(m_private), m_bob).status, 404);
        QCOMPARE(m_fx->get(QStringLiteral("/media/videos/Zz_nonexist/master.m3u8")).status, 404);
    }

    void ownerPlaysPrivateThroughSignedPath()
    {
        const auto links = m_fx->get(QStringLiteral("/api/v1/videos/%1/media").arg(m_private), m_alice);
        QCOMPARE(links.status, 200);
        const QDateTime expires = QDateTime::fromString(links.json().value(QStringLiteral("expiresAt")).toString(), Qt::ISODateWithMs);
        QVERIFY(expires.isValid());
        const qint64 ttl = QDateTime::currentDateTimeUtc().secsTo(expires);
        QVERIFY2(ttl > 6 * 3600 - 60 && ttl <= 6 * 3600, qPrintable(QString::number(ttl)));

        const QString base = signedBase(m_private, m_alice);
        QVERIFY(base.startsWith(QLatin1String("/media/s/")));
        QVERIFY(base.endsWith(QStringLiteral("/videos/%1/").arg(m_private)));
        const QString disk = QStringLiteral("videos/%1/").arg(m_private);
        // Anonymous client, only the URL: the token is the capability.
        const auto master = m_fx->get(base + QStringLiteral("master.m3u8"));
        QCOMPARE(master.status, 200);
        QCOMPARE(master.body, m_fx->fileBytes(disk + QStringLiteral("master.m3u8")));
        QVERIFY(master.header("Cache-Control").startsWith("private"));
        const QString media = firstUri(master.body);
        const auto playlist = m_fx->get(base + media);
        QCOMPARE(playlist.status, 200);
        const QString segment = media.left(media.lastIndexOf(u'/') + 1) + firstUri(playlist.body);
        const auto seg = m_fx->get(base + segment);
        QCOMPARE(seg.status, 200);
        QCOMPARE(seg.header("Content-Type"), QByteArray("video/mp2t"));
        QCOMPARE(seg.body, m_fx->fileBytes(disk + segment));
        QCOMPARE(m_fx->get(base + QStringLiteral("thumbs/poster.jpg")).status, 200);
        QCOMPARE(m_fx->get(base + QStringLiteral("180p/missing.ts")).status, 404);
        // HEAD answers like GET without a body.
        const auto head = m_fx->rawRequest("HEAD", base + segment);
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.isEmpty());
        QCOMPARE(head.header("Content-Length"), QByteArray::number(seg.body.size()));
        QCOMPARE(m_fx->rawRequest("HEAD", QStringLiteral("/media/videos/%1/master.m3u8").arg(m_private)).status, 404);
    }

    void unlistedLinksForAnyone()
    {
        const auto links = m_fx->get(QStringLiteral("/api/v1/videos/%1/media").arg(m_unlisted));
        QCOMPARE(links.status, 200);
        const QString master = links.json().value(QStringLiteral("masterUrl")).toString();
        QVERIFY(master.startsWith(QLatin1String("/media/s/")));
        QCOMPARE(m_fx->get(master).status, 200);
    }

    void tokenOpensOnlyItsVideo()
    {
        const QString base = signedBase(m_private, m_alice);
        QString other = base;
        other.replace(m_private, m_private2);
        const auto reply = m_fx->get(other + QStringLiteral("master.m3u8"));
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorCode(), QByteArray("media_token_invalid"));
        QString toPublic = base;
        toPublic.replace(m_private, m_public);
        QCOMPARE(m_fx->get(toPublic + QStringLiteral("master.m3u8")).errorCode(), QByteArray("media_token_invalid"));
        // Only files of videos/<id>/ are reachable on a signed path.
        const QString token = base.section(u'/', 3, 3);
        QCOMPARE(m_fx->get(QStringLiteral("/media/s/%1/other/file.txt").arg(token)).status, 404);
    }

    void forgedTokensAreRefused()
    {
        const QString base = signedBase(m_private, m_alice);
        const QString token = base.section(u'/', 3, 3);
        const QString tail = QStringLiteral("/videos/%1/master.m3u8").arg(m_private);
        QString flipped = token;
        const qsizetype last = flipped.size() - 2;
        flipped[last] = flipped.at(last) == u'A' ? u'B' : u'A';
        // Same payload, other expiry: the signature no longer fits.
        const QByteArray payload = QByteArray::fromBase64(token.section(u'.', 0, 0).toLatin1(), QByteArray::Base64UrlEncoding);
        QByteArray longer = payload;
        const QByteArray expiry = QByteArray("|") + payload.split('|').at(2) + QByteArray("|");
        longer.replace(expiry, QByteArray("|9999999999|"));
        const QString extended = QString::fromLatin1(longer.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
            + u'.' + token.section(u'.', 1, 1);
        // Signed with another key.
        const QString otherKey = QString::fromLatin1(MediaTokenCodec(QByteArrayLiteral("another-secret-of-at-least-32-bytes!!"))
                                                         .issue({m_private, QDateTime::currentSecsSinceEpoch() + 3600, {}}));
        for (const QString &bad : {flipped, extended, otherKey, QStringLiteral("garbage"), QStringLiteral("a.b"), QStringLiteral("..x")}) {
            const auto reply = m_fx->get(QStringLiteral("/media/s/") + bad + tail);
            QCOMPARE(reply.status, 403);
            QCOMPARE(reply.errorCode(), QByteArray("media_token_invalid"));
        }
    }

    void expiredTokenIsRefused()
    {
        // A genuine token (the server's key, derived from the known secret) that expired a second ago.
        const MediaTokenCodec codec(s_secret);
        const QByteArray token = codec.issue({m_private, QDateTime::currentSecsSinceEpoch() - 1, {}});
        const auto reply = m_fx->get(QStringLiteral("/media/s/%1/videos/%2/master.m3u8").arg(QString::fromLatin1(token), m_private));
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorCode(), QByteArray("media_token_expired"));
        const QByteArray fresh = codec.issue({m_private, QDateTime::currentSecsSinceEpoch() + 60, {}});
        QCOMPARE(m_fx->get(QStringLiteral("/media/s/%1/videos/%2/master.m3u8").arg(QString::fromLatin1(fresh), m_private)).status, 200);
    }

    void expiredAfterConfiguredTtl()
    {
        // A second server whose media links live one second and whose visibility cache lasts 300 ms.
        MediaFixture shortLived({QStringLiteral("--set"), QStringLiteral("delivery.tokenTtl=1"),
                                 QStringLiteral("--set"), QStringLiteral("delivery.visibilityCacheMs=300")});
        QString error;
        QVERIFY2(shortLived.start(&error), qPrintable(error));
        const QByteArray carol = shortLived.registerUser(QStringLiteral("carol"));
        const QString id = shortLived.readyVideo(carol, QStringLiteral("private"));
        QVERIFY(!id.isEmpty());
        const auto links = shortLived.get(QStringLiteral("/api/v1/videos/%1/media").arg(id), carol);
        QCOMPARE(links.status, 200);
        const QString master = links.json().value(QStringLiteral("masterUrl")).toString();
        QCOMPARE(shortLived.get(master).status, 200);
        QThread::msleep(2100);
        const auto reply = shortLived.get(master);
        QCOMPARE(reply.status, 403);
        QCOMPARE(reply.errorCode(), QByteArray("media_token_expired"));

        // Making a public video private closes its plain path once the cache entry is gone.
        const QString pub = shortLived.readyVideo(carol, QStringLiteral("public"));
        QVERIFY(!pub.isEmpty());
        const QString plain = QStringLiteral("/media/videos/%1/master.m3u8").arg(pub);
        QCOMPARE(shortLived.get(plain).status, 200);
        const auto patched = shortLived.call("PATCH", QStringLiteral("/api/v1/videos/") + pub, carol,
                                             QJsonObject{{QStringLiteral("visibility"), QStringLiteral("private")}});
        QCOMPARE(patched.status, 200);
        QThread::msleep(400);
        QCOMPARE(shortLived.get(plain).status, 404);
        shortLived.stop();
    }

    void traversalIsImpossible()
    {
        const QString pub = QStringLiteral("/media/videos/%1/").arg(m_public);
        const QString priv = m_private;
        // A file inside media that must never be reachable through a public path.
        QVERIFY(QFile::link(QStringLiteral("/etc"), m_fx->mediaDir() + QStringLiteral("/videos/%1/etc").arg(m_public)));
        QVERIFY(QFile::link(QStringLiteral("/etc/passwd"), m_fx->mediaDir() + QStringLiteral("/videos/%1/passwd.ts").arg(m_public)));
        QVERIFY(QFile::link(QStringLiteral("/etc"), m_fx->mediaDir() + QStringLiteral("/etc")));
        QVERIFY(QFile::link(m_fx->mediaDir() + QStringLiteral("/videos/") + priv,
                            m_fx->mediaDir() + QStringLiteral("/videos/%1/private").arg(m_public)));
        const QString base = signedBase(m_private2, m_alice);

        const QStringList targets{
            pub + QStringLiteral("../%1/master.m3u8").arg(priv),
            pub + QStringLiteral("%2e%2e/%1/master.m3u8").arg(priv),
            pub + QStringLiteral("%2E%2E/%1/master.m3u8").arg(priv),
            pub + QStringLiteral("..%2f%1%2fmaster.m3u8").arg(priv),
            pub + QStringLiteral("%2e%2e%2f%1%2fmaster.m3u8").arg(priv),
            pub + QStringLiteral("%252e%252e/%1/master.m3u8").arg(priv),
            pub + QStringLiteral("..%252f%1%252fmaster.m3u8").arg(priv),
            pub + QStringLiteral("..%5c%1%5cmaster.m3u8").arg(priv),
            pub + QStringLiteral("%2fetc%2fpasswd"),
            pub + QStringLiteral("etc/passwd"),
            pub + QStringLiteral("passwd.ts"),
            pub + QStringLiteral("private/master.m3u8"),
            QStringLiteral("/media//etc/passwd"),
            QStringLiteral("/media/%2fetc%2fpasswd"),
            QStringLiteral("/media/etc/passwd"),
            QStringLiteral("/media/../../../../etc/passwd"),
            QStringLiteral("/media/%2e%2e/%2e%2e/%2e%2e/etc/passwd"),
            QStringLiteral("/media/videos/%1/../../../kinora.sqlite").arg(m_public),
            QStringLiteral("/media/videos/..%2f..%2fkinora.sqlite"),
            QStringLiteral("/media/videos/%2e%2e/kinora.sqlite"),
            // A valid token for one private video does not reach the other.
            base + QStringLiteral("../%1/master.m3u8").arg(priv),
            base + QStringLiteral("%2e%2e/%1/master.m3u8").arg(priv),
            base + QStringLiteral("..%2f%1%2fmaster.m3u8").arg(priv),
            base + QStringLiteral("%252e%252e/%1/master.m3u8").arg(priv),
            base + QStringLiteral("/etc/passwd"),
        };
        const QByteArray passwd = [] { QFile f(QStringLiteral("/etc/passwd")); return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray(); }();
        const QByteArray privateMaster = m_fx->fileBytes(QStringLiteral("videos/%1/master.m3u8").arg(priv));
        for (const QString &target : targets) {
            const auto reply = m_fx->rawGet(target);
            QVERIFY2(reply.status == 404 || reply.status == 400,
                     qPrintable(target + QStringLiteral(" -> ") + QString::number(reply.status)));
            QVERIFY2(!reply.body.contains("root:"), qPrintable(target));
            QVERIFY(reply.body != privateMaster);
            QVERIFY(reply.body != passwd);
        }
        // Absolute-form request targets are not paths under /media either.
        QVERIFY(m_fx->rawGet(QStringLiteral("/etc/passwd")).status == 404);
        // The legitimate neighbours still work.
        QCOMPARE(m_fx->rawGet(pub + QStringLiteral("master.m3u8")).status, 200);
        QCOMPARE(m_fx->rawGet(base + QStringLiteral("master.m3u8")).status, 200);
    }
};

QTEST_GUILESS_MAIN(tst_MediaDelivery)
#include "tst_mediadelivery.moc"
