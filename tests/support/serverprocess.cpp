#include "tests/support/serverprocess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

#include <csignal>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/types.h>

namespace Kinora::Tests {

namespace {

QString serverBinary()
{
    return qEnvironmentVariable("KINORA_SERVER_BINARY", QStringLiteral(KINORA_DEFAULT_SERVER_BINARY));
}

// Settings every test server gets unless the test overrides them: a cheap
// password hash and generous auth rate limits, so suites stay fast and only
// the tests that exercise those limits configure them.
QProcessEnvironment testEnvironment(const QProcessEnvironment &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KINORA_AUTH_KDF_OPS_LIMIT"), QStringLiteral("1"));
    env.insert(QStringLiteral("KINORA_AUTH_KDF_MEM_LIMIT_KIB"), QStringLiteral("64"));
    env.insert(QStringLiteral("KINORA_AUTH_RATE_IP_BURST"), QStringLiteral("100000"));
    env.insert(QStringLiteral("KINORA_AUTH_RATE_ACCOUNT_BURST"), QStringLiteral("100000"));
    const QStringList keys = extra.keys();
    for (const QString &key : keys)
        env.insert(key, extra.value(key));
    return env;
}

// A server must not outlive its test, even when the test crashes or is killed.
void dieWithParent(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
}

} // namespace

ServerProcess::ServerProcess(QStringList extraArgs, QProcessEnvironment extraEnv)
    : m_extraArgs(std::move(extraArgs))
    , m_env(testEnvironment(extraEnv))
    , m_dir(std::make_unique<QTemporaryDir>())
{
}

ServerProcess::~ServerProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        ::kill(static_cast<pid_t>(m_process->processId()), SIGKILL);
        m_process->waitForFinished(10000);
    }
}

bool ServerProcess::start(QString *error)
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message + QStringLiteral("\n--- server output ---\n") + QString::fromUtf8(output());
        return false;
    };
    if (!m_dir->isValid())
        return fail(QStringLiteral("cannot create a temporary data directory"));
    const QString binary = serverBinary();
    if (binary.isEmpty())
        return fail(QStringLiteral("KINORA_SERVER_BINARY is not set"));

    if (m_process && m_process->state() != QProcess::NotRunning)
        stop();
    m_output.clear();
    m_baseUrl = QUrl();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(m_env);
    dieWithParent(*m_process);
    QStringList args{QStringLiteral("serve"), QStringLiteral("--data-dir"), m_dir->path(),
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")};
    args += m_extraArgs;
    m_process->start(binary, args);
    if (!m_process->waitForStarted(10000))
        return fail(QStringLiteral("cannot start %1: %2").arg(binary, m_process->errorString()));

    static const QRegularExpression listening(
        QStringLiteral("kinora-server: listening on (http://[^\\s]+:\\d+)"));
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output()));
        if (match.hasMatch()) {
            m_baseUrl = QUrl(match.captured(1));
            return true;
        }
        if (m_process->state() == QProcess::NotRunning)
            return fail(QStringLiteral("the server exited with code %1 before listening").arg(m_process->exitCode()));
        m_process->waitForReadyRead(qMax<qint64>(1, qMin<qint64>(200, deadline.remainingTime())));
    }
    return fail(QStringLiteral("the server did not print its listening line within 30 s"));
}

bool ServerProcess::restart(QString *error)
{
    stop();
    return start(error);
}

void ServerProcess::stop()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    ::kill(static_cast<pid_t>(m_process->processId()), SIGTERM);
    if (!m_process->waitForFinished(20000)) {
        ::kill(static_cast<pid_t>(m_process->processId()), SIGKILL);
        m_process->waitForFinished(10000);
    }
    output();
}

void ServerProcess::kill9()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    ::kill(static_cast<pid_t>(m_process->processId()), SIGKILL);
    m_process->waitForFinished(10000);
    output();
}

int ServerProcess::exitCode() const
{
    if (!m_process)
        return -1;
    if (m_process->exitStatus() == QProcess::CrashExit)
        return -1;
    return m_process->exitCode();
}

QUrl ServerProcess::baseUrl() const
{
    return m_baseUrl;
}

QUrl ServerProcess::url(const QString &path) const
{
    QUrl result = m_baseUrl;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    if (query < 0) {
        result.setPath(path);
    } else {
        result.setPath(path.left(query));
        result.setQuery(path.mid(query + 1));
    }
    return result;
}

QString ServerProcess::dataDir() const
{
    return m_dir->path();
}

qint64 ServerProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QByteArray ServerProcess::output() const
{
    if (m_process) {
        m_output += m_process->readAllStandardOutput();
        m_output += m_process->readAllStandardError();
    }
    return m_output;
}

int ServerProcess::runCommand(const QStringList &args, const QByteArray &stdinData, QByteArray *output) const
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.setProcessChannelMode(QProcess::MergedChannels);
    dieWithParent(process);
    process.start(serverBinary(), args + QStringList{QStringLiteral("--data-dir"), m_dir->path()});
    if (!process.waitForStarted(10000)) {
        if (output)
            *output = process.errorString().toUtf8();
        return -1;
    }
    process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished(5000);
        if (output)
            *output = process.readAll() + QByteArrayLiteral("\n(timed out)");
        return -1;
    }
    if (output)
        *output = process.readAll();
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

} // namespace Kinora::Tests
