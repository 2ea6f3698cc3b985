// kinora-upload-bench: uploads one file to a tus endpoint with Kinora's own
// TusUploader and prints the throughput as one JSON line.
// Usage: kinora-upload-bench --endpoint URL --token TOKEN --file PATH [--chunk-size BYTES] [--checksum]
#include "core/upload/tusuploader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>

using Kinora::Core::TusUploader;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("endpoint"), QStringLiteral("tus creation URL"), QStringLiteral("url")});
    parser.addOption({QStringLiteral("token"), QStringLiteral("bearer token"), QStringLiteral("token")});
    parser.addOption({QStringLiteral("file"), QStringLiteral("file to upload"), QStringLiteral("path")});
    parser.addOption({QStringLiteral("chunk-size"), QStringLiteral("bytes per PATCH"), QStringLiteral("bytes"), QString::number(64 << 20)});
    parser.addOption({QStringLiteral("checksum"), QStringLiteral("send a sha256 with every PATCH")});
    parser.process(app);
    QTextStream err(stderr);
    if (!parser.isSet(QStringLiteral("endpoint")) || !parser.isSet(QStringLiteral("file"))) {
        err << "kinora-upload-bench: --endpoint and --file are required\n";
        return 2;
    }

    Kinora::Core::TusUploadOptions options;
    options.endpoint = QUrl(parser.value(QStringLiteral("endpoint")));
    options.filePath = parser.value(QStringLiteral("file"));
    options.bearerToken = parser.value(QStringLiteral("token")).toUtf8();
    options.chunkSize = parser.value(QStringLiteral("chunk-size")).toLongLong();
    options.checksum = parser.isSet(QStringLiteral("checksum"));
    QNetworkAccessManager network;
    TusUploader uploader(&network, options);
    QElapsedTimer clock;
    int exitCode = 1;
    QObject::connect(&uploader, &TusUploader::finished, &app, [&](const QUrl &url) {
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        const qint64 bytes = uploader.totalBytes();
        const QJsonObject result{{QStringLiteral("url"), url.toString()},
                                 {QStringLiteral("bytes"), double(bytes)},
                                 {QStringLiteral("seconds"), seconds},
                                 {QStringLiteral("megabytesPerSecond"), double(bytes) / seconds / 1e6},
                                 {QStringLiteral("retries"), uploader.retries()}};
        QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Compact) << '\n';
        exitCode = 0;
        app.quit();
    });
    QObject::connect(&uploader, &TusUploader::failed, &app, [&](TusUploader::Error, const QString &message) {
        err << "kinora-upload-bench: " << message << '\n';
        app.quit();
    });
    clock.start();
    uploader.start();
    app.exec();
    return exitCode;
}
