#include "core/upload/transferrate.h"
#include "core/upload/tusjournal.h"
#include "core/upload/tusuploader.h"
#include "tests/support/serverprocess.h"
#include "tests/support/testhttpclient.h"
#include "testmedia.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Kinora::Core;
using namespace Kinora::Tests;

namespace {
// Forwards TCP connections to the server and, once, cuts every open connection
// after a given number of client bytes: a network failure in the middle of a
// PATCH. For half a second after the cut it refuses new connections, so that
// the failure reaches the uploader instead of being hidden by a transparent resend.
class CuttingProxy : public QObject
{
public:
    CuttingProxy(quint16 targetPort, qint64 cutAfterBytes)
        : m_targetPort(targetPort)
        , m_cutAfter(cutAfterBytes)
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] { accept(); });
    }

    quint16 port() const { return m_server.serverPort(); }
    bool hasCut() const { return m_cut; }

private:
    void accept()
    {
        while (QTcpSocket *client = m_server.nextPendingConnection()) {
            if (m_cut && m_sinceCut.elapsed() < 500) {
                client->abort();
                client->deleteLater();
                continue;
            }
            auto *upstream = new QTcpSocket(client);
            upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
            QObject::connect(client, &QTcpSocket::readyRead, this, [this, client, upstream] {
                const QByteArray data = client->readAll();
                m_forwarded += data.size();
                upstream->write(data);
                if (!m_cut && m_cutAfter >= 0 && m_forwarded > m_cutAfter) {
                    m_cut = true;
                    m_sinceCut.start();
                    upstream->abort();
                    client->abort();
                }
            });
            QObject::connect(upstream, &QTcpSocket::readyRead, this, [client, upstream] { client->write(upstream->readAll()); });
            QObject::connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
            QObject::connect(client, &QTcpSocket::disconnected, client, [client] { client->deleteLater(); });
        }
    }

    QTcpServer m_server;
    quint16 m_targetPort;
    qint64 m_cutAfter;
    qint64 m_forwarded = 0;
    bool m_cut = false;
    QElapsedTimer m_sinceCut;
};
}

