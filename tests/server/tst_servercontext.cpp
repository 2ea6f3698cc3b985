#include "server/app/jwtsecretfile.h"
#include "server/app/servercontext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Kinora::Server;

class tst_ServerContext : public QObject
{
    Q_OBJECT

private:
    static ServerConfig configFor(const QString &dir)
    {
        ServerConfig config;
        config.dataDir = dir;
        config.accounts.kdfOpsLimit = 1;
        config.accounts.kdfMemLimitKiB = 64;
        return config;
    }

private Q_SLOTS:
    void generatedSecretIsPrivateAndStable()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("jwt-secret"));
        QString error;
        const QByteArray first = JwtSecretFile::loadOrCreate(path, &error);
        QCOMPARE(first.size(), 32);
        QCOMPARE(QFileInfo(path).permissions() & ~(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser),
                 QFile::Permissions());
        QCOMPARE(JwtSecretFile::loadOrCreate(path, &error), first);

        // Loosened permissions are tightened again.
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        QCOMPARE(JwtSecretFile::loadOrCreate(path, &error), first);
        QVERIFY(!(QFileInfo(path).permissions() & QFile::ReadOther));

        QTemporaryDir other;
        QVERIFY(JwtSecretFile::loadOrCreate(other.filePath(QStringLiteral("jwt-secret")), &error) != first);
    }

    void damagedSecretIsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("jwt-secret"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("abc\n");
        file.close();
        QString error;
        QVERIFY(JwtSecretFile::loadOrCreate(path, &error).isEmpty());
        QVERIFY(error.contains(path));
    }

    void openCreatesLayout()
    {
        QTemporaryDir parent;
        const QString dataDir = parent.filePath(QStringLiteral("fresh/data"));
        ServerContext context(configFor(dataDir));
        QString error;
        QVERIFY2(context.open(&error), qPrintable(error));
        QVERIFY(QFileInfo(dataDir + QStringLiteral("/kinora.sqlite")).isFile());
        QVERIFY(QFileInfo(dataDir + QStringLiteral("/media")).isDir());
        QVERIFY(QFileInfo(dataDir + QStringLiteral("/tmp")).isDir());
        QVERIFY(QFileInfo(dataDir + QStringLiteral("/jwt-secret")).isFile());
        QCOMPARE(QFileInfo(dataDir).permissions() & (QFile::ReadOther | QFile::ReadGroup), QFile::Permissions());
        QCOMPARE(context.config().http.tempDir, dataDir + QStringLiteral("/tmp"));
    }

    void configuredSecretWritesNoFile()
    {
        QTemporaryDir dir;
        ServerConfig config = configFor(dir.path());
        config.jwtSecret = QString(40, QLatin1Char('s'));
        ServerContext context(config);
        QString error;
        QVERIFY2(context.open(&error), qPrintable(error));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("jwt-secret"))));
    }

    void unusableDataDirIsAnError()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(QStringLiteral("file"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        ServerContext context(configFor(blocker + QStringLiteral("/sub")));
        QString error;
        QVERIFY(!context.open(&error));
        QVERIFY(error.contains(blocker));
    }

    void badKdfCostIsAnError()
    {
        QTemporaryDir dir;
        ServerConfig config = configFor(dir.path());
        config.accounts.kdfMemLimitKiB = 1; // below Argon2id's minimum
        ServerContext context(config);
        QString error;
        QVERIFY(!context.open(&error));
        QVERIFY(error.contains(QStringLiteral("kdf")));
    }
};

QTEST_GUILESS_MAIN(tst_ServerContext)
#include "tst_servercontext.moc"
