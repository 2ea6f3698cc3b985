// A stand-in for the studio app in tst_uploadrestart: opens an UploadQueue on
// a journal, enqueues one file when asked, and exits once every item is
// finished. It prints what the test asserts on:
//   uploading <id> <bytesSent> <bytesTotal>
//   finished <id> <ok|failed> <videoId> <message>
#include "core/net/apiclient.h"
#include "core/net/studioclient.h"
#include "studio/upload/uploadqueue.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

using namespace Kinora;
using Kinora::Studio::UploadItem;
using Kinora::Studio::UploadQueue;
using Kinora::Studio::UploadRequest;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("server base URL"), QStringLiteral("url"));
    const QCommandLineOption access(QStringLiteral("access"), QStringLiteral("access token"), QStringLiteral("token"));
    const QCommandLineOption refresh(QStringLiteral("refresh"), QStringLiteral("refresh token"), QStringLiteral("token"));
    const QCommandLineOption journal(QStringLiteral("journal"), QStringLiteral("journal file"), QStringLiteral("path"));
    const QCommandLineOption work(QStringLiteral("work"), QStringLiteral("work directory"), QStringLiteral("path"));
    const QCommandLineOption chunk(QStringLiteral("chunk"), QStringLiteral("chunk size in bytes"), QStringLiteral("bytes"));
    const QCommandLineOption enqueue(QStringLiteral("enqueue"), QStringLiteral("file to enqueue (server transcodes)"), QStringLiteral("path"));
    parser.addOptions({server, access, refresh, journal, work, chunk, enqueue});
    parser.process(app);

    QNetworkAccessManager network;
    Core::ApiClient api;
    api.setBaseUrl(QUrl(parser.value(server)));
    api.setTokens(parser.value(access), parser.value(refresh));
    Core::StudioClient studio(&api);
    UploadQueue::Options options;
    options.journalPath = parser.value(journal);
    options.workDirectory = parser.value(work);
    options.chunkSize = parser.value(chunk).toLongLong();
    options.statusPollMs = 200;
    UploadQueue queue(&studio, &network, options);

    QTextStream out(stdout);
    QObject::connect(&queue, &UploadQueue::itemChanged, &app, [&](qint64 id) {
        const auto item = queue.item(id);
        if (item && item->stage == UploadItem::Stage::Uploading) {
            out << "uploading " << id << ' ' << item->bytesSent << ' ' << item->bytesTotal << Qt::endl;
        }
    });
    const auto quitWhenFinished = [&] {
        for (const UploadItem &item : queue.items()) {
            if (!item.isFinished())
                return;
        }
        QCoreApplication::exit(0);
    };
    QObject::connect(&queue, &UploadQueue::itemFinished, &app, [&](qint64 id, bool ok, const QString &message) {
        out << "finished " << id << ' ' << (ok ? "ok" : "failed") << ' ' << queue.item(id)->videoId << ' ' << message << Qt::endl;
        quitWhenFinished();
    });

    QString error;
    if (!queue.open(&error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    if (parser.isSet(enqueue) && queue.items().isEmpty()) {
        UploadRequest request;
        request.filePath = parser.value(enqueue);
        request.mode = UploadRequest::Mode::ServerTranscodes;
        request.metadata.title = QStringLiteral("Survives a restart");
        request.metadata.visibility = QStringLiteral("unlisted");
        if (queue.enqueue(request) == 0) {
            std::fprintf(stderr, "the journal refused the item\n");
            return 1;
        }
    }
    return app.exec();
}
