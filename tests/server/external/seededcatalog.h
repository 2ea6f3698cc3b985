#pragma once

#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Kinora::Tests {

// The demo catalog of a test server: fills the server's data dir with
// "kinora-server seed-demo" and reads back what anonymous clients see.
class SeededCatalog
{
public:
    // Runs seed-demo ARGS; false with *error holding the output unless it exits with 0.
    static bool seed(const ServerProcess &server, const QStringList &args, QByteArray *output, QString *error);
    // Every video of GET /api/v1/videos?sort=newest (all pages), as an anonymous client.
    static QList<QJsonObject> listedVideos(TestHttpClient &http, const ServerProcess &server, QString *error);
    // http://127.0.0.1:PORT/media/videos/<id>/master.m3u8
    static QString masterUrl(const ServerProcess &server, const QString &videoId);
};

// An external program run to completion, with its output kept apart.
struct ToolRun
{
    int exitCode = -1;   // -1: did not start, crashed or timed out
    QByteArray out;
    QByteArray err;
    QString failure;     // why exitCode is -1

    static ToolRun run(const QString &program, const QStringList &args, int timeoutMs, const QString &workDir = {});
    QByteArray describe() const;   // for QVERIFY2: the exit code, stderr and stdout
};

} // namespace Kinora::Tests
