#include "tests/support/postgresinstance.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>

#include <unistd.h>

namespace Kinora::Tests {

PostgresInstance::PostgresInstance() = default;

PostgresInstance::~PostgresInstance()
{
    stop();
}

QString PostgresInstance::binDir()
{
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
        const QString bin = root.filePath(*it + QStringLiteral("/bin"));
        if (QFileInfo(bin + QStringLiteral("/initdb")).isExecutable())
            return bin;
    }
    return {};
}

bool PostgresInstance::run(const QString &program, const QStringList &args, QString *output, int timeoutMs) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (::geteuid() == 0)
        process.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program} + args);
    else
        process.start(program, args);
    const bool finished = process.waitForFinished(timeoutMs);
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    if (!finished) {
        process.kill();
        process.waitForFinished(5000);
        return false;
    }
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool PostgresInstance::start(QString *error)
{
    const QString bin = binDir();
    if (bin.isEmpty()) {
        *error = QStringLiteral("PostgreSQL server binaries not found under /usr/lib/postgresql");
        return false;
    }
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        *error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    if (::geteuid() == 0) {
        QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postgres"), m_dir->path()});
        QFile::setPermissions(m_dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                                 | QFileDevice::ReadOther | QFileDevice::ExeOther);
    }
    const QString data = m_dir->filePath(QStringLiteral("data"));
    QString output;
    if (!run(bin + QStringLiteral("/initdb"), {QStringLiteral("-D"), data, QStringLiteral("-U"), user(), QStringLiteral("-A"), QStringLiteral("trust"),
                                               QStringLiteral("--no-sync"), QStringLiteral("-E"), QStringLiteral("UTF8")},
             &output, 120000)) {
        *error = QStringLiteral("initdb failed: ") + output;
        return false;
    }
    m_port = 20000 + int(QRandomGenerator::global()->bounded(30000));
    const QString options = QStringLiteral("-c listen_addresses='' -c unix_socket_directories='%1' -p %2 -c fsync=off")
                                .arg(m_dir->path())
                                .arg(m_port);
    if (!run(bin + QStringLiteral("/pg_ctl"), {QStringLiteral("-D"), data, QStringLiteral("-o"), options, QStringLiteral("-w"),
                                               QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-l"),
                                               m_dir->filePath(QStringLiteral("server.log")), QStringLiteral("start")},
             &output, 90000)) {
        QFile log(m_dir->filePath(QStringLiteral("server.log")));
        log.open(QIODevice::ReadOnly);
        *error = QStringLiteral("pg_ctl start failed: ") + output + QString::fromLocal8Bit(log.readAll());
        return false;
    }
    m_running = true;
    return true;
}

void PostgresInstance::stop()
{
    if (!m_running)
        return;
    run(binDir() + QStringLiteral("/pg_ctl"), {QStringLiteral("-D"), m_dir->filePath(QStringLiteral("data")), QStringLiteral("-m"),
                                               QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")},
        nullptr, 60000);
    m_running = false;
}

QString PostgresInstance::socketDir() const
{
    return m_dir ? m_dir->path() : QString();
}

} // namespace Kinora::Tests
