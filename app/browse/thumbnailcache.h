#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSize>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace Kinora::App {

// Loads thumbnails over HTTP through a QNetworkDiskCache (in the app's cache
// location, or a folder the caller chooses), decodes them on the thread pool
// scaled to the size asked for, and keeps recent images in memory. Cards ask
// only when they are painted, so nothing off screen is fetched.
class ThumbnailCache : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const QImage &image)>;

    // cacheDir empty: QStandardPaths::CacheLocation + "/thumbnails".
    explicit ThumbnailCache(const QString &cacheDir = QString(), QObject *parent = nullptr);
    ~ThumbnailCache() override;

    // Calls done once with the image scaled to fit size (a null image when it
    // cannot be loaded), at once when it is in memory; never when context is gone.
    void request(const QUrl &url, const QSize &size, QObject *context, Callback done);
    bool contains(const QUrl &url, const QSize &size) const;
    int networkRequestCount() const { return m_networkRequests; }

private:
    struct Waiter
    {
        QPointer<QObject> context;
        Callback done;
    };
    static QString key(const QUrl &url, const QSize &size);
    void deliver(const QString &key, const QImage &image);

    QNetworkAccessManager *m_network;
    QCache<QString, QImage> m_memory;
    QHash<QString, QList<Waiter>> m_waiting;
    int m_networkRequests = 0;
};

} // namespace Kinora::App
