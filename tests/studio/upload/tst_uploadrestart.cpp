#include "core/media/testpatternwriter.h"
#include "tests/app/catalogseed.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <unistd.h>

#include <memory>
#include <optional>

using namespace Kinora;
using Kinora::Tests::CatalogSeed;
using Kinora::Tests::ServerProcess;

namespace {
constexpr qint64 FileSize = qint64(40) << 20;
constexpr qint64 ChunkSize = qint64(256) << 10;
constexpr qint64 KillAfter = qint64(2) << 20;   // some chunks in, far from the end

QByteArray sha256Of(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

// A short MPEG-TS clip padded with null packets (PID 0x1FFF, which every
// demuxer skips) to 40 MiB: a valid video the server converts in a moment.
bool makeLargeClip(const QString &path, QString *error)
{
    Core::TestPatternSpec spec;
    spec.width = 320;
    spec.height = 180;
    spec.durationSeconds = 2.0;
    Core::TestPatternWriter writer(spec);
    writer.setCrf(30);
    if (!writer.write(path)) {
        *error = writer.errorString();
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::Append)) {
        *error = file.errorString();
        return false;
    }
    QByteArray null(188, char(0xFF));
    null[0] = char(0x47);
    null[1] = char(0x1F);
    null[2] = char(0xFF);
    null[3] = char(0x10);
    QByteArray block;
    for (int i = 0; i < 5000; ++i)
        block += null;
    while (file.size() + block.size() <= FileSize)
        file.write(block);
    return true;
}

struct JournalRow
{
    QString uploadUrl;
    qint64 offset = 0;
    QString stage;
};

// Reads the runner's journal (SQLite in WAL mode lets a reader in beside the writer).
std::optional<JournalRow> readJournal(const QString &path)
{
    std::optional<JournalRow> row;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("reader"));
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=2000"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT upload_url, upload_offset, stage FROM upload_items")) && query.next())
                row = JournalRow{query.value(0).toString(), query.value(1).toLongLong(), query.value(2).toString()};
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("reader"));
    return row;
}
} // namespace

