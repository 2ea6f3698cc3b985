#pragma once

#include "server/upload/uploadrecord.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Kinora::Server::Storage {
class Database;
}

namespace Kinora::Server::Upload {

// The uploads table. Quota sums and the insert run in one write transaction
// so that two concurrent creations cannot both slip under a limit.
class UploadStore
{
public:
    struct Usage
    {
        qint64 heldBytes = 0;       // declared length of uploading + complete uploads
        qint64 lastDayBytes = 0;    // declared length of uploads created in the last 24 h
        int incomplete = 0;         // uploads still uploading
    };
    // Decides inside the transaction whether the new upload fits (true: insert it).
    using AdmissionCheck = std::function<bool(const Usage &usage)>;

    enum class InsertOutcome { Inserted, Refused, Failed };

    explicit UploadStore(Storage::Database &database);

    InsertOutcome insertIfAdmitted(const UploadRecord &upload, const AdmissionCheck &admit, Usage *usage, QString *error);
    std::optional<UploadRecord> find(const QString &id, QString *error);
    // Moves the acknowledged offset from `from` to `to` and pushes the expiry back; false when the row changed meanwhile.
    bool advanceOffset(const QString &id, qint64 from, qint64 to, qint64 expiresAtMs, QString *error);
    // Moves the acknowledged offset back to what reached the disk (start-up, without upload.syncWrites).
    bool rewindOffset(const QString &id, qint64 from, qint64 to, QString *error);
    bool finish(const UploadRecord &upload, QString *error); // writes state, reason, probe, completed_at
    bool setState(const QString &id, UploadRecord::State state, const QString &reason, QString *error);
    QList<UploadRecord> expired(qint64 nowMs, QString *error);
    QList<UploadRecord> inState(UploadRecord::State state, QString *error);
    std::optional<bool> videoBelongsTo(const QString &videoId, qint64 userId, QString *error);

private:
    Storage::Database &m_database;
};

} // namespace Kinora::Server::Upload
