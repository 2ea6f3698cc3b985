#include "seededcatalog.h"

#include <QJsonArray>
#include <QProcess>
#include <QUrlQuery>

namespace Kinora::Tests {

bool SeededCatalog::seed(const ServerProcess &server, const QStringList &args, QByteArray *output, QString *error)
{
    const int code = server.runCommand(QStringList{QStringLiteral("seed-demo")} + args, {}, output);
    if (code != 0) {
        *error = QStringLiteral("seed-demo exited with %1:\n%2").arg(code).arg(QString::fromUtf8(*output));
        return false;
    }
    return true;
}

QList<QJsonObject> SeededCatalog::listedVideos(TestHttpClient &http, const ServerProcess &server, QString *error)
{
    QList<QJsonObject> videos;
    QString cursor;
    for (int page = 0; page < 50; ++page) {
        QUrl url = server.url(QStringLiteral("/api/v1/videos"));
        QUrlQuery query{{QStringLiteral("sort"), QStringLiteral("newest")}, {QStringLiteral("limit"), QStringLiteral("100")}};
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursor);
        url.setQuery(query);
        const TestHttpClient::Reply reply = http.get(url);
        if (reply.status != 200) {
            *error = QStringLiteral("GET %1: %2 %3").arg(url.toString()).arg(reply.status).arg(QString::fromUtf8(reply.body));
            return {};
        }
        const QJsonObject body = reply.json();
        for (const QJsonValue &item : body.value(QLatin1String("items")).toArray())
            videos.append(item.toObject());
        cursor = body.value(QLatin1String("nextCursor")).toString();
        if (cursor.isEmpty())
            return videos;
    }
    *error = QStringLiteral("the listing does not end");
    return {};
}

QString SeededCatalog::masterUrl(const ServerProcess &server, const QString &videoId)
{
    return server.url(QStringLiteral("/media/videos/%1/master.m3u8").arg(videoId)).toString();
}

ToolRun ToolRun::run(const QString &program, const QStringList &args, int timeoutMs, const QString &workDir)
{
    ToolRun result;
    QProcess process;
    if (!workDir.isEmpty())
        process.setWorkingDirectory(workDir);
    process.start(program, args);
    if (!process.waitForStarted(10000)) {
        result.failure = QStringLiteral("%1 did not start: %2").arg(program, process.errorString());
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.failure = QStringLiteral("%1 timed out after %2 ms").arg(program).arg(timeoutMs);
    } else if (process.exitStatus() != QProcess::NormalExit) {
        result.failure = QStringLiteral("%1 crashed").arg(program);
    } else {
        result.exitCode = process.exitCode();
    }
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QByteArray ToolRun::describe() const
{
    return QStringLiteral("exit code %1 %2\nstderr: %3\nstdout: %4")
        .arg(exitCode)
        .arg(failure, QString::fromUtf8(err), QString::fromUtf8(out.left(4000)))
        .toUtf8();
}

} // namespace Kinora::Tests
