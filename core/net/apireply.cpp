#include "core/net/apireply.h"

#include <QJsonDocument>

namespace Kinora::Core {

ApiReply::ApiReply(QObject *parent)
    : QObject(parent)
{
}

QJsonObject ApiReply::json() const
{
    return QJsonDocument::fromJson(m_body).object();
}

void ApiReply::finish(int httpStatus, const QByteArray &body, const ApiError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_httpStatus = httpStatus;
    m_body = body;
    m_error = error;
    Q_EMIT finished();
    deleteLater();
}

} // namespace Kinora::Core
