#pragma once

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace Kinora::Tests {

// Runs the real kinora-server binary (KINORA_SERVER_BINARY) on 127.0.0.1:0
// with a temporary data dir, and learns its port from the line it prints
// on start ("kinora-server: listening on http://127.0.0.1:PORT").
class ServerProcess
{
public:
    explicit ServerProcess(QStringList extraArgs = {}, QProcessEnvironment extraEnv = {});
    ~ServerProcess();

    bool start(QString *error = nullptr);     // waits until the server listens (30 s at most)
    bool restart(QString *error = nullptr);   // same data dir, new process
    void stop();                              // SIGTERM, then wait; returns when it has exited
    void kill9();                             // SIGKILL, no clean-up: a crash
    int exitCode() const;

    QUrl baseUrl() const;                     // http://127.0.0.1:PORT
    QUrl url(const QString &path) const;      // baseUrl + path
    QString dataDir() const;
    qint64 pid() const;
    QByteArray output() const;                // stdout + stderr so far

    // Runs "kinora-server ARGS" against the same data dir and waits for it.
    int runCommand(const QStringList &args, const QByteArray &stdinData = {}, QByteArray *output = nullptr) const;

private:
    QStringList m_extraArgs;
    QProcessEnvironment m_env;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_baseUrl;
    mutable QByteArray m_output;
};

} // namespace Kinora::Tests
