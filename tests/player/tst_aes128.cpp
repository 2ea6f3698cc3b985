// AES-128 segment decryption against ciphertext produced by the openssl CLI
// at test time (AES-128-CBC, PKCS#7 padding, as HLS packagers write it).
#include "player/hls/aes128decryptor.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Kinora::Player;

class TestAes128 : public QObject
{
    Q_OBJECT

private:
    QString m_openssl;
    QTemporaryDir m_dir;

    QByteArray opensslEncrypt(const QByteArray &plain, const QByteArray &key, const QByteArray &iv)
    {
        const QString in = m_dir.filePath(QStringLiteral("plain.bin"));
        const QString out = m_dir.filePath(QStringLiteral("cipher.bin"));
        QFile file(in);
        if (!file.open(QIODevice::WriteOnly) || file.write(plain) != plain.size())
            return {};
        file.close();
        QProcess process;
        process.start(m_openssl, {QStringLiteral("enc"), QStringLiteral("-aes-128-cbc"), QStringLiteral("-K"),
                                  QString::fromLatin1(key.toHex()), QStringLiteral("-iv"),
                                  QString::fromLatin1(iv.toHex()), QStringLiteral("-in"), in,
                                  QStringLiteral("-out"), out});
        if (!process.waitForFinished(20000) || process.exitCode() != 0)
            return {};
        QFile result(out);
        if (!result.open(QIODevice::ReadOnly))
            return {};
        return result.readAll();
    }

    static QByteArray randomBytes(qsizetype size, quint32 seed)
    {
        QRandomGenerator random(seed);
        QByteArray bytes(size, Qt::Uninitialized);
        for (char &c : bytes)
            c = char(random.bounded(256));
        return bytes;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
        QVERIFY2(!m_openssl.isEmpty(), "the openssl command line tool is needed to produce reference ciphertext");
        QVERIFY(m_dir.isValid());
    }

    void ivFromSequenceNumber()
    {
        QCOMPARE(Aes128Decryptor::ivForSequence(0), QByteArray(16, '\0'));
        QCOMPARE(Aes128Decryptor::ivForSequence(0x0102), QByteArray::fromHex("00000000000000000000000000000102"));
        QCOMPARE(Aes128Decryptor::ivForSequence(7794), QByteArray::fromHex("00000000000000000000000000001e72"));
    }

    void matchesOpenssl_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("ivFromSequence");
        QTest::newRow("empty") << 0 << false;
        QTest::newRow("15 bytes") << 15 << false;
        QTest::newRow("one block") << 16 << false;
        QTest::newRow("1000 bytes") << 1000 << true;
        QTest::newRow("TS segment") << 188 * 700 << false;
        QTest::newRow("TS segment, sequence IV") << 188 * 700 << true;
    }

    void matchesOpenssl()
    {
        QFETCH(int, size);
        QFETCH(bool, ivFromSequence);
        const QByteArray plain = randomBytes(size, quint32(size) + 1);
        const QByteArray key = randomBytes(16, 77);
        const QByteArray iv = ivFromSequence ? Aes128Decryptor::ivForSequence(2680 + size) : randomBytes(16, 99);
        const QByteArray cipher = opensslEncrypt(plain, key, iv);
        QVERIFY(!cipher.isEmpty());
        QCOMPARE(cipher.size() % 16, 0);
        QVERIFY(cipher.size() > size); // PKCS#7 always pads

        Aes128Decryptor decryptor;
        const std::optional<QByteArray> result = decryptor.decrypt(cipher, key, iv);
        QVERIFY2(result.has_value(), qPrintable(decryptor.errorString()));
        QCOMPARE(result->size(), plain.size());
        QCOMPARE(*result, plain);
    }

    void rejectsBadInput()
    {
        const QByteArray plain = randomBytes(4000, 5);
        const QByteArray key = randomBytes(16, 6);
        const QByteArray iv = randomBytes(16, 7);
        const QByteArray cipher = opensslEncrypt(plain, key, iv);
        QVERIFY(!cipher.isEmpty());

        Aes128Decryptor decryptor;
        QVERIFY(!decryptor.decrypt(cipher.left(cipher.size() - 3), key, iv));
        QVERIFY(decryptor.errorString().contains(QStringLiteral("multiple of 16")));
        QVERIFY(!decryptor.decrypt(cipher, key.left(8), iv));
        QVERIFY(!decryptor.decrypt(cipher, key, iv.left(15)));
        QVERIFY(!decryptor.decrypt(QByteArray(), key, iv));
        // A wrong key yields garbage whose padding does not check out.
        QByteArray wrongKey = key;
        wrongKey[0] = char(wrongKey[0] ^ 0x55);
        QVERIFY(!decryptor.decrypt(cipher, wrongKey, iv));
        QVERIFY(decryptor.errorString().contains(QStringLiteral("padding")));
        // A wrong IV only corrupts the first block, so the padding still checks out but the data differs.
        QByteArray wrongIv = iv;
        wrongIv[3] = char(wrongIv[3] ^ 1);
        const std::optional<QByteArray> corrupted = decryptor.decrypt(cipher, key, wrongIv);
        QVERIFY(corrupted.has_value());
        QVERIFY(*corrupted != plain);
        QCOMPARE(corrupted->mid(16), plain.mid(16));
    }
};

QTEST_GUILESS_MAIN(TestAes128)
#include "tst_aes128.moc"
