#pragma once

#include <QJsonObject>
#include <QString>

namespace Kinora::Server::Upload {

// One tus upload as stored: who owns it, how far it got and what became of it.
// offset is the acknowledged offset: every byte below it is on disk and flushed.
struct UploadRecord
{
    enum class State { Uploading, Complete, Rejected, Terminated, Expired };

    QString id;
    qint64 userId = 0;
    qint64 length = 0;
    qint64 offset = 0;
    State state = State::Uploading;
    QString filename;
    QString filetype;
    QString videoId;             // empty: not bound to a video
    QByteArray metadataHeader;   // Upload-Metadata as received, echoed by HEAD
    QString reason;              // why it was rejected
    QJsonObject probe;           // probe summary of a complete upload
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 completedAtMs = 0;

    bool isFinished() const { return offset >= length; }
    QJsonObject toJson() const;

    static QString stateName(State state);
    static State stateFromName(const QString &name);
};

} // namespace Kinora::Server::Upload
