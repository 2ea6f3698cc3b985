#include "server/storage/database.h"
#include "server/storage/migrationrunner.h"
#include "server/upload/partfile.h"
#include "server/upload/uploadchecksum.h"
#include "server/upload/uploadmetadata.h"
#include "server/upload/uploadservice.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Kinora::Server;
using namespace Kinora::Server::Upload;

namespace {
QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

QByteArray sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}
}

// UploadService without sockets: limits, durability rules, checksums, expiry and the media check.
class tst_UploadService : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Storage::Database> m_db;
    QString m_mediaFile;   // a small real MP4 made by ffmpeg
    int m_bodyCounter = 0;

    qint64 addUser(const QString &name)
    {
        QSqlQuery q(m_db->connection());
        q.prepare(QStringLiteral("INSERT INTO users (username, username_key, display_name, password_hash, role, created_at, updated_at) "
                                 "VALUES (?, ?, ?, 'x', 'creator', 0, 0) RETURNING id"));
        q.addBindValue(name);
        q.addBindValue(name.toLower());
        q.addBindValue(name);
        if (!q.exec() || !q.next())
            return 0;
        return q.value(0).toLongLong();
    }

    // A body file in the service's temporary area, as the HTTP layer would leave it.
    QString body(const QByteArray &bytes)
    {
        const QString path = m_dir->filePath(QStringLiteral("tmp/body-%1").arg(++m_bodyCounter));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return {};
        return path;
    }

    std::unique_ptr<UploadService> makeService(UploadSettings settings = {})
    {
        auto service = std::make_unique<UploadService>(*m_db, settings, m_dir->filePath(QStringLiteral("uploads")));
        QString error;
        if (!service->start(&error))
            qWarning("start: %s", qPrintable(error));
        return service;
    }

    UploadService::Chunk chunk(qint64 offset, const QByteArray &bytes)
    {
        return UploadService::Chunk{offset, body(bytes), bytes.size(), std::nullopt};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(QDir().mkpath(m_dir->filePath(QStringLiteral("tmp"))));
        Storage::DatabaseSettings settings;
        settings.sqlitePath = m_dir->filePath(QStringLiteral("kinora.sqlite"));
        m_db = std::make_unique<Storage::Database>(settings);
        // The compiled-in migrations once the upload schema is part of the server, else the source tree's.
        const QString sqlDir = QFile::exists(QStringLiteral(":/sql/v3_uploads.sql"))
            ? QStringLiteral(":/sql") : QStringLiteral(KINORA_SOURCE_DIR "/server/sql");
        Storage::MigrationRunner runner(*m_db, sqlDir);
        QString error;
        QVERIFY2(runner.run(&error) >= 1, qPrintable(error));

        const QString ffmpeg = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
        QVERIFY2(!ffmpeg.isEmpty(), "ffmpeg is needed to generate test media");
        m_mediaFile = m_dir->filePath(QStringLiteral("clip.mp4"));
        QProcess p;
        p.start(ffmpeg, {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-f"), QStringLiteral("lavfi"),
                         QStringLiteral("-i"), QStringLiteral("testsrc2=size=320x240:rate=25"), QStringLiteral("-t"), QStringLiteral("2"),
                         QStringLiteral("-c:v"), QStringLiteral("libx264"), QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p"),
                         QStringLiteral("-y"), m_mediaFile});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
    }

    void metadataParsing()
    {
        QString error;
        auto m = UploadMetadata::parse("filename bXkubXA0,filetype dmlkZW8vbXA0,flag", &error);
        QVERIFY2(m.has_value(), qPrintable(error));
        QCOMPARE(m->value(QStringLiteral("filename")), QByteArray("my.mp4"));
        QCOMPARE(m->value(QStringLiteral("filetype")), QByteArray("video/mp4"));
        QVERIFY(m->contains(QStringLiteral("flag")));
        QVERIFY(!UploadMetadata::parse("filename !!!notbase64", &error));
        QVERIFY(!UploadMetadata::parse("a YQ==,a YQ==", &error));
        QVERIFY(!UploadMetadata::parse(",", &error));
    }

    void checksumParsing()
    {
        UploadChecksum::ParseError e;
        const QByteArray digest = QCryptographicHash::hash("abc", QCryptographicHash::Sha1).toBase64();
        auto c = UploadChecksum::parse("sha1 " + digest, &e);
        QVERIFY(c.has_value());
        QCOMPARE(c->algorithm(), QCryptographicHash::Sha1);
        QVERIFY(!UploadChecksum::parse("md5 " + digest, &e));
        QCOMPARE(e, UploadChecksum::ParseError::UnsupportedAlgorithm);
        QVERIFY(!UploadChecksum::parse("sha256 " + digest, &e)); // wrong digest size
        QCOMPARE(e, UploadChecksum::ParseError::Malformed);
        QVERIFY(!UploadChecksum::parse("sha1", &e));
    }

    void uploadInChunksWithChecksums()
    {
        const qint64 user = addUser(QStringLiteral("chunky"));
        auto service = makeService();
        QSignalSpy completed(service.get(), &UploadService::uploadCompleted);
        QFile media(m_mediaFile);
        QVERIFY(media.open(QIODevice::ReadOnly));
        const QByteArray bytes = media.readAll();
        QVERIFY(bytes.size() > 3000);

        auto created = service->create({user, bytes.size(), "filename Y2xpcC5tcDQ=", {{QStringLiteral("filename"), "clip.mp4"}}});
        QVERIFY2(created.ok(), qPrintable(created.error().message));
        const QString id = created->id;
        QCOMPARE(created->offset, 0);
        QVERIFY(QFile::exists(service->partPath(id)));

        // First chunk (renamed into place), with a correct sha256.
        const QByteArray first = bytes.left(1000);
        auto c1 = chunk(0, first);
        UploadChecksum::ParseError pe;
        c1.checksum = UploadChecksum::parse("sha256 " + QCryptographicHash::hash(first, QCryptographicHash::Sha256).toBase64(), &pe);
        auto r1 = service->append(id, user, c1);
        QVERIFY(r1.ok());
        QCOMPARE(r1->offset, 1000);
        QVERIFY(!QFile::exists(c1.bodyPath)); // moved, not copied

        // A wrong checksum: 460 and nothing written.
        auto bad = chunk(1000, bytes.mid(1000, 1000));
        bad.checksum = UploadChecksum::parse("sha1 " + QCryptographicHash::hash("other", QCryptographicHash::Sha1).toBase64(), &pe);
        auto rb = service->append(id, user, bad);
        QVERIFY(!rb.ok());
        QCOMPARE(rb.error().status, 460);
        QCOMPARE(QFileInfo(service->partPath(id)).size(), 1000);

        // Wrong offset: 409. Another user: 404.
        QCOMPARE(service->append(id, user, chunk(500, "xx")).error().status, 409);
        const qint64 other = addUser(QStringLiteral("other"));
        QCOMPARE(service->append(id, other, chunk(1000, "xx")).error().status, 404);
        QCOMPARE(service->find(id, other).error().status, 404);

        // More than the declared length: 413.
        QCOMPARE(service->append(id, user, chunk(1000, bytes.mid(1000) + "extra")).error().status, 413);

        // The rest (copied), completing the upload: probed, moved, announced.
        auto r2 = service->append(id, user, chunk(1000, bytes.mid(1000)));
        QVERIFY2(r2.ok(), qPrintable(r2.error().message));
        QCOMPARE(r2->state, UploadRecord::State::Complete);
        QCOMPARE(r2->probe.value(QStringLiteral("video")).toObject().value(QStringLiteral("width")).toInt(), 320);
        QCOMPARE(completed.size(), 1);
        const QString path = completed.at(0).at(3).toString();
        QCOMPARE(path, service->filePath(id));
        QCOMPARE(sha256OfFile(path), QCryptographicHash::hash(bytes, QCryptographicHash::Sha256));
        QVERIFY(!QFile::exists(service->partPath(id)));
        QCOMPARE(service->find(id, user)->state, UploadRecord::State::Complete);
    }

    void nonMediaIsRejected()
    {
        const qint64 user = addUser(QStringLiteral("faker"));
        auto service = makeService();
        QSignalSpy completed(service.get(), &UploadService::uploadCompleted);
        const QByteArray text = QByteArray("This is not a video at all, only text pretending to be one.\n").repeated(200);
        auto created = service->create({user, text.size(), {}, {{QStringLiteral("filename"), "movie.mp4"}}});
        QVERIFY2(created.ok(), qPrintable(created.error().message));
        auto r = service->append(created->id, user, chunk(0, text));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().status, 422);
        QCOMPARE(r.error().code, QByteArray("unsupported_media"));
        const auto stored = service->find(created->id, user);
        QCOMPARE(stored->state, UploadRecord::State::Rejected);
        QVERIFY(!stored->reason.isEmpty());
        QVERIFY(!QFile::exists(service->partPath(created->id)));
        QVERIFY(!QFile::exists(service->filePath(created->id)));
        QCOMPARE(completed.size(), 0);
        QCOMPARE(service->resumable(created->id, user).error().status, 410);
    }

    void limits()
    {
        const qint64 user = addUser(QStringLiteral("limited"));
        UploadSettings settings;
        settings.maxFileSizeBytes = 1000;
        settings.userQuotaBytes = 2500;
        settings.dailyQuotaBytes = 100000;
        settings.maxIncompletePerUser = 10;
        auto service = makeService(settings);
        auto tooBig = service->create({user, 1001, {}, {}});
        QCOMPARE(tooBig.error().status, 413);
        QCOMPARE(tooBig.error().code, QByteArray("max_file_size_reached"));
        QVERIFY(service->create({user, 1000, {}, {}}).ok());
        QVERIFY(service->create({user, 1000, {}, {}}).ok());
        auto over = service->create({user, 600, {}, {}});
        QCOMPARE(over.error().status, 413);
        QCOMPARE(over.error().code, QByteArray("quota_reached"));

        const qint64 daily = addUser(QStringLiteral("daily"));
        settings.userQuotaBytes = 100000;
        settings.dailyQuotaBytes = 1500;
        auto service2 = makeService(settings);
        auto a = service2->create({daily, 1000, {}, {}});
        QVERIFY(a.ok());
        QVERIFY(service2->terminate(a->id, daily).ok()); // terminated uploads still count for the day
        QCOMPARE(service2->create({daily, 1000, {}, {}}).error().code, QByteArray("quota_reached"));

        const qint64 many = addUser(QStringLiteral("many"));
        settings.dailyQuotaBytes = 100000;
        settings.maxIncompletePerUser = 2;
        auto service3 = makeService(settings);
        QVERIFY(service3->create({many, 10, {}, {}}).ok());
        QVERIFY(service3->create({many, 10, {}, {}}).ok());
        QCOMPARE(service3->create({many, 10, {}, {}}).error().status, 429);
    }

    void terminationAndExpiry()
    {
        const qint64 user = addUser(QStringLiteral("expiring"));
        UploadSettings settings;
        settings.expirySeconds = 1;
        auto service = makeService(settings);
        auto a = service->create({user, 100, {}, {}});
        auto b = service->create({user, 100, {}, {}});
        QVERIFY(a.ok() && b.ok());
        QVERIFY(service->append(b->id, user, chunk(0, QByteArray(40, 'b'))).ok());
        QCOMPARE(service->terminate(a->id, user + 1000).error().status, 404);
        QVERIFY(service->terminate(a->id, user).ok());
        QVERIFY(!QFile::exists(service->partPath(a->id)));
        QCOMPARE(service->resumable(a->id, user).error().status, 410);
        QCOMPARE(service->terminate(a->id, user).error().status, 410);

        QTest::qWait(1100);
        QCOMPARE(service->resumable(b->id, user).error().status, 410);
        QVERIFY(QFile::exists(service->partPath(b->id)));
        QCOMPARE(service->removeExpired(), 1);
        QVERIFY(!QFile::exists(service->partPath(b->id)));
        QCOMPARE(service->find(b->id, user)->state, UploadRecord::State::Expired);
    }

    void unacknowledgedTailIsCutAtStart()
    {
        const qint64 user = addUser(QStringLiteral("crashy"));
        QString id;
        {
            auto service = makeService();
            auto a = service->create({user, 10000, {}, {}});
            QVERIFY(a.ok());
            id = a->id;
            QVERIFY(service->append(id, user, chunk(0, randomBytes(4000, 1))).ok());
        }
        // A crash while copying the next chunk left bytes past the acknowledged offset.
        {
            QFile part(m_dir->filePath(QStringLiteral("uploads/%1.part").arg(id)));
            QVERIFY(part.open(QIODevice::Append));
            part.write(randomBytes(3000, 2));
        }
        QCOMPARE(QFileInfo(m_dir->filePath(QStringLiteral("uploads/%1.part").arg(id))).size(), 7000);
        auto service = makeService();
        QCOMPARE(QFileInfo(service->partPath(id)).size(), 4000);
        QCOMPARE(service->resumable(id, user)->offset, 4000);
        QVERIFY(service->append(id, user, chunk(4000, randomBytes(1000, 3))).ok());
        QCOMPARE(QFileInfo(service->partPath(id)).size(), 5000);
    }

    void lostPageCacheRewindsWithoutSyncWrites()
    {
        const qint64 user = addUser(QStringLiteral("nosync"));
        UploadSettings settings;
        settings.syncWrites = false;
        QString id;
        const QByteArray first = randomBytes(6000, 4);
        {
            auto service = makeService(settings);
            auto a = service->create({user, 10000, {}, {}});
            QVERIFY(a.ok());
            id = a->id;
            QVERIFY(service->append(id, user, chunk(0, first)).ok());
            QCOMPARE(service->resumable(id, user)->offset, 6000);
        }
        // A power cut lost the acknowledged bytes that were still in the page cache.
        QVERIFY(QFile::resize(m_dir->filePath(QStringLiteral("uploads/%1.part").arg(id)), 2500));
        {
            // With syncWrites on, such an upload cannot be trusted and is refused.
            auto strict = makeService();
            QVERIFY(!strict->resumable(id, user).ok()); // 410: the data of this upload was lost
        }
        // The same loss on a fresh upload under syncWrites=false: resumed from the disk.
        auto service = makeService(settings);
        auto b = service->create({user, 10000, {}, {}});
        QVERIFY(b.ok());
        QVERIFY(service->append(b->id, user, chunk(0, first)).ok());
        service.reset();
        QVERIFY(QFile::resize(m_dir->filePath(QStringLiteral("uploads/%1.part").arg(b->id)), 2500));
        service = makeService(settings);
        QCOMPARE(service->resumable(b->id, user)->offset, 2500);
        QCOMPARE(service->append(b->id, user, chunk(6000, randomBytes(10, 5))).error().code, QByteArray("offset_mismatch"));
        QVERIFY(service->append(b->id, user, chunk(2500, first.mid(2500))).ok());
        QCOMPARE(service->resumable(b->id, user)->offset, 6000);
        QFile part(service->partPath(b->id));
        QVERIFY(part.open(QIODevice::ReadOnly));
        QCOMPARE(part.readAll(), first);
    }

    void partFileAppendCopiesAcrossOffsets()
    {
        PartFile part(m_dir->filePath(QStringLiteral("direct.part")));
        QString error;
        QVERIFY(part.create(&error));
        const QByteArray a = randomBytes(1 << 20, 7);
        const QByteArray b = randomBytes(3 << 20, 8);
        QVERIFY2(part.append(0, body(a), a.size(), &error), qPrintable(error));
        QVERIFY2(part.append(a.size(), body(b), b.size(), &error), qPrintable(error));
        QCOMPARE(sha256OfFile(part.path()), QCryptographicHash::hash(QByteArray(a + b), QCryptographicHash::Sha256));
        QVERIFY(!part.truncateTo(10 << 20, &error)); // fewer bytes than claimed
    }
};

QTEST_GUILESS_MAIN(tst_UploadService)
#include "tst_uploadservice.moc"
