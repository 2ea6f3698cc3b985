#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTcpServer>

#include <functional>

// A minimal HTTP/1.1 server on 127.0.0.1 for player tests: files under a root
// directory (with Range support) and scripted routes that can fail, answer
// late or trickle their body at a fixed rate.
class LocalHttpServer : public QObject
{
    Q_OBJECT

public:
    struct Response
    {
        int status = 200;
        QByteArray body;
        int bytesPerSecond = 0; // 0: send at once
        int headerDelayMs = 0;
    };
    using Route = std::function<Response(const QByteArray &path, const QHash<QByteArray, QByteArray> &headers)>;

    explicit LocalHttpServer(QObject *parent = nullptr);

    bool listen();
    QString baseUrl() const;
    void setRoot(const QString &directory) { m_root = directory; }
    // Caps the rate files under the root are sent at (bytes per second, 0: unlimited).
    void setFileRate(int bytesPerSecond) { m_fileRate = bytesPerSecond; }
    void addRoute(const QByteArray &path, Route route) { m_routes.insert(path, std::move(route)); }
    int requestCount(const QByteArray &path) const { return m_counts.value(path); }
    QByteArray lastRangeHeader() const { return m_lastRange; }

private:
    void onConnection();
    void respond(class QTcpSocket *socket, const QByteArray &path, const QHash<QByteArray, QByteArray> &headers);
    void send(class QTcpSocket *socket, const Response &response, const QByteArray &contentRange);

    QTcpServer m_server;
    QString m_root;
    QHash<QByteArray, Route> m_routes;
    QHash<QByteArray, int> m_counts;
    QByteArray m_lastRange;
    int m_fileRate = 0;
};
