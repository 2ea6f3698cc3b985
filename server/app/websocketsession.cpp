#include "server/app/websocketsession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QWebSocket>

namespace Kinora::Server {

namespace {
QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

constexpr qsizetype kMaxMessageChars = 64 * 1024;
}

WebSocketSession::WebSocketSession(QWebSocket *socket)
    : QObject(socket)
    , m_socket(socket)
{
    connect(socket, &QWebSocket::textMessageReceived, this, &WebSocketSession::handleText);
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    socket->setMaxAllowedIncomingMessageSize(quint64(kMaxMessageChars) * 4);
    socket->sendTextMessage(compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("hello")},
                                                {QStringLiteral("version"), QStringLiteral(KINORA_VERSION)}}));
}

void WebSocketSession::accept(QWebSocket *socket)
{
    new WebSocketSession(socket); // owned by the socket
}

void WebSocketSession::handleText(const QString &message)
{
    const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString type = object.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("ping")) {
        m_socket->sendTextMessage(compact(QJsonObject{{QStringLiteral("type"), QStringLiteral("pong")}}));
        return;
    }
    m_socket->sendTextMessage(compact(QJsonObject{
        {QStringLiteral("type"), QStringLiteral("error")},
        {QStringLiteral("code"), type.isEmpty() ? QStringLiteral("invalid_message") : QStringLiteral("unknown_type")},
        {QStringLiteral("message"), type.isEmpty() ? tr("a message must be a JSON object with a \"type\"")
                                                   : tr("unknown message type \"%1\"").arg(type.left(64))},
    }));
}

} // namespace Kinora::Server
