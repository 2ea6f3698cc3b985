// MediaTokenCodec and PublicVideoCache without sockets.
#include "server/delivery/mediatokencodec.h"
#include "server/delivery/publicvideocache.h"

#include <QTest>

using Kinora::Server::Delivery::MediaTokenCodec;
using Kinora::Server::Delivery::PublicVideoCache;

class tst_MediaTokenCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        const MediaTokenCodec codec(QByteArrayLiteral("0123456789abcdef0123456789abcdef"));
        const QByteArray token = codec.issue({QStringLiteral("abcDEF12345"), 2000, QStringLiteral("sess")});
        // Only URL-safe characters: the token is one path segment.
        for (char c : token)
            QVERIFY(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.');
        MediaTokenCodec::Claims claims;
        QCOMPARE(codec.check(token, QStringLiteral("abcDEF12345"), 1999, &claims), MediaTokenCodec::Check::Valid);
        QCOMPARE(claims.videoId, QStringLiteral("abcDEF12345"));
        QCOMPARE(claims.expiresAt, 2000);
        QCOMPARE(claims.sessionId, QStringLiteral("sess"));
        QCOMPARE(codec.check(token, QStringLiteral("abcDEF12345"), 2000), MediaTokenCodec::Check::Expired);
        QCOMPARE(codec.check(token, QStringLiteral("abcDEF12346"), 1000), MediaTokenCodec::Check::Invalid);
    }

    void forgeriesAreInvalid()
    {
        const MediaTokenCodec codec(QByteArrayLiteral("0123456789abcdef0123456789abcdef"));
        const MediaTokenCodec other(QByteArrayLiteral("0123456789abcdef0123456789abcdeX"));
        const QString id = QStringLiteral("abcDEF12345");
        const QByteArray token = codec.issue({id, 2000, {}});
        QCOMPARE(other.check(token, id, 1000), MediaTokenCodec::Check::Invalid);
        QByteArray flipped = token;
        flipped[flipped.size() - 1] = flipped.back() == 'A' ? 'B' : 'A';
        QCOMPARE(codec.check(flipped, id, 1000), MediaTokenCodec::Check::Invalid);
        const QByteArray payload = token.left(token.indexOf('.'));
        const QByteArray signature = token.mid(token.indexOf('.') + 1);
        const QByteArray longer = QByteArray("v1|" + id.toLatin1() + "|99999|")
                                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        QCOMPARE(codec.check(longer + '.' + signature, id, 1000), MediaTokenCodec::Check::Invalid);
        const QList<QByteArray> bad{QByteArray(), QByteArray("."), payload, QByteArray(payload + '.'), QByteArray('.' + signature),
                                    QByteArray(token + ".x"), QByteArray("!!!.???"), QByteArray(600, 'a')};
        for (const QByteArray &b : bad)
            QCOMPARE(codec.check(b, id, 1000), MediaTokenCodec::Check::Invalid);
        // An expired forgery is still a forgery.
        QCOMPARE(other.check(token, id, 5000), MediaTokenCodec::Check::Invalid);
    }

    void cacheRemembersForItsTtl()
    {
        int lookups = 0;
        bool answer = true;
        PublicVideoCache cache([&](const QString &) { ++lookups; return answer; }, 1000);
        QVERIFY(cache.isPublic(QStringLiteral("a"), 10'000));
        answer = false;
        QVERIFY(cache.isPublic(QStringLiteral("a"), 10'999));
        QCOMPARE(lookups, 1);
        QVERIFY(!cache.isPublic(QStringLiteral("a"), 11'000));
        QCOMPARE(lookups, 2);
        QVERIFY(!cache.isPublic(QStringLiteral("b"), 11'000));
        QCOMPARE(lookups, 3);
        // A "no" lasts a fifth of the time.
        answer = true;
        QVERIFY(!cache.isPublic(QStringLiteral("a"), 11'199));
        QCOMPARE(lookups, 3);
        QVERIFY(cache.isPublic(QStringLiteral("a"), 11'200));
        QCOMPARE(lookups, 4);

        PublicVideoCache uncached([&](const QString &) { ++lookups; return true; }, 0);
        uncached.isPublic(QStringLiteral("a"), 0);
        uncached.isPublic(QStringLiteral("a"), 0);
        QCOMPARE(lookups, 6);
    }

    void cacheIsBounded()
    {
        PublicVideoCache cache([](const QString &) { return true; }, 60'000, 10);
        for (int i = 0; i < 100; ++i)
            QVERIFY(cache.isPublic(QString::number(i), 1000));
    }
};

QTEST_GUILESS_MAIN(tst_MediaTokenCodec)
#include "tst_mediatokencodec.moc"
