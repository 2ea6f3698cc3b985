#include "core/media/partialoutputdirectory.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using Kinora::Core::PartialOutputDirectory;

// Which work folders next to an output count as stale: the owner's lock and pid decide.
class TestPartialOutputDirectory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString output() const { return m_dir.filePath(QStringLiteral("ladder")); }

    // A folder as a transcode that died would have left it.
    QString leftover(const QString &name, bool withLockFile)
    {
        const QString directory = m_dir.filePath(name);
        if (!QDir().mkpath(directory + QStringLiteral("/360p")))
            return {};
        QFile segment(directory + QStringLiteral("/360p/seg_00000.ts"));
        if (!segment.open(QIODevice::WriteOnly) || segment.write(QByteArray(188, 'G')) != 188)
            return {};
        segment.close();
        if (withLockFile) {
            QFile lock(directory + QStringLiteral("/.owner"));
            if (!lock.open(QIODevice::WriteOnly))
                return {};
        }
        return directory;
    }

    static qint64 deadPid()
    {
        QProcess process;
        process.start(QStringLiteral("true"), QStringList());
        if (!process.waitForStarted())
            return -1;
        const qint64 pid = process.processId();
        process.waitForFinished();
        return pid;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void liveOwnerIsKept()
    {
        PartialOutputDirectory work(output());
        QVERIFY2(work.isValid(), qPrintable(work.errorString()));
        QVERIFY(QFileInfo(work.path()).fileName().startsWith(QStringLiteral(".ladder.partial-%1-").arg(::getpid())));
        QVERIFY(QFileInfo::exists(work.path() + QStringLiteral("/.owner")));
        QCOMPARE(PartialOutputDirectory::removeStale(output()), 0);
        QVERIFY(QFileInfo::exists(work.path()));
        // While being renamed into place there is no lock file; the live pid still protects it.
        work.prepareToPublish();
        QVERIFY(!QFileInfo::exists(work.path() + QStringLiteral("/.owner")));
        QCOMPARE(PartialOutputDirectory::removeStale(output()), 0);
        QVERIFY(QFileInfo::exists(work.path()));
    }

    void removedWithItsOwner()
    {
        QString path;
        {
            PartialOutputDirectory work(output());
            QVERIFY(work.isValid());
            path = work.path();
        }
        QVERIFY(!QFileInfo::exists(path));
    }

    void unlockedFolderIsStale()
    {
        // The lock is what counts: the pid may have been reused, here by this very process.
        const QString directory = leftover(QStringLiteral(".ladder.partial-%1-aB3dE9").arg(::getpid()), true);
        QVERIFY(!directory.isEmpty());
        QCOMPARE(PartialOutputDirectory::removeStale(output()), 1);
        QVERIFY(!QFileInfo::exists(directory));
    }

    void deadPidWithoutLockFileIsStale()
    {
        const qint64 pid = deadPid();
        QVERIFY(pid > 0);
        const QString dead = leftover(QStringLiteral(".ladder.partial-%1-Zq81xY").arg(pid), false);
        const QString alive = leftover(QStringLiteral(".ladder.partial-%1-Zq81xZ").arg(::getpid()), false);
        QVERIFY(!dead.isEmpty() && !alive.isEmpty());
        QCOMPARE(PartialOutputDirectory::removeStale(output()), 1);
        QVERIFY(!QFileInfo::exists(dead));
        QVERIFY(QFileInfo::exists(alive));
        QVERIFY(QDir(alive).removeRecursively());
    }

    void otherFoldersAreLeftAlone()
    {
        const qint64 pid = deadPid();
        QVERIFY(pid > 0);
        const QStringList names{QStringLiteral(".other.partial-%1-abcdef").arg(pid),    // another output
                                QStringLiteral(".ladder.partial-xYz123"),                  // no pid in the name
                                QStringLiteral("ladder.partial-%1-abcdef").arg(pid)};     // not hidden: not ours
        for (const QString &name : names)
            QVERIFY(!leftover(name, false).isEmpty());
        QCOMPARE(PartialOutputDirectory::removeStale(output()), 0);
        for (const QString &name : names)
            QVERIFY2(QFileInfo::exists(m_dir.filePath(name)), qPrintable(name));
    }
};

QTEST_GUILESS_MAIN(TestPartialOutputDirectory)
#include "tst_partialoutputdirectory.moc"