class tst_TusUploader : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_work;
    std::unique_ptr<ServerProcess> m_server;
    QNetworkAccessManager m_nam;
    TestHttpClient m_http;
    QString m_clip;
    QByteArray m_token;
    int m_counter = 0;

    QString mediaFile(qint64 size, quint32 seed)
    {
        const QString path = m_work->filePath(QStringLiteral("upload-%1.ts").arg(++m_counter));
        QString error;
        if (!TestMedia::makePadded(m_clip, size, seed, path, &error))
            qWarning("%s", qPrintable(error));
        return path;
    }

    TusUploadOptions options(const QString &file, qint64 chunk, const QUrl &endpoint = {})
    {
        TusUploadOptions o;
        o.endpoint = endpoint.isEmpty() ? m_server->url(QStringLiteral("/api/v1/uploads/")) : endpoint;
        o.filePath = file;
        o.chunkSize = chunk;
        o.bearerToken = m_token;
        o.retryBaseDelayMs = 100;
        o.retryMaxDelayMs = 1000;
        return o;
    }

    QString storedPath(const QUrl &uploadUrl) const
    {
        return QDir(m_server->dataDir()).filePath(QStringLiteral("uploads/") + uploadUrl.path().section(QLatin1Char('/'), -1));
    }

    QJsonObject uploadInfo(const QUrl &uploadUrl)
    {
        const auto reply = m_http.get(m_server->url(uploadUrl.path()), m_token);
        return reply.json().value(QLatin1String("upload")).toObject();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_work = std::make_unique<QTemporaryDir>();
        m_clip = m_work->filePath(QStringLiteral("clip.ts"));
        QString error;
        QVERIFY2(TestMedia::makeClip(m_clip, &error), qPrintable(error));
        QProcessEnvironment env;
        env.insert(QStringLiteral("KINORA_AUTH_KDF_OPS_LIMIT"), QStringLiteral("1"));
        env.insert(QStringLiteral("KINORA_AUTH_KDF_MEM_LIMIT_KIB"), QStringLiteral("64"));
        env.insert(QStringLiteral("KINORA_UPLOAD_MAX_FILE_SIZE"), QString::number(64 << 20));
        env.insert(QStringLiteral("KINORA_UPLOAD_USER_QUOTA"), QString::number(200 << 20));
        m_server = std::make_unique<ServerProcess>(QStringList{}, env);
        QVERIFY2(m_server->start(&error), qPrintable(error));
        const auto reg = m_http.postJson(m_server->url(QStringLiteral("/api/v1/auth/register")),
                                         QJsonObject{{QStringLiteral("username"), QStringLiteral("studio")},
                                                     {QStringLiteral("password"), QStringLiteral("password1")}});
        QCOMPARE(reg.status, 201);
        m_token = reg.json().value(QLatin1String("accessToken")).toString().toUtf8();
    }

    void cleanupTestCase()
    {
        if (m_server)
            m_server->stop();
    }

    void transferRate()
    {
        TransferRate rate(10000);
        QCOMPARE(rate.etaSeconds(100), -1);
        rate.record(0);
        QTest::qWait(200);
        rate.record(1000000);
        QVERIFY(rate.bytesPerSecond() > 1000000.0 && rate.bytesPerSecond() < 6000000.0);
        QVERIFY(rate.etaSeconds(5000000) >= 1);
    }

    void uploadSurvivesACutConnection()
    {
        const qint64 size = 48 << 20;
        const QString file = mediaFile(size, 21);
        CuttingProxy proxy(quint16(m_server->baseUrl().port()), 20 << 20);
        QUrl endpoint = m_server->url(QStringLiteral("/api/v1/uploads/"));
        endpoint.setPort(proxy.port());
        TusUploadOptions o = options(file, 8 << 20, endpoint);
        o.checksum = true;
        TusUploader uploader(&m_nam, o);
        QSignalSpy finished(&uploader, &TusUploader::finished);
        QSignalSpy failed(&uploader, &TusUploader::failed);
        QSignalSpy acknowledged(&uploader, &TusUploader::chunkAcknowledged);
        QSignalSpy retried(&uploader, &TusUploader::retryScheduled);
        double fastest = 0;
        connect(&uploader, &TusUploader::progressed, this, [&fastest](qint64, qint64, double speed, qint64) {
            fastest = qMax(fastest, speed);
        });
        uploader.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 120000);
        QVERIFY2(failed.isEmpty(), qPrintable(uploader.errorString()));
        QVERIFY(proxy.hasCut());
        QVERIFY(retried.size() >= 1);
        QCOMPARE(acknowledged.size(), 6);
        QCOMPARE(acknowledged.last().at(0).toLongLong(), size);
        QVERIFY(fastest > 0);
        QCOMPARE(uploader.state(), TusUploader::State::Finished);
        const QUrl url = finished.at(0).at(0).toUrl();
        QCOMPARE(uploadInfo(url).value(QLatin1String("state")).toString(), QStringLiteral("complete"));
        QCOMPARE(TestMedia::sha256OfFile(storedPath(url)), TestMedia::sha256OfFile(file));
    }

    void pauseThenResumeFromTheJournal()
    {
        const qint64 size = 24 << 20;
        const QString file = mediaFile(size, 22);
        TusJournal journal(m_work->filePath(QStringLiteral("journal.json")));
        QUrl url;
        {
            TusUploader first(&m_nam, options(file, 4 << 20), &journal);
            QSignalSpy acknowledged(&first, &TusUploader::chunkAcknowledged);
            first.start();
            QTRY_VERIFY_WITH_TIMEOUT(!acknowledged.isEmpty(), 60000);
            first.pause();
            QCOMPARE(first.state(), TusUploader::State::Paused);
            url = first.uploadUrl();
            QVERIFY(first.offset() >= 4 << 20 && first.offset() < size);
        }
        const auto entry = journal.find(TusJournal::keyFor(m_server->url(QStringLiteral("/api/v1/uploads/")), file));
        QVERIFY(entry.has_value());
        QCOMPARE(entry->uploadUrl, url);
        QVERIFY(entry->offset >= 4 << 20);

        TusUploader second(&m_nam, options(file, 4 << 20), &journal);
        QSignalSpy created(&second, &TusUploader::uploadCreated);
        QSignalSpy finished(&second, &TusUploader::finished);
        QSignalSpy failed(&second, &TusUploader::failed);
        QSignalSpy progressed(&second, &TusUploader::progressed);
        second.start();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(second.errorString()));
        QVERIFY(created.isEmpty()); // resumed, not created again
        QCOMPARE(finished.at(0).at(0).toUrl(), url);
        QVERIFY(progressed.at(0).at(0).toLongLong() >= entry->offset);
        QCOMPARE(TestMedia::sha256OfFile(storedPath(url)), TestMedia::sha256OfFile(file));
        QVERIFY(!journal.find(TusJournal::keyFor(m_server->url(QStringLiteral("/api/v1/uploads/")), file)).has_value());
    }

    void cancelTerminatesTheUpload()
    {
        const QString file = mediaFile(8 << 20, 23);
        TusUploader uploader(&m_nam, options(file, 1 << 20));
        QSignalSpy acknowledged(&uploader, &TusUploader::chunkAcknowledged);
        QSignalSpy cancelled(&uploader, &TusUploader::cancelled);
        uploader.start();
        QTRY_VERIFY_WITH_TIMEOUT(!acknowledged.isEmpty(), 60000);
        uploader.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!cancelled.isEmpty(), 30000);
        const auto head = m_http.request("HEAD", m_server->url(uploader.uploadUrl().path()), {},
                                         {{"Tus-Resumable", "1.0.0"}, {"Authorization", "Bearer " + m_token}}, 5000);
        QVERIFY2(head.status == 410 || head.status == 404 || head.status == 0, QByteArray::number(head.status).constData());
        QCOMPARE(uploadInfo(uploader.uploadUrl()).value(QLatin1String("state")).toString(), QStringLiteral("terminated"));
        QVERIFY(!QFile::exists(storedPath(uploader.uploadUrl()) + QStringLiteral(".part")));
    }

    void refusalsAreReportedPrecisely()
    {
        // Expired or wrong credentials.
        {
            TusUploadOptions o = options(mediaFile(1 << 20, 24), 1 << 20);
            o.bearerToken = "not-a-token";
            TusUploader uploader(&m_nam, o);
            QSignalSpy failed(&uploader, &TusUploader::failed);
            uploader.start();
            QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
            QCOMPARE(uploader.error(), TusUploader::Error::AuthExpired);
        }
        // Larger than the server accepts (a sparse file: its bytes never travel).
        {
            const QString big = m_work->filePath(QStringLiteral("big.bin"));
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.resize((64 << 20) + 1));
            f.close();
            TusUploader uploader(&m_nam, options(big, 8 << 20));
            QSignalSpy failed(&uploader, &TusUploader::failed);
            uploader.start();
            QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
            QCOMPARE(uploader.error(), TusUploader::Error::FileTooLarge);
        }
        // Over the storage quota: two 60 MiB uploads fit, the fourth does not.
        {
            QList<std::shared_ptr<TusUploader>> holders;
            TusUploader::Error last = TusUploader::Error::None;
            for (int i = 0; i < 4 && last == TusUploader::Error::None; ++i) {
                const QString sparse = m_work->filePath(QStringLiteral("sparse-%1.bin").arg(i));
                QFile f(sparse);
                QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(60 << 20));
                f.close();
                auto uploader = std::make_shared<TusUploader>(&m_nam, options(sparse, 1 << 20));
                QSignalSpy created(uploader.get(), &TusUploader::uploadCreated);
                QSignalSpy failed(uploader.get(), &TusUploader::failed);
                uploader->start();
                QTRY_VERIFY_WITH_TIMEOUT(!created.isEmpty() || !failed.isEmpty(), 30000);
                uploader->pause();
                last = uploader->error();
                holders.append(uploader);
            }
            QCOMPARE(last, TusUploader::Error::QuotaReached);
            for (const auto &u : holders)
                u->cancel();
            QTest::qWait(500);
        }
        // Not a video, whatever its name says.
        {
            const QString fake = m_work->filePath(QStringLiteral("fake.mp4"));
            QFile f(fake);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("plain text, not a movie\n").repeated(50000));
            f.close();
            TusUploader uploader(&m_nam, options(fake, 1 << 20));
            QSignalSpy failed(&uploader, &TusUploader::failed);
            uploader.start();
            QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 30000);
            QCOMPARE(uploader.error(), TusUploader::Error::Rejected);
            QVERIFY(!uploader.errorString().isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(tst_TusUploader)
#include "tst_tusuploader.moc"
