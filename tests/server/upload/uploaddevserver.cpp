// Stand-in for kinora-server while the upload feature is not yet part of the
// server's route table: the same context and HTTP layer plus the upload routes.
#include "server/app/routetable.h"
#include "server/app/servercontext.h"
#include "server/app/signalwatcher.h"
#include "server/cli/configarguments.h"
#include "server/http/httpserver.h"
#include "server/http/router.h"
#include "server/storage/migrationrunner.h"
#include "server/upload/uploadroutes.h"
#include "server/upload/uploadservice.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>

#include <csignal>
#include <cstdio>

using namespace Kinora::Server;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    if (!args.isEmpty() && args.first() == QLatin1String("serve"))
        args.removeFirst();
    ServerConfig config;
    QStringList rest;
    QString error;
    if (!Cli::ConfigArguments::parse(args, QProcessEnvironment::systemEnvironment(), &config, &rest, &error)) {
        QTextStream(stderr) << error << '\n';
        return 2;
    }
    ServerContext context(config);
    if (!context.open(&error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    Storage::MigrationRunner runner(context.database(), QStringLiteral(KINORA_SOURCE_DIR "/server/sql"));
    if (runner.run(&error) < 0) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    Upload::UploadSettings settings;
    const auto env = [](const char *name, qint64 fallback) {
        bool ok = false;
        const qint64 v = qEnvironmentVariable(name).toLongLong(&ok);
        return ok ? v : fallback;
    };
    settings.maxFileSizeBytes = env("KINORA_UPLOAD_MAX_FILE_SIZE", settings.maxFileSizeBytes);
    settings.userQuotaBytes = env("KINORA_UPLOAD_USER_QUOTA", settings.userQuotaBytes);
    settings.dailyQuotaBytes = env("KINORA_UPLOAD_DAILY_QUOTA", settings.dailyQuotaBytes);
    settings.maxIncompletePerUser = int(env("KINORA_UPLOAD_MAX_INCOMPLETE_PER_USER", settings.maxIncompletePerUser));
    settings.expirySeconds = int(env("KINORA_UPLOAD_EXPIRY_SECONDS", settings.expirySeconds));
    settings.cleanupIntervalSeconds = int(env("KINORA_UPLOAD_CLEANUP_INTERVAL_SECONDS", settings.cleanupIntervalSeconds));
    Upload::UploadService uploads(context.database(), settings, QDir(context.config().dataDir).filePath(QStringLiteral("uploads")));
    if (!uploads.start(&error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    Http::Router router;
    registerRoutes(router, context);
    Upload::addUploadRoutes(router, uploads, context.authGuard());
    auto server = std::make_unique<Http::HttpServer>(router, context.metrics(), context.config().http);
    if (!server->listen(&error)) {
        QTextStream(stderr) << error << '\n';
        return 1;
    }
    SignalWatcher signals(QList<int>{SIGTERM, SIGINT});
    QObject::connect(&signals, &SignalWatcher::signalReceived, &app, [&server] {
        server->close();
        QCoreApplication::exit(0);
    });
    QTextStream(stdout) << "kinora-server: listening on " << server->serverUrl() << '\n'
                        << "kinora-server: data directory " << context.config().dataDir << '\n';
    std::fflush(stdout);
    const int code = QCoreApplication::exec();
    server.reset();
    return code;
}