// The studio killed in the middle of an upload (SIGKILL) and started again on
// the same journal continues the same tus upload at the server's offset, and
// the server ends up with exactly the bytes of the local file.
class tst_UploadRestart : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedUploadResumesAndCompletes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString clip = dir.filePath(QStringLiteral("large.ts"));
        QString error;
        QVERIFY2(makeLargeClip(clip, &error), qPrintable(error));
        QVERIFY(QFileInfo(clip).size() > FileSize - (qint64(1) << 20));

        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_AUTH_KDF_OPS_LIMIT"), QStringLiteral("1"));
        env.insert(QStringLiteral("KINORA_AUTH_KDF_MEM_LIMIT_KIB"), QStringLiteral("64"));
        env.insert(QStringLiteral("KINORA_AUTH_RATE_IP_BURST"), QStringLiteral("100000"));
        env.insert(QStringLiteral("KINORA_PROCESSING_LADDER"), QStringLiteral("240"));
        env.insert(QStringLiteral("KINORA_PROCESSING_PRESET"), QStringLiteral("ultrafast"));
        ServerProcess server(QStringList{}, env);
        QVERIFY2(server.start(&error), qPrintable(error));
        CatalogSeed seed(&server);
        CatalogSeed::Account account;
        QVERIFY2(seed.registerUser(QStringLiteral("restarter"), &account, &error), qPrintable(error));

        const QString journal = dir.filePath(QStringLiteral("uploads.sqlite"));
        const QStringList args{QStringLiteral("--server"), server.baseUrl().toString(),
                               QStringLiteral("--access"), account.accessToken,
                               QStringLiteral("--refresh"), account.refreshToken,
                               QStringLiteral("--journal"), journal,
                               QStringLiteral("--work"), dir.filePath(QStringLiteral("work")),
                               QStringLiteral("--chunk"), QString::number(ChunkSize)};

        // First run: wait for an acknowledged offset in the journal, keep the
        // server's part file (a hard link survives its removal after
        // processing), then crash the runner.
        QProcess first;
        first.start(QStringLiteral(KINORA_UPLOAD_RUNNER), args + QStringList{QStringLiteral("--enqueue"), clip});
        QVERIFY(first.waitForStarted());
        std::optional<JournalRow> row;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 60000 && !(row && row->offset >= KillAfter && !row->uploadUrl.isEmpty())) {
            QTest::qWait(5);
            row = readJournal(journal);
        }
        QVERIFY2(row && row->offset >= KillAfter, first.readAll().constData());
        const QString uploadId = QUrl(row->uploadUrl).path().section(QLatin1Char('/'), -1);
        const QString part = QDir(server.dataDir()).filePath(QStringLiteral("uploads/%1.part").arg(uploadId));
        const QString kept = QDir(server.dataDir()).filePath(QStringLiteral("kept-upload"));
        const bool linked = ::link(QFile::encodeName(part).constData(), QFile::encodeName(kept).constData()) == 0;
        first.kill();
        QVERIFY(first.waitForFinished(10000));
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        QVERIFY2(linked, qPrintable(part));
        const QByteArray firstOutput = first.readAllStandardOutput();
        QVERIFY2(!firstOutput.contains("finished"), firstOutput.constData());

        // The server holds part of the file; the journal knows at most that much.
        Tests::TestHttpClient http;
        const QList<std::pair<QByteArray, QByteArray>> tus{{"Tus-Resumable", "1.0.0"},
                                                          {"Authorization", "Bearer " + account.accessToken.toUtf8()}};
        const auto head = http.request("HEAD", QUrl(row->uploadUrl), {}, tus);
        QCOMPARE(head.status, 200);
        const qint64 serverOffset = head.header("Upload-Offset").toLongLong();
        const auto afterKill = readJournal(journal);
        QVERIFY(afterKill);
        QCOMPARE(afterKill->uploadUrl, row->uploadUrl);
        QVERIFY(afterKill->offset >= KillAfter);
        QVERIFY(afterKill->offset <= serverOffset);
        QVERIFY2(serverOffset < QFileInfo(clip).size(), "the upload finished before the runner was killed");
        qInfo("killed at %lld of %lld bytes on the server (journal: %lld)", serverOffset, QFileInfo(clip).size(), afterKill->offset);

        // Second run on the same journal, without enqueuing anything.
        QProcess second;
        second.start(QStringLiteral(KINORA_UPLOAD_RUNNER), args);
        QVERIFY(second.waitForStarted());
        QVERIFY(second.waitForFinished(90000));
        const QByteArray output = second.readAllStandardOutput();
        QCOMPARE(second.exitStatus(), QProcess::NormalExit);
        QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());
        QVERIFY2(output.contains(" ok "), output.constData());

        // It continued: no progress below what the journal held at the crash.
        qint64 lowest = -1;
        for (const QByteArray &line : output.split('\n')) {
            if (!line.startsWith("uploading "))
                continue;
            const qint64 sent = line.split(' ').value(2).toLongLong();
            lowest = lowest < 0 ? sent : qMin(lowest, sent);
        }
        QVERIFY2(lowest >= afterKill->offset, qPrintable(QStringLiteral("progress went back to %1 (journal had %2)").arg(lowest).arg(afterKill->offset)));
        const auto finalRow = readJournal(journal);
        QVERIFY(finalRow);
        QCOMPARE(finalRow->stage, QStringLiteral("done"));
        QCOMPARE(finalRow->uploadUrl, row->uploadUrl);

        // The one upload is complete and holds exactly the local bytes.
        const auto upload = http.get(server.url(QStringLiteral("/api/v1/uploads/") + uploadId), account.accessToken.toUtf8());
        QCOMPARE(upload.status, 200);
        const QJsonObject info = upload.json().value(QLatin1String("upload")).toObject();
        QCOMPARE(info.value(QLatin1String("state")).toString(), QStringLiteral("complete"));
        QCOMPARE(qint64(info.value(QLatin1String("length")).toDouble()), QFileInfo(clip).size());
        QCOMPARE(QFileInfo(kept).size(), QFileInfo(clip).size());
        QCOMPARE(sha256Of(kept), sha256Of(clip));

        // And the video it was bound to is ready.
        const QString videoId = info.value(QLatin1String("videoId")).toString();
        QVERIFY(!videoId.isEmpty());
        const auto video = http.get(server.url(QStringLiteral("/api/v1/videos/") + videoId), account.accessToken.toUtf8());
        QCOMPARE(video.json().value(QLatin1String("video")).toObject().value(QLatin1String("state")).toString(), QStringLiteral("ready"));
        QCOMPARE(video.json().value(QLatin1String("video")).toObject().value(QLatin1String("title")).toString(),
                 QStringLiteral("Survives a restart"));
        server.stop();
    }
};

QTEST_GUILESS_MAIN(tst_UploadRestart)
#include "tst_uploadrestart.moc"
