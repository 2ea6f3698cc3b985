// The keyring-backed CredentialStore on this machine: either the keyring
// works (write, read back, remove) or the store says it is unavailable;
// in no case does a secret end up in a plain file.
#include "app/keychaincredentialstore.h"
#include "core/net/memorycredentialstore.h"

#include <QDirIterator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Kinora;

namespace {

Core::CredentialStore::Result run(const std::function<void(QObject *, Core::CredentialStore::Callback)> &operation)
{
    QObject context;
    bool done = false;
    Core::CredentialStore::Result result;
    operation(&context, [&](const Core::CredentialStore::Result &r) {
        result = r;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 30000))
        result.message = QStringLiteral("no answer within 30 s");
    return result;
}

} // namespace

class TestKeychainStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void keyringOrUnavailable();
    void memoryStore();

private:
    QTemporaryDir m_home;
};

void TestKeychainStore::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Anything written as a file would land in this empty home.
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral(".local/share")).toUtf8());
}

void TestKeychainStore::keyringOrUnavailable()
{
    App::KeychainCredentialStore store(QStringLiteral("org.kinora.Kinora.Test"));
    const QString key = QStringLiteral("http://127.0.0.1:1#tester");
    const QString secret = QStringLiteral("refresh-token-%1").arg(QDateTime::currentMSecsSinceEpoch());

    const auto written = run([&](QObject *context, Core::CredentialStore::Callback done) {
        store.writeSecret(key, secret, context, done);
    });
    qInfo("keyring write: status %d, %s", int(written.status), qPrintable(written.message));
    if (written.status == Core::CredentialStore::Status::Ok) {
        const auto read = run([&](QObject *context, Core::CredentialStore::Callback done) {
            store.readSecret(key, context, done);
        });
        QCOMPARE(read.status, Core::CredentialStore::Status::Ok);
        QCOMPARE(read.secret, secret);
        const auto removed = run([&](QObject *context, Core::CredentialStore::Callback done) {
            store.removeSecret(key, context, done);
        });
        QCOMPARE(removed.status, Core::CredentialStore::Status::Ok);
        const auto gone = run([&](QObject *context, Core::CredentialStore::Callback done) {
            store.readSecret(key, context, done);
        });
        QCOMPARE(gone.status, Core::CredentialStore::Status::NotFound);
    } else {
        QVERIFY2(written.status == Core::CredentialStore::Status::Unavailable
                     || written.status == Core::CredentialStore::Status::Failed,
                 qPrintable(written.message));
        QVERIFY(!written.message.isEmpty());
        const auto read = run([&](QObject *context, Core::CredentialStore::Callback done) {
            store.readSecret(key, context, done);
        });
        QVERIFY(read.status != Core::CredentialStore::Status::Ok);
        QVERIFY(read.secret.isEmpty());
    }

    // No file anywhere in the home holds the secret.
    QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(secret.toUtf8()), qPrintable(file.fileName()));
    }
}

void TestKeychainStore::memoryStore()
{
    Core::MemoryCredentialStore store;
    const auto missing = run([&](QObject *context, Core::CredentialStore::Callback done) {
        store.readSecret(QStringLiteral("k"), context, done);
    });
    QCOMPARE(missing.status, Core::CredentialStore::Status::NotFound);
    run([&](QObject *context, Core::CredentialStore::Callback done) {
        store.writeSecret(QStringLiteral("k"), QStringLiteral("s"), context, done);
    });
    const auto read = run([&](QObject *context, Core::CredentialStore::Callback done) {
        store.readSecret(QStringLiteral("k"), context, done);
    });
    QCOMPARE(read.status, Core::CredentialStore::Status::Ok);
    QCOMPARE(read.secret, QStringLiteral("s"));

    // A callback whose context is gone is not called.
    bool called = false;
    {
        QObject context;
        store.readSecret(QStringLiteral("k"), &context, [&](const Core::CredentialStore::Result &) { called = true; });
    }
    QTest::qWait(50);
    QVERIFY(!called);

    store.setAvailable(false);
    const auto unavailable = run([&](QObject *context, Core::CredentialStore::Callback done) {
        store.writeSecret(QStringLiteral("k2"), QStringLiteral("s2"), context, done);
    });
    QCOMPARE(unavailable.status, Core::CredentialStore::Status::Unavailable);
    QVERIFY(!store.contains(QStringLiteral("k2")));
}

QTEST_MAIN(TestKeychainStore)
#include "tst_keychainstore.moc"
