#include "localhttpserver.h"

#include <QFile>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

LocalHttpServer::LocalHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &LocalHttpServer::onConnection);
}

bool LocalHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QString LocalHttpServer::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort());
}

void LocalHttpServer::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                socket->setProperty("buffer", buffer);
                return;
            }
            socket->setProperty("buffer", buffer.mid(end + 4));
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            QHash<QByteArray, QByteArray> headers;
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
            }
            respond(socket, requestLine.value(1), headers);
        });
    }
}

void LocalHttpServer::respond(QTcpSocket *socket, const QByteArray &path, const QHash<QByteArray, QByteArray> &headers)
{
    m_counts[path] += 1;
    m_lastRange = headers.value("range");
    Response response;
    if (m_routes.contains(path)) {
        response = m_routes.value(path)(path, headers);
    } else {
        QFile file(m_root + QString::fromUtf8(path));
        if (m_root.isEmpty() || path.contains("..") || !file.open(QIODevice::ReadOnly)) {
            response.status = 404;
        } else {
            response.body = file.readAll();
            response.bytesPerSecond = m_fileRate;
        }
    }
    QByteArray contentRange;
    const QByteArray range = headers.value("range");
    if (response.status == 200 && range.startsWith("bytes=")) {
        const QList<QByteArray> bounds = range.mid(6).split('-');
        const qint64 first = bounds.value(0).toLongLong();
        const qint64 last = bounds.value(1).isEmpty() ? response.body.size() - 1 : bounds.value(1).toLongLong();
        contentRange = "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
            + QByteArray::number(response.body.size());
        response.body = response.body.mid(first, last - first + 1);
        response.status = 206;
    }
    if (response.headerDelayMs > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(response.headerDelayMs, this, [this, guard, response, contentRange] {
            if (guard)
                send(guard, response, contentRange);
        });
        return;
    }
    send(socket, response, contentRange);
}

void LocalHttpServer::send(QTcpSocket *socket, const Response &response, const QByteArray &contentRange)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + " X\r\nContent-Length: "
        + QByteArray::number(response.body.size()) + "\r\n";
    if (!contentRange.isEmpty())
        head += "Content-Range: " + contentRange + "\r\n";
    head += "\r\n";
    socket->write(head);
    if (response.bytesPerSecond <= 0) {
        socket->write(response.body);
        return;
    }
    // Trickle the body in 50 ms slices.
    const int slice = std::max(1, response.bytesPerSecond / 20);
    QPointer<QTcpSocket> guard(socket);
    auto *timer = new QTimer(socket);
    auto offset = std::make_shared<qsizetype>(0);
    const QByteArray body = response.body;
    connect(timer, &QTimer::timeout, socket, [guard, timer, offset, body, slice] {
        if (!guard || *offset >= body.size()) {
            timer->stop();
            return;
        }
        guard->write(body.mid(*offset, slice));
        *offset += slice;
    });
    timer->start(50);
}
