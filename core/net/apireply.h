#pragma once

#include "core/net/apierror.h"

#include <QByteArray>
#include <QJsonObject>
#include <QObject>

namespace Kinora::Core {

// The pending result of one ApiClient request. It emits finished() exactly
// once (after any silent token refresh and retry) and then deletes itself.
class ApiReply : public QObject
{
    Q_OBJECT
public:
    explicit ApiReply(QObject *parent = nullptr);

    bool isFinished() const { return m_finished; }
    bool isSuccess() const { return m_finished && m_httpStatus >= 200 && m_httpStatus < 300; }
    int httpStatus() const { return m_httpStatus; }
    QByteArray body() const { return m_body; }
    QJsonObject json() const;
    ApiError error() const { return m_error; }

    // Called by ApiClient only.
    void finish(int httpStatus, const QByteArray &body, const ApiError &error);

Q_SIGNALS:
    void finished();

private:
    bool m_finished = false;
    int m_httpStatus = 0;
    QByteArray m_body;
    ApiError m_error;
};

} // namespace Kinora::Core
