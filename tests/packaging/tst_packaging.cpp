// Builds the Debian packages with cpack from the current build tree and checks
// what a user installing them would get.
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
};

Run run(const QString &program, const QStringList &args, const QString &workDir = {}, int timeoutMs = 240000)
{
    QProcess p;
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAll();
    return r;
}

} // namespace

class TestPackaging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void serverPackage();
    void appPackage();
    void systemdUnitVerifies();

private:
    QString packagePath(const QString &prefix) const;
    QStringList contents(const QString &deb) const;

    QTemporaryDir m_out;
    QString m_serverDeb;
    QString m_appDeb;
};

void TestPackaging::initTestCase()
{
    QVERIFY(m_out.isValid());
    if (QStandardPaths::findExecutable(QStringLiteral("dpkg-deb")).isEmpty())
        QFAIL("dpkg-deb is missing (install dpkg-dev)");
    const Run r = run(QStringLiteral("cpack"),
                      {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"), m_out.path(),
                       QStringLiteral("--config"), QStringLiteral(KINORA_BINARY_DIR "/CPackConfig.cmake")},
                      QStringLiteral(KINORA_BINARY_DIR));
    QVERIFY2(r.exitCode == 0, r.out.constData());
    m_serverDeb = packagePath(QStringLiteral("kinora-server_"));
    m_appDeb = packagePath(QStringLiteral("kinora_"));
    QVERIFY2(!m_serverDeb.isEmpty(), "no kinora-server_*.deb produced");
    QVERIFY2(!m_appDeb.isEmpty(), "no kinora_*.deb produced");
}

QString TestPackaging::packagePath(const QString &prefix) const
{
    const QStringList debs = QDir(m_out.path()).entryList({prefix + QStringLiteral("*.deb")}, QDir::Files);
    return debs.isEmpty() ? QString() : m_out.filePath(debs.first());
}

QStringList TestPackaging::contents(const QString &deb) const
{
    const Run r = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), deb});
    QStringList paths;
    // "-rwxr-xr-x root/root  1234 2026-01-01 00:00 ./usr/bin/kinora-server"
    static const QRegularExpression pathAtEnd(QStringLiteral("(\\./\\S+)$"));
    for (const QByteArray &line : r.out.split('\n')) {
        const auto m = pathAtEnd.match(QString::fromUtf8(line));
        if (m.hasMatch())
            paths << m.captured(1);
    }
    return paths;
}

void TestPackaging::serverPackage()
{
    const QStringList files = contents(m_serverDeb);
    QVERIFY2(files.contains(QStringLiteral("./usr/bin/kinora-server")), qPrintable(files.join(u'\n')));
    QVERIFY(files.contains(QStringLiteral("./usr/lib/systemd/system/kinora-server.service")));
    QVERIFY(files.contains(QStringLiteral("./etc/kinora/server.conf")));
    QVERIFY(files.contains(QStringLiteral("./usr/share/doc/kinora-server/examples/nginx-kinora.conf")));
    QVERIFY(!files.contains(QStringLiteral("./usr/bin/kinora")));

    const Run info = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-I"), m_serverDeb});
    QCOMPARE(info.exitCode, 0);
    QVERIFY2(info.out.contains("Package: kinora-server"), info.out.constData());
    QVERIFY(info.out.contains("postinst"));
    QVERIFY(info.out.contains("conffiles"));
    QVERIFY(info.out.contains("adduser"));

    // The unit runs the service as its own unprivileged user, which postinst creates.
    QTemporaryDir control;
    QCOMPARE(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-e"), m_serverDeb, control.path()}).exitCode, 0);
    QFile postinst(control.filePath(QStringLiteral("postinst")));
    QVERIFY(postinst.open(QIODevice::ReadOnly));
    QVERIFY(postinst.readAll().contains("adduser --system"));
    QVERIFY(QFileInfo(postinst.fileName()).isExecutable());

    QTemporaryDir root;
    QCOMPARE(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_serverDeb, root.path()}).exitCode, 0);
    QFile unit(root.filePath(QStringLiteral("usr/lib/systemd/system/kinora-server.service")));
    QVERIFY(unit.open(QIODevice::ReadOnly));
    const QByteArray unitText = unit.readAll();
    QVERIFY(unitText.contains("User=kinora"));
    QVERIFY(unitText.contains("ExecStart=/usr/bin/kinora-server"));

    // The packaged binary runs.
    const Run version = run(root.filePath(QStringLiteral("usr/bin/kinora-server")), {QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY2(version.out.contains(KINORA_VERSION), version.out.constData());
}

void TestPackaging::appPackage()
{
    const QStringList files = contents(m_appDeb);
    QVERIFY2(files.contains(QStringLiteral("./usr/bin/kinora")), qPrintable(files.join(u'\n')));
    QVERIFY(files.contains(QStringLiteral("./usr/share/applications/org.kinora.Kinora.desktop")));
    QVERIFY(files.contains(QStringLiteral("./usr/share/icons/hicolor/scalable/apps/org.kinora.Kinora.svg")));
    QVERIFY(files.contains(QStringLiteral("./usr/share/metainfo/org.kinora.Kinora.metainfo.xml")));
    QVERIFY(!files.contains(QStringLiteral("./usr/bin/kinora-server")));

    QTemporaryDir root;
    QCOMPARE(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_appDeb, root.path()}).exitCode, 0);
    QFile desktop(root.filePath(QStringLiteral("usr/share/applications/org.kinora.Kinora.desktop")));
    QVERIFY(desktop.open(QIODevice::ReadOnly));
    const QByteArray text = desktop.readAll();
    QVERIFY(text.contains("Exec=kinora"));
    QVERIFY(text.contains("Icon=org.kinora.Kinora"));
    QVERIFY(text.contains("Type=Application"));
    if (!QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate")).isEmpty()) {
        const Run v = run(QStringLiteral("desktop-file-validate"), {desktop.fileName()});
        QVERIFY2(v.exitCode == 0, v.out.constData());
    }
    QFile metainfo(root.filePath(QStringLiteral("usr/share/metainfo/org.kinora.Kinora.metainfo.xml")));
    QVERIFY(metainfo.open(QIODevice::ReadOnly));
    QVERIFY(metainfo.readAll().contains("<id>org.kinora.Kinora</id>"));
}

void TestPackaging::systemdUnitVerifies()
{
    if (QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty())
        QSKIP("systemd-analyze is not installed on this machine");
    QTemporaryDir root;
    QCOMPARE(run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_serverDeb, root.path()}).exitCode, 0);
    QFile unit(root.filePath(QStringLiteral("usr/lib/systemd/system/kinora-server.service")));
    QVERIFY(unit.open(QIODevice::ReadOnly));
    // Verified against this machine's systemd, with ExecStart pointing at the
    // packaged binary where the package was unpacked (it is not installed).
    QByteArray text = unit.readAll();
    const QByteArray execStart = QByteArrayLiteral("ExecStart=") + root.filePath(QStringLiteral("usr/bin/kinora-server")).toUtf8();
    text.replace(QByteArrayLiteral("ExecStart=/usr/bin/kinora-server"), execStart);
    QTemporaryDir unitDir;
    QFile copy(unitDir.filePath(QStringLiteral("kinora-server.service")));
    QVERIFY(copy.open(QIODevice::WriteOnly));
    copy.write(text);
    copy.close();
    const Run r = run(QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), copy.fileName()});
    QVERIFY2(r.exitCode == 0, r.out.constData());
    QVERIFY2(!r.out.contains("kinora-server.service:"), r.out.constData());
}

QTEST_GUILESS_MAIN(TestPackaging)
#include "tst_packaging.moc"
