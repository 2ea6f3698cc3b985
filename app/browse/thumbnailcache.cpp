#include "app/browse/thumbnailcache.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkDiskCache>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace Kinora::App {

namespace {

constexpr qint64 DiskCacheBytes = 200 * 1024 * 1024;
constexpr int MemoryCacheKiB = 64 * 1024;

QImage decode(const QByteArray &bytes, const QSize &size)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize full = reader.size();
    // JPEG decodes straight to a smaller size, which is much faster.
    if (full.isValid() && size.isValid())
        reader.setScaledSize(full.scaled(size, Qt::KeepAspectRatioByExpanding));
    QImage image = reader.read();
    if (image.isNull() || !size.isValid())
        return image;
    return image.scaled(size, Qt::KeepAspectRatioByExpanding, Qt::SmoothTransformation);
}

} // namespace

ThumbnailCache::ThumbnailCache(const QString &cacheDir, QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    auto *disk = new QNetworkDiskCache(this);
    disk->setCacheDirectory(cacheDir.isEmpty()
                                ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation)
                                      + QStringLiteral("/thumbnails")
                                : cacheDir);
    disk->setMaximumCacheSize(DiskCacheBytes);
    m_network->setCache(disk);
    m_memory.setMaxCost(MemoryCacheKiB);
}

ThumbnailCache::~ThumbnailCache() = default;

QString ThumbnailCache::key(const QUrl &url, const QSize &size)
{
    return QStringLiteral("%1x%2 ").arg(size.width()).arg(size.height()) + url.toString();
}

bool ThumbnailCache::contains(const QUrl &url, const QSize &size) const
{
    return m_memory.contains(key(url, size));
}

void ThumbnailCache::request(const QUrl &url, const QSize &size, QObject *context, Callback done)
{
    const QString k = key(url, size);
    if (const QImage *image = m_memory.object(k)) {
        done(*image);
        return;
    }
    const bool pending = m_waiting.contains(k);
    m_waiting[k].append(Waiter{context, std::move(done)});
    if (pending)
        return;

    ++m_networkRequests;
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferCache);
    request.setTransferTimeout(30000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, k, size] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status < 200 || status >= 300) {
            deliver(k, QImage());
            return;
        }
        auto *watcher = new QFutureWatcher<QImage>(this);
        connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, k] {
            watcher->deleteLater();
            deliver(k, watcher->result());
        });
        watcher->setFuture(QtConcurrent::run(&decode, reply->readAll(), size));
    });
}

void ThumbnailCache::deliver(const QString &k, const QImage &image)
{
    if (!image.isNull())
        m_memory.insert(k, new QImage(image), qMax<qsizetype>(1, image.sizeInBytes() / 1024));
    const QList<Waiter> waiters = m_waiting.take(k);
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.done(image);
    }
}

} // namespace Kinora::App
