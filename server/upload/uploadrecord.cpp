#include "server/upload/uploadrecord.h"

#include <QDateTime>

namespace Kinora::Server::Upload {

namespace {
QJsonValue timeValue(qint64 ms)
{
    if (ms <= 0)
        return QJsonValue::Null;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}
}

QString UploadRecord::stateName(State state)
{
    switch (state) {
    case State::Uploading: return QStringLiteral("uploading");
    case State::Complete: return QStringLiteral("complete");
    case State::Rejected: return QStringLiteral("rejected");
    case State::Terminated: return QStringLiteral("terminated");
    case State::Expired: return QStringLiteral("expired");
    }
    return QStringLiteral("uploading");
}

UploadRecord::State UploadRecord::stateFromName(const QString &name)
{
    if (name == QLatin1String("complete"))
        return State::Complete;
    if (name == QLatin1String("rejected"))
        return State::Rejected;
    if (name == QLatin1String("terminated"))
        return State::Terminated;
    if (name == QLatin1String("expired"))
        return State::Expired;
    return State::Uploading;
}

QJsonObject UploadRecord::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("state"), stateName(state));
    o.insert(QStringLiteral("offset"), double(offset));
    o.insert(QStringLiteral("length"), double(length));
    o.insert(QStringLiteral("filename"), filename);
    o.insert(QStringLiteral("filetype"), filetype);
    o.insert(QStringLiteral("videoId"), videoId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(videoId));
    o.insert(QStringLiteral("reason"), reason.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(reason));
    o.insert(QStringLiteral("probe"), probe.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(probe));
    o.insert(QStringLiteral("createdAt"), timeValue(createdAtMs));
    o.insert(QStringLiteral("expiresAt"), state == State::Uploading ? timeValue(expiresAtMs) : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("completedAt"), timeValue(completedAtMs));
    return o;
}

} // namespace Kinora::Server::Upload
